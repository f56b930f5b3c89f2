// How the demo's synthetic children answer: a distribution per question
// chosen so the headline figures look like published ones (about 87% of
// 8-17 year-olds know their social worker, about a quarter of 11-17s had
// three or more social workers in a year, about 83% say life is getting
// better, about 14% low well-being, girls lower than boys). `effect`
// shifts every answer towards the better options, so authorities differ
// and some improve from wave to wave.
import { scaleOf, isShown, type Answers, type Instrument } from '../../surveys/index.js';
import { WORRYING_COMMENTS, commentsFor } from './comments.js';
import { ADULT_COMMENTS, AGREEMENT_MEANS } from './questionnaires.js';
import type { Random } from './random.js';

/** Weights in the scale's option order, and the options that count as the better answers. */
type OptionModel = { weights: number[]; good: string[] };
type IntegerModel = { mean: number; sd: number };

const F4 = (a: number, b: number, c: number, d: number, good = ['all_or_most']): OptionModel => ({
  weights: [a, b, c, d],
  good,
});
const YES = (p: number): OptionModel => ({ weights: [p, 1 - p], good: ['yes'] });
const FACES = (yes: number, sometimes: number): OptionModel => ({
  weights: [yes, sometimes, 1 - yes - sometimes],
  good: ['yes'],
});
const NEVER_IS_GOOD = ['hardly_ever', 'never'];

/** Keyed by question id, or `question/scale` where a band asks it on another scale. */
const OPTION_MODELS: Record<string, OptionModel> = {
  gender: { weights: [0.52, 0.45, 0.02, 0.01], good: [] },
  placement: { weights: [0.72, 0.12, 0.12, 0.04], good: [] },
  leaver_home: { weights: [0.35, 0.3, 0.1, 0.15, 0.1], good: [] },
  time_in_care: { weights: [0.18, 0.2, 0.3, 0.32], good: [] },
  disability: { weights: [0.2, 0.7, 0.1], good: [] },
  sw_know: { weights: [0.87, 0.06, 0.07], good: ['yes'] },
  'sw_know/4-7': { weights: [0.72, 0.13, 0.15], good: ['yes'] },
  sw_trust: F4(0.78, 0.14, 0.05, 0.03),
  'sw_trust/faces3': FACES(0.82, 0.12),
  sw_count: { weights: [0.03, 0.36, 0.31, 0.3], good: ['one'] },
  sw_contact: F4(0.55, 0.3, 0.1, 0.05, ['all_or_most', 'sometimes']),
  sw_alone: YES(0.8),
  carer_trust: F4(0.86, 0.09, 0.03, 0.02),
  'carer_trust/faces3': FACES(0.88, 0.09),
  carer_notice: F4(0.74, 0.18, 0.05, 0.03),
  'carer_notice/faces3': FACES(0.8, 0.14),
  carer_talk: F4(0.62, 0.25, 0.08, 0.05),
  see_mum: { weights: [0.03, 0.35, 0.4, 0.22], good: ['about_right'] },
  see_dad: { weights: [0.02, 0.25, 0.33, 0.4], good: ['about_right'] },
  see_siblings: { weights: [0.03, 0.4, 0.4, 0.17], good: ['about_right'] },
  good_friend: YES(0.86),
  'good_friend/faces3': FACES(0.85, 0.1),
  pet: YES(0.45),
  trusted_adult: YES(0.9),
  pa_know: { weights: [0.85, 0.08, 0.07], good: ['yes'] },
  pa_contact: F4(0.6, 0.25, 0.1, 0.05, ['all_or_most', 'sometimes']),
  lonely: { weights: [0.15, 0.25, 0.25, 0.2, 0.15], good: ['hardly_ever', 'never'] },
  understand_why: { weights: [0.7, 0.22, 0.08], good: ['yes'] },
  'understand_why/4-7': { weights: [0.55, 0.3, 0.15], good: ['yes'] },
  in_decisions: F4(0.55, 0.3, 0.1, 0.05),
  bullying: F4(0.04, 0.1, 0.16, 0.7, NEVER_IS_GOOD),
  embarrassed: F4(0.05, 0.2, 0.25, 0.5, NEVER_IS_GOOD),
  treated_unfairly: F4(0.08, 0.22, 0.25, 0.45, NEVER_IS_GOOD),
  like_school: F4(0.6, 0.25, 0.08, 0.07),
  'like_school/faces3': FACES(0.75, 0.18),
  'fun_weekends/faces3': FACES(0.86, 0.1),
  hobbies: F4(0.6, 0.28, 0.08, 0.04, ['all_or_most', 'sometimes']),
  nature: F4(0.6, 0.28, 0.08, 0.04),
  trusted_with: F4(0.6, 0.25, 0.1, 0.05),
  same_as_friends: F4(0.55, 0.3, 0.1, 0.05),
  life_skills: YES(0.7),
  education_work: YES(0.6),
  feel_safe: F4(0.9, 0.07, 0.02, 0.01),
  'feel_safe/faces3': FACES(0.92, 0.06),
  feel_settled: F4(0.8, 0.13, 0.04, 0.03),
  'feel_settled/faces3': FACES(0.85, 0.1),
  like_bedroom: YES(0.9),
  'like_bedroom/faces3': FACES(0.9, 0.07),
  home_right: F4(0.75, 0.15, 0.06, 0.04),
  neighbourhood_safe: F4(0.78, 0.15, 0.04, 0.03),
  worries: F4(0.2, 0.35, 0.25, 0.2, NEVER_IS_GOOD),
  life_better: { weights: [0.8, 0.06, 0.14], good: ['yes'] },
};

/** Well-being scores; girls score lower (see GIRLS_LOWER). */
const INTEGER_MODELS: Record<string, IntegerModel> = {
  life_satisfaction: { mean: 7.1, sd: 2.2 },
  happy_yesterday: { mean: 7.0, sd: 2.4 },
  worthwhile: { mean: 7.3, sd: 2.1 },
  future_positive: { mean: 7.0, sd: 2.3 },
  happy_yesterday_faces: { mean: 4.0, sd: 1.0 },
};
const GIRLS_LOWER = 0.6;

const SKIP = 0.03;
const WRITES_TEXT = 0.2;
const WORRYING = 0.004;

function optionModel(inst: Instrument, question: string, scale: string): OptionModel | undefined {
  return OPTION_MODELS[`${question}/${scale}`] ?? OPTION_MODELS[`${question}/${inst.band}`] ?? OPTION_MODELS[question];
}

function drawOption(rnd: Random, options: readonly string[], model: OptionModel, effect: number): string {
  const weights = options.map((o, i) => (model.weights[i] ?? 0) * (model.good.includes(o) ? Math.exp(effect) : 1));
  let x = rnd.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < options.length; i++) if ((x -= weights[i]!) < 0) return options[i]!;
  return options.at(-1)!;
}

/** One child's answers to an instrument; effect > 0 leans towards better answers. */
export function drawAnswers(inst: Instrument, rnd: Random, effect: number): Answers {
  const answers: Answers = {};
  for (const q of inst.questions) {
    if (!isShown(q, answers)) continue;
    if (q.id !== 'age' && rnd.next() < SKIP) continue;
    const scale = scaleOf(q);
    if (scale.kind === 'age') {
      // Care leavers are mostly at the younger end of 16-25.
      const span = inst.maxAge - inst.minAge;
      answers.age = inst.minAge + Math.min(span, Math.floor(span * rnd.next() ** (inst.band === '16-25' ? 1.8 : 1) + 0.5));
    } else if (scale.kind === 'options') {
      const model = optionModel(inst, q.id, q.scale) ?? { weights: scale.options.map(() => 1), good: [] };
      answers[q.id] = drawOption(rnd, scale.options, model, effect);
    } else if (scale.kind === 'integer') {
      const model =
        INTEGER_MODELS[q.id] ?? (q.scale === 'agree5' ? { mean: AGREEMENT_MEANS[q.id] ?? 3, sd: 1 } : { mean: (scale.min + scale.max) / 2, sd: 2 });
      const girl = answers.gender === 'female' ? GIRLS_LOWER * (model.sd / 2.2) : 0;
      const x = model.mean - girl + effect * (model.sd / 2.5) + model.sd * rnd.normal();
      answers[q.id] = Math.max(scale.min, Math.min(scale.max, Math.round(x)));
    } else if (inst.audience === 'adults') {
      // Staff and carers write about the service, in their own words.
      if (rnd.next() < WRITES_TEXT) answers[q.id] = rnd.pick(ADULT_COMMENTS);
    } else if (rnd.next() < WORRYING) answers[q.id] = rnd.pick(WORRYING_COMMENTS);
    else if (rnd.next() < WRITES_TEXT) answers[q.id] = rnd.pick(commentsFor(inst));
  }
  return answers;
}
