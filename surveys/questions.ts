// Every question id of the question bank, in the bank's order. The CSV
// format has one column per id, in this order.
export const QUESTION_IDS = [
  'age', 'gender', 'placement', 'leaver_home', 'time_in_care', 'disability',
  'sw_know', 'sw_trust', 'sw_count', 'sw_contact', 'sw_alone',
  'carer_trust', 'carer_notice', 'carer_talk',
  'see_mum', 'see_dad', 'see_siblings', 'good_friend', 'pet', 'trusted_adult',
  'pa_know', 'pa_contact', 'lonely',
  'understand_why', 'in_decisions', 'bullying', 'embarrassed', 'treated_unfairly',
  'like_school', 'fun_weekends', 'hobbies', 'nature', 'trusted_with', 'same_as_friends',
  'life_skills', 'education_work',
  'feel_safe', 'feel_settled', 'like_bedroom', 'home_right', 'neighbourhood_safe', 'worries',
  'life_better', 'happy_yesterday_faces', 'happy_yesterday', 'life_satisfaction', 'worthwhile',
  'future_positive', 'anything_else', 'make_care_better', 'make_life_better',
] as const;

export type QuestionId = (typeof QUESTION_IDS)[number];
