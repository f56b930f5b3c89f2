// The instrument definitions against QUESTION_BANK.md, written out again
// here by hand so that a slip in surveys/instruments/ shows up as a diff.
import { describe, expect, it } from 'vitest';
import {
  INDICATORS,
  INDICATOR_IDS,
  BUILT_IN_INSTRUMENTS,
  InstrumentSchema,
  QUESTION_IDS,
  loadInstruments,
  programmeInstruments,
  type Instrument,
  type InstrumentInput,
} from '../../surveys/index.js';
import ylyc4to7 from '../../surveys/instruments/ylyc-4-7.js';
import ylyc8to11 from '../../surveys/instruments/ylyc-8-11.js';
import ylyc11to17 from '../../surveys/instruments/ylyc-11-17.js';
import ylbc16to25 from '../../surveys/instruments/ylbc-16-25.js';
import { askedIndicators, builtInBands } from '../../surveys/instruments/published.js';

/** [question id, scale] or [question id, scale, 'adult'] when a trusted adult answers it. */
type Row = readonly [string, string] | readonly [string, string, 'adult'];

interface Expected {
  programme: 'ylyc' | 'ylbc';
  band: string;
  minAge: number;
  maxAge: number;
  /** The questions in the order a child sees them (the bank table's order). */
  questions: readonly Row[];
  /** question → [the question it depends on, answers that hide it]. */
  conditions: Record<string, readonly [string, readonly string[]]>;
  /** indicator → [question, counted answers]. */
  indicators: Record<string, readonly [string, readonly (string | number)[]]>;
  scores: readonly string[];
}

const SW_CONDITION = ['sw_know', ['no']] as const;
const FREQ_TOP = ['all_or_most'] as const;
const FREQ_ANY = ['all_or_most', 'sometimes'] as const;
const ZERO_TO_FOUR = [0, 1, 2, 3, 4] as const;

const EXPECTED: Record<string, Expected> = {
  'ylyc-4-7': {
    programme: 'ylyc',
    band: '4-7',
    minAge: 4,
    maxAge: 7,
    questions: [
      ['age', 'age', 'adult'],
      ['gender', 'gender', 'adult'],
      ['placement', 'placement', 'adult'],
      ['time_in_care', 'time_in_care', 'adult'],
      ['sw_know', 'yes_no_unsure'],
      ['sw_trust', 'faces3'],
      ['carer_trust', 'faces3'],
      ['carer_notice', 'faces3'],
      ['good_friend', 'faces3'],
      ['understand_why', 'understand'],
      ['like_school', 'faces3'],
      ['fun_weekends', 'faces3'],
      ['feel_safe', 'faces3'],
      ['feel_settled', 'faces3'],
      ['like_bedroom', 'faces3'],
      ['happy_yesterday_faces', 'happy5'],
      ['anything_else', 'text'],
    ],
    conditions: { sw_trust: SW_CONDITION },
    indicators: {
      knows_social_worker: ['sw_know', ['yes']],
      trusts_social_worker: ['sw_trust', ['yes']],
      trusts_carers: ['carer_trust', ['yes']],
      carers_notice_feelings: ['carer_notice', ['yes']],
      has_good_friend: ['good_friend', ['yes']],
      understands_why_in_care: ['understand_why', ['yes']],
      likes_school: ['like_school', ['yes']],
      has_fun: ['fun_weekends', ['yes']],
      feels_safe: ['feel_safe', ['yes']],
      feels_settled: ['feel_settled', ['yes']],
      likes_bedroom: ['like_bedroom', ['yes']],
      low_happiness: ['happy_yesterday_faces', [1, 2]],
    },
    scores: ['happy_yesterday_faces'],
  },
  'ylyc-8-11': {
    programme: 'ylyc',
    band: '8-11',
    minAge: 8,
    maxAge: 11,
    questions: [
      ['age', 'age'],
      ['gender', 'gender'],
      ['placement', 'placement'],
      ['time_in_care', 'time_in_care'],
      ['sw_know', 'yes_no_unsure'],
      ['sw_trust', 'freq4'],
      ['sw_contact', 'freq4'],
      ['sw_alone', 'yes_no'],
      ['carer_trust', 'freq4'],
      ['carer_notice', 'freq4'],
      ['carer_talk', 'freq4'],
      ['see_mum', 'contact'],
      ['see_dad', 'contact'],
      ['see_siblings', 'contact'],
      ['good_friend', 'yes_no'],
      ['pet', 'yes_no'],
      ['understand_why', 'understand'],
      ['in_decisions', 'freq4'],
      ['bullying', 'freq4'],
      ['like_school', 'freq4'],
      ['hobbies', 'freq4'],
      ['nature', 'freq4'],
      ['feel_safe', 'freq4'],
      ['feel_settled', 'freq4'],
      ['like_bedroom', 'yes_no'],
      ['life_better', 'yes_no_unsure'],
      ['happy_yesterday_faces', 'happy5'],
      ['make_care_better', 'text'],
    ],
    conditions: { sw_trust: SW_CONDITION, sw_contact: SW_CONDITION },
    indicators: {
      knows_social_worker: ['sw_know', ['yes']],
      trusts_social_worker: ['sw_trust', FREQ_TOP],
      can_contact_social_worker: ['sw_contact', FREQ_ANY],
      trusts_carers: ['carer_trust', FREQ_TOP],
      carers_notice_feelings: ['carer_notice', FREQ_TOP],
      has_good_friend: ['good_friend', ['yes']],
      understands_why_in_care: ['understand_why', ['yes']],
      included_in_decisions: ['in_decisions', FREQ_TOP],
      afraid_of_bullying: ['bullying', FREQ_ANY],
      likes_school: ['like_school', FREQ_TOP],
      has_fun: ['hobbies', FREQ_ANY],
      feels_safe: ['feel_safe', FREQ_TOP],
      feels_settled: ['feel_settled', FREQ_TOP],
      likes_bedroom: ['like_bedroom', ['yes']],
      life_getting_better: ['life_better', ['yes']],
      low_happiness: ['happy_yesterday_faces', [1, 2]],
    },
    scores: ['happy_yesterday_faces'],
  },
  'ylyc-11-17': {
    programme: 'ylyc',
    band: '11-17',
    minAge: 11,
    maxAge: 17,
    questions: [
      ['age', 'age'],
      ['gender', 'gender'],
      ['placement', 'placement'],
      ['time_in_care', 'time_in_care'],
      ['disability', 'yes_no_unsure'],
      ['sw_know', 'yes_no_unsure'],
      ['sw_trust', 'freq4'],
      ['sw_count', 'sw_count'],
      ['sw_contact', 'freq4'],
      ['sw_alone', 'yes_no'],
      ['carer_trust', 'freq4'],
      ['carer_notice', 'freq4'],
      ['carer_talk', 'freq4'],
      ['see_mum', 'contact'],
      ['see_dad', 'contact'],
      ['see_siblings', 'contact'],
      ['good_friend', 'yes_no'],
      ['pet', 'yes_no'],
      ['trusted_adult', 'yes_no'],
      ['understand_why', 'understand'],
      ['in_decisions', 'freq4'],
      ['bullying', 'freq4'],
      ['embarrassed', 'freq4'],
      ['like_school', 'freq4'],
      ['hobbies', 'freq4'],
      ['nature', 'freq4'],
      ['trusted_with', 'freq4'],
      ['same_as_friends', 'freq4'],
      ['life_skills', 'yes_no'],
      ['feel_safe', 'freq4'],
      ['feel_settled', 'freq4'],
      ['like_bedroom', 'yes_no'],
      ['worries', 'freq4'],
      ['life_better', 'yes_no_unsure'],
      ['happy_yesterday', 'scale0_10'],
      ['life_satisfaction', 'scale0_10'],
      ['worthwhile', 'scale0_10'],
      ['future_positive', 'scale0_10'],
      ['make_care_better', 'text'],
    ],
    conditions: { sw_trust: SW_CONDITION, sw_contact: SW_CONDITION },
    indicators: {
      knows_social_worker: ['sw_know', ['yes']],
      trusts_social_worker: ['sw_trust', FREQ_TOP],
      same_social_worker: ['sw_count', ['one']],
      can_contact_social_worker: ['sw_contact', FREQ_ANY],
      trusts_carers: ['carer_trust', FREQ_TOP],
      carers_notice_feelings: ['carer_notice', FREQ_TOP],
      has_good_friend: ['good_friend', ['yes']],
      has_trusted_adult: ['trusted_adult', ['yes']],
      understands_why_in_care: ['understand_why', ['yes']],
      included_in_decisions: ['in_decisions', FREQ_TOP],
      afraid_of_bullying: ['bullying', FREQ_ANY],
      made_embarrassed: ['embarrassed', FREQ_ANY],
      likes_school: ['like_school', FREQ_TOP],
      has_fun: ['hobbies', FREQ_ANY],
      given_trust: ['trusted_with', FREQ_TOP],
      feels_safe: ['feel_safe', FREQ_TOP],
      feels_settled: ['feel_settled', FREQ_TOP],
      likes_bedroom: ['like_bedroom', ['yes']],
      life_getting_better: ['life_better', ['yes']],
      low_life_satisfaction: ['life_satisfaction', ZERO_TO_FOUR],
      low_happiness: ['happy_yesterday', ZERO_TO_FOUR],
    },
    scores: ['life_satisfaction', 'worthwhile', 'happy_yesterday', 'future_positive'],
  },
  'ylbc-16-25': {
    programme: 'ylbc',
    band: '16-25',
    minAge: 16,
    maxAge: 25,
    questions: [
      ['age', 'age'],
      ['gender', 'gender'],
      ['leaver_home', 'leaver_home'],
      ['disability', 'yes_no_unsure'],
      ['good_friend', 'yes_no'],
      ['trusted_adult', 'yes_no'],
      ['pa_know', 'yes_no_unsure'],
      ['pa_contact', 'freq4'],
      ['lonely', 'lonely5'],
      ['treated_unfairly', 'freq4'],
      ['education_work', 'yes_no'],
      ['feel_safe', 'freq4'],
      ['feel_settled', 'freq4'],
      ['home_right', 'freq4'],
      ['neighbourhood_safe', 'freq4'],
      ['worries', 'freq4'],
      ['life_better', 'yes_no_unsure'],
      ['happy_yesterday', 'scale0_10'],
      ['life_satisfaction', 'scale0_10'],
      ['worthwhile', 'scale0_10'],
      ['future_positive', 'scale0_10'],
      ['make_life_better', 'text'],
    ],
    conditions: { pa_contact: ['pa_know', ['no']] },
    indicators: {
      has_good_friend: ['good_friend', ['yes']],
      has_trusted_adult: ['trusted_adult', ['yes']],
      knows_personal_adviser: ['pa_know', ['yes']],
      often_lonely: ['lonely', ['often_always']],
      feels_safe: ['feel_safe', FREQ_TOP],
      feels_settled: ['feel_settled', FREQ_TOP],
      life_getting_better: ['life_better', ['yes']],
      low_life_satisfaction: ['life_satisfaction', ZERO_TO_FOUR],
      low_happiness: ['happy_yesterday', ZERO_TO_FOUR],
    },
    scores: ['life_satisfaction', 'worthwhile', 'happy_yesterday', 'future_positive'],
  },
};

/** The bank's indicator table: which questions can feed each indicator (any band). */
const INDICATOR_QUESTIONS: Record<string, readonly string[]> = {
  knows_social_worker: ['sw_know'],
  trusts_social_worker: ['sw_trust'],
  same_social_worker: ['sw_count'],
  can_contact_social_worker: ['sw_contact'],
  trusts_carers: ['carer_trust'],
  carers_notice_feelings: ['carer_notice'],
  has_good_friend: ['good_friend'],
  has_trusted_adult: ['trusted_adult'],
  knows_personal_adviser: ['pa_know'],
  often_lonely: ['lonely'],
  understands_why_in_care: ['understand_why'],
  included_in_decisions: ['in_decisions'],
  afraid_of_bullying: ['bullying'],
  made_embarrassed: ['embarrassed'],
  likes_school: ['like_school'],
  has_fun: ['fun_weekends', 'hobbies'],
  given_trust: ['trusted_with'],
  feels_safe: ['feel_safe'],
  feels_settled: ['feel_settled'],
  likes_bedroom: ['like_bedroom'],
  life_getting_better: ['life_better'],
  low_life_satisfaction: ['life_satisfaction'],
  low_happiness: ['happy_yesterday', 'happy_yesterday_faces'],
};

const SCORE_QUESTIONS = ['life_satisfaction', 'worthwhile', 'happy_yesterday', 'future_positive', 'happy_yesterday_faces'];

/** Question text keys that differ from `questions.<id>`, per instrument. */
const TEXT_OVERRIDES: Record<string, Record<string, string>> = {
  'ylyc-4-7': {
    age: 'questions.age_adult_about_child',
    gender: 'questions.gender_adult_about_child',
    placement: 'questions.placement_adult_about_child',
    time_in_care: 'questions.time_in_care_adult_about_child',
  },
  'ylyc-8-11': {},
  'ylyc-11-17': {},
  'ylbc-16-25': { gender: 'questions.gender_adult' },
};
/** Option label prefixes that differ from `scales.<scale>`, per instrument. */
const LABEL_OVERRIDES: Record<string, Record<string, string>> = {
  'ylyc-4-7': {},
  'ylyc-8-11': {},
  'ylyc-11-17': {},
  'ylbc-16-25': { gender: 'scales.gender_adult' },
};

const RAW: Record<string, InstrumentInput> = {
  'ylyc-4-7': ylyc4to7,
  'ylyc-8-11': ylyc8to11,
  'ylyc-11-17': ylyc11to17,
  'ylbc-16-25': ylbc16to25,
};

function instrument(id: string): Instrument {
  const found = BUILT_IN_INSTRUMENTS.find((i) => i.id === id);
  if (!found) throw new Error(`instrument ${id} is not loaded`);
  return found;
}

const IDS = Object.keys(EXPECTED);

describe('the instrument registry', () => {
  it('holds exactly the four instruments of the bank, each at version 1', () => {
    expect(BUILT_IN_INSTRUMENTS.map((i) => [i.id, i.version])).toEqual(IDS.map((id) => [id, 1]));
  });

  it.each(IDS)('%s loads with InstrumentSchema', (id) => {
    const raw = RAW[id]!;
    const parsed = InstrumentSchema.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    // The registry adds who answers: the child survey's look under 11, the young people's from 11.
    expect(instrument(id)).toEqual({ ...parsed.data, audience: ['ylyc-4-7', 'ylyc-8-11'].includes(id) ? 'children' : 'young_people' });
  });

  it('uses every indicator in INDICATORS in at least one instrument', () => {
    const used = new Set(BUILT_IN_INSTRUMENTS.flatMap((i) => i.indicators.map((r) => r.indicator)));
    expect(INDICATORS.map((d) => d.id).filter((id) => !used.has(id))).toEqual([]);
    expect(INDICATORS).toHaveLength(23);
    expect(Object.keys(INDICATOR_QUESTIONS).sort()).toEqual([...INDICATOR_IDS].sort());
  });

  it('gives the portal the same bands and asked indicators as the registry, from the plain data', () => {
    for (const programme of ['ylyc', 'ylbc'] as const) {
      const loaded = programmeInstruments(programme);
      expect(builtInBands(programme)).toEqual(loaded.map((i) => i.band));
      for (const i of loaded) expect(askedIndicators(programme, i.band)).toEqual(i.indicators.map((r) => r.indicator));
    }
    expect(builtInBands('ylyc')).toEqual(['4-7', '8-11', '11-17']);
    // Care leavers are asked nine, none about a social worker; the youngest are not asked whether it is the same one.
    expect(askedIndicators('ylbc', '16-25')).toEqual(['has_good_friend', 'has_trusted_adult', 'knows_personal_adviser', 'often_lonely', 'feels_safe', 'feels_settled', 'life_getting_better', 'low_life_satisfaction', 'low_happiness']);
    expect(askedIndicators('ylyc', '4-7')).not.toContain('same_social_worker');
    expect(askedIndicators('ylbc', '11-17')).toEqual([]);
  });
});

describe.each(IDS)('%s against QUESTION_BANK.md', (id) => {
  const expected = EXPECTED[id]!;
  const inst = instrument(id);

  it('has the programme, band, ages and title key', () => {
    expect({
      programme: inst.programme,
      band: inst.band,
      minAge: inst.minAge,
      maxAge: inst.maxAge,
      title: inst.title,
    }).toEqual({
      programme: expected.programme,
      band: expected.band,
      minAge: expected.minAge,
      maxAge: expected.maxAge,
      title: `instruments.${id}.title`,
    });
  });

  it('asks the bank questions, in order, on the right scales', () => {
    expect(inst.questions.map((q) => [q.id, q.scale])).toEqual(expected.questions.map(([qid, scale]) => [qid, scale]));
  });

  it('keeps the bank order of question ids', () => {
    const positions = inst.questions.map((q) => (QUESTION_IDS as readonly string[]).indexOf(q.id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('asks age first, required, and nothing else is required', () => {
    expect(inst.questions[0]).toMatchObject({ id: 'age', scale: 'age', required: true });
    expect(inst.questions.filter((q) => q.required).map((q) => q.id)).toEqual(['age']);
  });

  it('has the adult answer exactly the background questions the bank gives the adult', () => {
    expect(inst.questions.map((q) => [q.id, q.answeredBy])).toEqual(
      expected.questions.map((row) => [row[0], row[2] ?? 'child']),
    );
  });

  it('has the conditions of the bank and no others', () => {
    const actual = Object.fromEntries(
      inst.questions.filter((q) => q.condition).map((q) => [q.id, [q.condition!.question, q.condition!.notIn]]),
    );
    expect(actual).toEqual(expected.conditions);
  });

  it('has the indicator rules of the bank, one per indicator', () => {
    const indicators = inst.indicators.map((r) => r.indicator);
    expect(new Set(indicators).size).toBe(indicators.length);
    const actual = Object.fromEntries(inst.indicators.map((r) => [r.indicator, [r.question, r.options]]));
    expect(actual).toEqual(expected.indicators);
  });

  it('has a rule for every indicator whose question it asks', () => {
    const asked = new Set(inst.questions.map((q) => q.id));
    const wanted = Object.entries(INDICATOR_QUESTIONS)
      .filter(([, questions]) => questions.some((q) => asked.has(q)))
      .map(([indicator]) => indicator)
      .sort();
    expect(inst.indicators.map((r) => r.indicator).sort()).toEqual(wanted);
    for (const rule of inst.indicators) expect(INDICATOR_QUESTIONS[rule.indicator]).toContain(rule.question);
  });

  it('reports every score question it asks, and no others', () => {
    expect(inst.scores).toEqual(expected.scores);
    const asked = new Set(inst.questions.map((q) => q.id));
    expect([...inst.scores].sort()).toEqual(SCORE_QUESTIONS.filter((s) => asked.has(s)).sort());
  });

  it('uses questions.<id> for wording and scales.<scale> for labels, except where the band needs its own', () => {
    for (const q of inst.questions) {
      expect(q.text, q.id).toBe(TEXT_OVERRIDES[id]![q.id] ?? `questions.${q.id}`);
      expect(q.labels, q.id).toBe(LABEL_OVERRIDES[id]![q.id]);
    }
  });
});

describe('InstrumentSchema rejects broken definitions', () => {
  /** A deep copy of the 8-11 definition with one edit. */
  function variant(edit: (d: InstrumentInput) => void): InstrumentInput {
    const copy = structuredClone(ylyc8to11) as InstrumentInput;
    edit(copy);
    return copy;
  }
  function problems(input: InstrumentInput): string[] {
    const result = InstrumentSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  }
  function question(d: InstrumentInput, id: string) {
    const q = d.questions.find((x) => x.id === id);
    if (!q) throw new Error(`no ${id}`);
    return q;
  }

  it('accepts the unedited copy (so each failure below is the edit)', () => {
    expect(problems(variant(() => {}))).toEqual([]);
  });

  it('rejects a question asked twice', () => {
    const input = variant((d) => d.questions.push({ id: 'pet', scale: 'yes_no', text: 'questions.pet' }));
    expect(problems(input)).toEqual(['ylyc-8-11: question pet appears twice']);
  });

  it('rejects a condition on a question asked later', () => {
    const input = variant((d) => {
      question(d, 'sw_trust').condition = { question: 'like_bedroom', notIn: ['no'] };
    });
    expect(problems(input)).toEqual([
      'ylyc-8-11: sw_trust: condition refers to like_bedroom, which is not asked before it',
    ]);
  });

  it('rejects a condition when the question it depends on comes after it', () => {
    const input = variant((d) => {
      const i = d.questions.findIndex((q) => q.id === 'sw_know');
      const [swKnow] = d.questions.splice(i, 1);
      d.questions.push(swKnow!);
    });
    expect(problems(input)).toContain(
      'ylyc-8-11: sw_trust: condition refers to sw_know, which is not asked before it',
    );
  });

  it('rejects a condition on an answer the question does not have', () => {
    const input = variant((d) => {
      question(d, 'sw_trust').condition = { question: 'sw_know', notIn: ['never'] };
    });
    expect(problems(input)).toEqual(['ylyc-8-11: sw_trust: condition option never is not on yes_no_unsure']);
  });

  it('rejects an indicator option that is not on the scale', () => {
    const input = variant((d) => {
      d.indicators.find((r) => r.indicator === 'likes_school')!.options = ['yes'];
    });
    expect(problems(input)).toEqual(['ylyc-8-11: indicator likes_school: yes is not an answer to like_school']);
  });

  it('rejects an indicator number outside the integer scale', () => {
    const input = variant((d) => {
      d.indicators.find((r) => r.indicator === 'low_happiness')!.options = [0, 1, 2];
    });
    expect(problems(input)).toEqual(['ylyc-8-11: indicator low_happiness: 0 is not an answer to happy_yesterday_faces']);
  });

  it('rejects an indicator on a question the instrument does not ask', () => {
    const input = variant((d) => {
      d.indicators.push({ indicator: 'given_trust', question: 'trusted_with', options: ['all_or_most'] });
    });
    expect(problems(input)).toEqual(['ylyc-8-11: indicator given_trust uses trusted_with, which is not asked']);
  });

  it('rejects an unknown indicator id', () => {
    const input = variant((d) => {
      d.indicators.push({ indicator: 'eats_vegetables' as 'has_fun', question: 'pet', options: ['yes'] });
    });
    expect(problems(input).length).toBeGreaterThan(0);
  });

  it('rejects an age question that is not required', () => {
    const input = variant((d) => {
      question(d, 'age').required = false;
    });
    expect(problems(input)).toEqual(['ylyc-8-11: must ask a required age question']);
  });

  it('rejects an instrument without an age question', () => {
    const input = variant((d) => {
      d.questions = d.questions.filter((q) => q.id !== 'age');
    });
    expect(problems(input)).toEqual(['ylyc-8-11: must ask a required age question']);
  });

  it('rejects a required question other than age', () => {
    const input = variant((d) => {
      question(d, 'pet').required = true;
    });
    expect(problems(input)).toEqual([
      'ylyc-8-11: pet: only age may be required (every other question can be skipped)',
    ]);
  });

  it('rejects a score on a question that is not an integer question', () => {
    const input = variant((d) => {
      d.scores = ['happy_yesterday_faces', 'feel_safe'];
    });
    expect(problems(input)).toEqual(['ylyc-8-11: score feel_safe is not an integer question of this instrument']);
  });

  it('rejects an unknown scale, a misspelt field and ages the wrong way round', () => {
    expect(problems(variant((d) => (question(d, 'pet').scale = 'yes_no_maybe' as 'yes_no'))).length).toBeGreaterThan(0);
    expect(
      problems(variant((d) => Object.assign(question(d, 'pet'), { conditon: { question: 'age', notIn: ['x'] } }))).length,
    ).toBeGreaterThan(0);
    expect(problems(variant((d) => ((d.minAge = 12), (d.maxAge = 8))))).toContain('ylyc-8-11: minAge is above maxAge');
  });

  it('loadInstruments rejects a question id that is not in the bank', () => {
    const input = variant((d) => d.questions.push({ id: 'favourite_colour', scale: 'text', text: 'questions.x' }));
    expect(problems(input)).toEqual([]);
    expect(() => loadInstruments([input])).toThrow('ylyc-8-11: question favourite_colour is not in the question bank');
  });
});
