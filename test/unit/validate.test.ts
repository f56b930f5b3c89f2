// What a valid set of answers is: validateAnswers and isShown.
import { describe, expect, it } from 'vitest';
import {
  getInstrument,
  isShown,
  validateAnswers,
  type Answers,
  type Instrument,
  type Question,
} from '../../surveys/index.js';

function inst(id: string): Instrument {
  const found = getInstrument(id, 1);
  if (!found) throw new Error(`no instrument ${id} v1`);
  return found;
}

function question(instrument: Instrument, id: string): Question {
  const found = instrument.questions.find((q) => q.id === id);
  if (!found) throw new Error(`${instrument.id} does not ask ${id}`);
  return found;
}

/** The paths of the issues, or [] when the answers are valid. */
function issuePaths(id: string, answers: unknown): string[] {
  const result = validateAnswers(inst(id), answers);
  return result.ok ? [] : result.issues.map((i) => i.path);
}

/** A complete response (every question answered) per instrument. */
const FULL: Record<string, Answers> = {
  'ylyc-4-7': {
    age: 6,
    gender: 'female',
    placement: 'foster_care',
    time_in_care: '1_to_2_years',
    sw_know: 'yes',
    sw_trust: 'sometimes',
    carer_trust: 'yes',
    carer_notice: 'yes',
    good_friend: 'no',
    understand_why: 'a_bit',
    like_school: 'yes',
    fun_weekends: 'sometimes',
    feel_safe: 'yes',
    feel_settled: 'yes',
    like_bedroom: 'yes',
    happy_yesterday_faces: 4,
    anything_else: 'I like my cat.',
  },
  'ylyc-8-11': {
    age: 9,
    gender: 'male',
    placement: 'family_or_friends',
    time_in_care: '2_to_5_years',
    sw_know: 'not_sure',
    sw_trust: 'all_or_most',
    sw_contact: 'sometimes',
    sw_alone: 'yes',
    carer_trust: 'all_or_most',
    carer_notice: 'sometimes',
    carer_talk: 'hardly_ever',
    see_mum: 'too_little',
    see_dad: 'no_contact',
    see_siblings: 'about_right',
    good_friend: 'yes',
    pet: 'no',
    understand_why: 'yes',
    in_decisions: 'never',
    bullying: 'never',
    like_school: 'all_or_most',
    hobbies: 'sometimes',
    nature: 'all_or_most',
    feel_safe: 'all_or_most',
    feel_settled: 'sometimes',
    like_bedroom: 'yes',
    life_better: 'yes',
    happy_yesterday_faces: 5,
    make_care_better: 'Seeing my brother more.',
  },
  'ylyc-11-17': {
    age: 14,
    gender: 'another_way',
    placement: 'childrens_home',
    time_in_care: 'over_5_years',
    disability: 'no',
    sw_know: 'yes',
    sw_trust: 'sometimes',
    sw_count: 'three_or_more',
    sw_contact: 'hardly_ever',
    sw_alone: 'no',
    carer_trust: 'sometimes',
    carer_notice: 'never',
    carer_talk: 'sometimes',
    see_mum: 'about_right',
    see_dad: 'too_much',
    see_siblings: 'too_little',
    good_friend: 'yes',
    pet: 'yes',
    trusted_adult: 'yes',
    understand_why: 'no',
    in_decisions: 'sometimes',
    bullying: 'hardly_ever',
    embarrassed: 'sometimes',
    like_school: 'hardly_ever',
    hobbies: 'all_or_most',
    nature: 'sometimes',
    trusted_with: 'all_or_most',
    same_as_friends: 'sometimes',
    life_skills: 'yes',
    feel_safe: 'all_or_most',
    feel_settled: 'all_or_most',
    like_bedroom: 'no',
    worries: 'sometimes',
    life_better: 'not_sure',
    happy_yesterday: 0,
    life_satisfaction: 10,
    worthwhile: 6,
    future_positive: 7,
    make_care_better: 'Fewer changes of social worker. 🙏',
  },
  'ylbc-16-25': {
    age: 19,
    gender: 'prefer_not_to_say',
    leaver_home: 'supported_accommodation',
    disability: 'not_sure',
    good_friend: 'yes',
    trusted_adult: 'no',
    pa_know: 'yes',
    pa_contact: 'all_or_most',
    lonely: 'some_of_the_time',
    treated_unfairly: 'hardly_ever',
    education_work: 'yes',
    feel_safe: 'sometimes',
    feel_settled: 'hardly_ever',
    home_right: 'sometimes',
    neighbourhood_safe: 'never',
    worries: 'all_or_most',
    life_better: 'yes',
    happy_yesterday: 5,
    life_satisfaction: 4,
    worthwhile: 8,
    future_positive: 9,
    make_life_better: 'Help with money and finding a flat.',
  },
};

const IDS = Object.keys(FULL);

describe('validateAnswers accepts', () => {
  it.each(IDS)('a complete response to %s', (id) => {
    const answers = FULL[id]!;
    expect(Object.keys(answers)).toEqual(inst(id).questions.map((q) => q.id));
    expect(validateAnswers(inst(id), answers)).toEqual({ ok: true, answers });
  });

  it.each(IDS)('a response to %s with only age (everything else skipped)', (id) => {
    const age = inst(id).minAge;
    expect(validateAnswers(inst(id), { age })).toEqual({ ok: true, answers: { age } });
  });

  it('every age in the band, at both ends, and 11 in both 8-11 and 11-17', () => {
    for (const id of IDS) {
      const { minAge, maxAge } = inst(id);
      for (let age = minAge; age <= maxAge; age++) expect(issuePaths(id, { age }), `${id} age ${age}`).toEqual([]);
    }
    expect(issuePaths('ylyc-8-11', { age: 11 })).toEqual([]);
    expect(issuePaths('ylyc-11-17', { age: 11 })).toEqual([]);
  });

  it('every end of every integer scale', () => {
    expect(issuePaths('ylyc-11-17', { age: 12, life_satisfaction: 0, worthwhile: 10 })).toEqual([]);
    expect(issuePaths('ylyc-4-7', { age: 4, happy_yesterday_faces: 1 })).toEqual([]);
    expect(issuePaths('ylyc-4-7', { age: 4, happy_yesterday_faces: 5 })).toEqual([]);
  });

  it('text of exactly 1,000 characters, counting an emoji as one character', () => {
    expect(issuePaths('ylyc-8-11', { age: 9, make_care_better: 'a'.repeat(1000) })).toEqual([]);
    const emoji = '😀'.repeat(1000);
    expect(emoji.length).toBe(2000);
    expect(issuePaths('ylyc-8-11', { age: 9, make_care_better: emoji })).toEqual([]);
    expect(issuePaths('ylyc-8-11', { age: 9, make_care_better: 'a'.repeat(999) + '🌈' })).toEqual([]);
  });

  it('a question whose condition holds, and one whose dependency was skipped', () => {
    expect(issuePaths('ylyc-8-11', { age: 9, sw_know: 'not_sure', sw_trust: 'never', sw_contact: 'never' })).toEqual([]);
    expect(issuePaths('ylyc-8-11', { age: 9, sw_trust: 'never', sw_contact: 'never' })).toEqual([]);
    expect(issuePaths('ylbc-16-25', { age: 20, pa_contact: 'sometimes' })).toEqual([]);
  });

  it('a hiding answer on its own (the dependent question left out)', () => {
    expect(issuePaths('ylyc-4-7', { age: 5, sw_know: 'no' })).toEqual([]);
  });
});

describe('validateAnswers rejects, naming the field', () => {
  const with11to17 = (change: Record<string, unknown>) => issuePaths('ylyc-11-17', { ...FULL['ylyc-11-17'], ...change });

  it('answers that are not an object', () => {
    for (const answers of [null, [], 'yes', 7, undefined]) expect(issuePaths('ylyc-8-11', answers)).toEqual(['answers']);
  });

  it('an unknown question', () => {
    expect(issuePaths('ylyc-8-11', { age: 9, favourite_colour: 'blue' })).toEqual(['answers.favourite_colour']);
  });

  it('a bank question this instrument does not ask', () => {
    expect(issuePaths('ylyc-4-7', { age: 5, pet: 'yes' })).toEqual(['answers.pet']);
    expect(issuePaths('ylbc-16-25', { age: 20, sw_know: 'yes' })).toEqual(['answers.sw_know']);
  });

  it('a key inherited from Object.prototype', () => {
    expect(issuePaths('ylyc-8-11', JSON.parse('{"age": 9, "constructor": "x", "toString": "y"}'))).toEqual([
      'answers.constructor',
      'answers.toString',
    ]);
  });

  it('an option that is not on the scale', () => {
    expect(with11to17({ sw_know: 'maybe' })).toEqual(['answers.sw_know']);
    expect(with11to17({ gender: 'Boy' })).toEqual(['answers.gender']);
    expect(with11to17({ gender: 1 })).toEqual(['answers.gender']);
    // an option of another scale: freq4's answer on a 4-7 faces question
    expect(issuePaths('ylyc-4-7', { ...FULL['ylyc-4-7'], like_school: 'all_or_most' })).toEqual(['answers.like_school']);
  });

  it('a number out of range', () => {
    expect(with11to17({ life_satisfaction: 11 })).toEqual(['answers.life_satisfaction']);
    expect(with11to17({ worthwhile: -1 })).toEqual(['answers.worthwhile']);
    expect(issuePaths('ylyc-8-11', { age: 9, happy_yesterday_faces: 0 })).toEqual(['answers.happy_yesterday_faces']);
    expect(issuePaths('ylyc-8-11', { age: 9, happy_yesterday_faces: 6 })).toEqual(['answers.happy_yesterday_faces']);
  });

  it('a number that is not a whole number, or not a number', () => {
    expect(with11to17({ life_satisfaction: 7.5 })).toEqual(['answers.life_satisfaction']);
    expect(with11to17({ future_positive: Number.NaN })).toEqual(['answers.future_positive']);
    expect(with11to17({ future_positive: Number.POSITIVE_INFINITY })).toEqual(['answers.future_positive']);
    expect(with11to17({ happy_yesterday: '7' })).toEqual(['answers.happy_yesterday']);
    expect(with11to17({ age: 14.5 })).toEqual(['answers.age']);
  });

  it('text over 1,000 characters', () => {
    expect(with11to17({ make_care_better: 'a'.repeat(1001) })).toEqual(['answers.make_care_better']);
    expect(with11to17({ make_care_better: '😀'.repeat(1001) })).toEqual(['answers.make_care_better']);
  });

  it('empty text and text that is not a string', () => {
    expect(with11to17({ make_care_better: '' })).toEqual(['answers.make_care_better']);
    expect(with11to17({ make_care_better: ' \n\t ' })).toEqual(['answers.make_care_better']);
    expect(with11to17({ make_care_better: 42 })).toEqual(['answers.make_care_better']);
  });

  it('text with control characters, while tabs and line breaks are fine', () => {
    expect(with11to17({ make_care_better: 'hello\u0000' })).toEqual(['answers.make_care_better']);
    expect(with11to17({ make_care_better: 'bell\u0007' })).toEqual(['answers.make_care_better']);
    expect(with11to17({ make_care_better: 'del\u007f' })).toEqual(['answers.make_care_better']);
    expect(with11to17({ make_care_better: 'line one\r\nline two\tand a tab' })).toEqual([]);
  });

  it('text with C1 controls, half a surrogate pair, or nothing visible; bidirectional controls are removed', () => {
    for (const bad of ['a\u0085b', '\u009b31m', 'ok \ud800 ok', 'ok \udc00', '\u200b', '\u00ad \u2060\ufeff', '\u202e'])
      expect(with11to17({ make_care_better: bad }), JSON.stringify(bad)).toEqual(['answers.make_care_better']);
    const result = validateAnswers(inst('ylyc-11-17'), { age: 12, make_care_better: 'a \u202Edesrever\u202C \u2066b\u2069 😀 \u200d' });
    expect(result).toEqual({ ok: true, answers: { age: 12, make_care_better: 'a desrever b 😀 \u200d' } });
  });

  it('a null or undefined value (a skip is an absent key)', () => {
    expect(with11to17({ sw_know: null })).toEqual(['answers.sw_know']);
    expect(with11to17({ make_care_better: null })).toEqual(['answers.make_care_better']);
    expect(with11to17({ life_satisfaction: undefined })).toEqual(['answers.life_satisfaction']);
  });

  it('an answer to a question whose condition is not met', () => {
    const result = validateAnswers(inst('ylyc-8-11'), { age: 9, sw_know: 'no', sw_trust: 'all_or_most' });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'answers.sw_trust', message: expect.stringContaining('sw_know') }],
    });
    expect(with11to17({ sw_know: 'no' })).toEqual(['answers.sw_trust', 'answers.sw_contact']);
    expect(issuePaths('ylyc-4-7', { age: 5, sw_know: 'no', sw_trust: 'yes' })).toEqual(['answers.sw_trust']);
    expect(issuePaths('ylbc-16-25', { age: 20, pa_know: 'no', pa_contact: 'never' })).toEqual(['answers.pa_contact']);
  });

  it('an age outside the band', () => {
    expect(issuePaths('ylyc-4-7', { age: 3 })).toEqual(['answers.age']);
    expect(issuePaths('ylyc-4-7', { age: 8 })).toEqual(['answers.age']);
    expect(issuePaths('ylyc-8-11', { age: 12 })).toEqual(['answers.age']);
    expect(issuePaths('ylyc-11-17', { age: 10 })).toEqual(['answers.age']);
    expect(issuePaths('ylyc-11-17', { age: 18 })).toEqual(['answers.age']);
    expect(issuePaths('ylbc-16-25', { age: 15 })).toEqual(['answers.age']);
    expect(issuePaths('ylbc-16-25', { age: 26 })).toEqual(['answers.age']);
    expect(issuePaths('ylbc-16-25', { age: '19' })).toEqual(['answers.age']);
  });

  it('a missing age', () => {
    expect(validateAnswers(inst('ylyc-8-11'), {})).toEqual({
      ok: false,
      issues: [{ path: 'answers.age', message: 'required' }],
    });
    const { age: _age, ...rest } = FULL['ylbc-16-25']!;
    expect(issuePaths('ylbc-16-25', rest)).toEqual(['answers.age']);
  });

  it('reports every problem at once', () => {
    expect(issuePaths('ylyc-8-11', { sw_know: 'no', sw_trust: 'never', pet: 'maybe', colour: 'red' })).toEqual([
      'answers.colour',
      'answers.age',
      'answers.sw_trust',
      'answers.pet',
    ]);
  });
});

describe('isShown', () => {
  const i8to11 = inst('ylyc-8-11');
  const swTrust = question(i8to11, 'sw_trust');
  const swContact = question(i8to11, 'sw_contact');

  it('always shows a question without a condition', () => {
    expect(isShown(question(i8to11, 'pet'), {})).toBe(true);
    expect(isShown(question(i8to11, 'sw_know'), { sw_know: 'no' })).toBe(true);
  });

  it('hides a question when its dependency has a hiding answer', () => {
    expect(isShown(swTrust, { sw_know: 'no' })).toBe(false);
    expect(isShown(swContact, { sw_know: 'no' })).toBe(false);
    expect(isShown(question(inst('ylyc-4-7'), 'sw_trust'), { sw_know: 'no' })).toBe(false);
    expect(isShown(question(inst('ylbc-16-25'), 'pa_contact'), { pa_know: 'no' })).toBe(false);
  });

  it('shows it for every other answer', () => {
    expect(isShown(swTrust, { sw_know: 'yes' })).toBe(true);
    expect(isShown(swTrust, { sw_know: 'not_sure' })).toBe(true);
    expect(isShown(question(inst('ylbc-16-25'), 'pa_contact'), { pa_know: 'not_sure' })).toBe(true);
  });

  it('shows it when the dependency was skipped', () => {
    expect(isShown(swTrust, {})).toBe(true);
    expect(isShown(swTrust, { age: 9, pet: 'yes' })).toBe(true);
    expect(isShown(question(inst('ylbc-16-25'), 'pa_contact'), { age: 20 })).toBe(true);
  });

  it('looks only at the dependency, not at other answers', () => {
    expect(isShown(swTrust, { sw_know: 'yes', pet: 'no', like_bedroom: 'no' })).toBe(true);
  });
});
