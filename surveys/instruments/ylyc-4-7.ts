// "Your life, your care" for ages 4 to 7, version 1. A trusted adult
// answers the background questions about the child, then hands over;
// the child answers on happy / neutral / sad faces (faces3).
// A published version never changes: make a new file for a new version.
import type { InstrumentInput } from '../schema.js';

export default {
  id: 'ylyc-4-7',
  version: 1,
  programme: 'ylyc',
  band: '4-7',
  minAge: 4,
  maxAge: 7,
  title: 'instruments.ylyc-4-7.title',
  questions: [
    { id: 'age', scale: 'age', text: 'questions.age_adult_about_child', answeredBy: 'adult', required: true },
    { id: 'gender', scale: 'gender', text: 'questions.gender_adult_about_child', answeredBy: 'adult' },
    { id: 'placement', scale: 'placement', text: 'questions.placement_adult_about_child', answeredBy: 'adult' },
    { id: 'time_in_care', scale: 'time_in_care', text: 'questions.time_in_care_adult_about_child', answeredBy: 'adult' },
    { id: 'sw_know', scale: 'yes_no_unsure', text: 'questions.sw_know' },
    {
      id: 'sw_trust',
      scale: 'faces3',
      text: 'questions.sw_trust',
      condition: { question: 'sw_know', notIn: ['no'] },
    },
    { id: 'carer_trust', scale: 'faces3', text: 'questions.carer_trust' },
    { id: 'carer_notice', scale: 'faces3', text: 'questions.carer_notice' },
    { id: 'good_friend', scale: 'faces3', text: 'questions.good_friend' },
    { id: 'understand_why', scale: 'understand', text: 'questions.understand_why' },
    { id: 'like_school', scale: 'faces3', text: 'questions.like_school' },
    { id: 'fun_weekends', scale: 'faces3', text: 'questions.fun_weekends' },
    { id: 'feel_safe', scale: 'faces3', text: 'questions.feel_safe' },
    { id: 'feel_settled', scale: 'faces3', text: 'questions.feel_settled' },
    { id: 'like_bedroom', scale: 'faces3', text: 'questions.like_bedroom' },
    { id: 'happy_yesterday_faces', scale: 'happy5', text: 'questions.happy_yesterday_faces' },
    { id: 'anything_else', scale: 'text', text: 'questions.anything_else' },
  ],
  indicators: [
    { indicator: 'knows_social_worker', question: 'sw_know', options: ['yes'] },
    { indicator: 'trusts_social_worker', question: 'sw_trust', options: ['yes'] },
    { indicator: 'trusts_carers', question: 'carer_trust', options: ['yes'] },
    { indicator: 'carers_notice_feelings', question: 'carer_notice', options: ['yes'] },
    { indicator: 'has_good_friend', question: 'good_friend', options: ['yes'] },
    { indicator: 'understands_why_in_care', question: 'understand_why', options: ['yes'] },
    { indicator: 'likes_school', question: 'like_school', options: ['yes'] },
    { indicator: 'has_fun', question: 'fun_weekends', options: ['yes'] },
    { indicator: 'feels_safe', question: 'feel_safe', options: ['yes'] },
    { indicator: 'feels_settled', question: 'feel_settled', options: ['yes'] },
    { indicator: 'likes_bedroom', question: 'like_bedroom', options: ['yes'] },
    { indicator: 'low_happiness', question: 'happy_yesterday_faces', options: [1, 2] },
  ],
  scores: ['happy_yesterday_faces'],
} satisfies InstrumentInput;
