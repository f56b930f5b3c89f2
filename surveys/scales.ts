// Answer scales of the question bank. Option ids are a contract (CSV,
// report JSON); their labels live in the locale files under `scales.<id>`.

export type OptionScale = { kind: 'options'; options: readonly string[] };
export type IntegerScale = { kind: 'integer'; min: number; max: number };
/** Age: an integer whose bounds come from the instrument's band. */
export type AgeScale = { kind: 'age' };
export type TextScale = { kind: 'text'; maxLength: number };
export type Scale = OptionScale | IntegerScale | AgeScale | TextScale;

export const TEXT_MAX_LENGTH = 1000;

export const SCALES = {
  yes_no: { kind: 'options', options: ['yes', 'no'] },
  yes_no_unsure: { kind: 'options', options: ['yes', 'no', 'not_sure'] },
  faces3: { kind: 'options', options: ['yes', 'sometimes', 'no'] },
  freq4: { kind: 'options', options: ['all_or_most', 'sometimes', 'hardly_ever', 'never'] },
  contact: { kind: 'options', options: ['too_much', 'about_right', 'too_little', 'no_contact'] },
  sw_count: { kind: 'options', options: ['none', 'one', 'two', 'three_or_more'] },
  understand: { kind: 'options', options: ['yes', 'a_bit', 'no'] },
  lonely5: {
    kind: 'options',
    options: ['often_always', 'some_of_the_time', 'occasionally', 'hardly_ever', 'never'],
  },
  happy5: { kind: 'integer', min: 1, max: 5 },
  /** 1 strongly disagree … 5 strongly agree (councils' questionnaires). */
  agree5: { kind: 'integer', min: 1, max: 5 },
  scale0_10: { kind: 'integer', min: 0, max: 10 },
  gender: { kind: 'options', options: ['male', 'female', 'another_way', 'prefer_not_to_say'] },
  placement: {
    kind: 'options',
    options: ['foster_care', 'family_or_friends', 'childrens_home', 'somewhere_else'],
  },
  leaver_home: {
    kind: 'options',
    options: ['own_place', 'supported_accommodation', 'with_former_carers', 'with_family', 'somewhere_else'],
  },
  time_in_care: {
    kind: 'options',
    options: ['under_1_year', '1_to_2_years', '2_to_5_years', 'over_5_years'],
  },
  age: { kind: 'age' },
  text: { kind: 'text', maxLength: TEXT_MAX_LENGTH },
} as const satisfies Record<string, Scale>;

export type ScaleId = keyof typeof SCALES;
export const SCALE_IDS = Object.keys(SCALES) as [ScaleId, ...ScaleId[]];

/** The scales whose answers are numbers, so a mean score can be on them. */
export const SCORE_SCALES = ['agree5', 'scale0_10', 'happy5'] as const satisfies readonly ScaleId[];

/** A question's scale: its own options for a council's `options` question, else the scale of this file. */
export function scaleOf(question: { scale: ScaleId | 'options'; options?: readonly string[] }): Scale {
  return question.scale === 'options' ? { kind: 'options', options: question.options ?? [] } : SCALES[question.scale];
}

/** The integer bounds of a scale in an instrument (age takes the band's ages). Here rather than in schema.ts so the child app can use it without bundling zod. */
export function integerBounds(scale: Scale, inst: { minAge: number; maxAge: number }) {
  if (scale.kind === 'integer') return { min: scale.min, max: scale.max };
  if (scale.kind === 'age') return { min: inst.minAge, max: inst.maxAge };
  return null;
}
