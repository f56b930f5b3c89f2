// The order of screens through an instrument, worked out afresh from the
// answers so far: conditions from surveys/ decide which questions appear.
import type { Instrument, Question } from '../../surveys/schema.js';
import { isShown, type Answers } from '../../surveys/validate.js';
import type { Step } from './schemas.js';

/** Age is asked on the start screen (it picks the instrument), so it is not asked again. */
const ASKED_AT_START = 'age';

export function visibleQuestions(inst: Instrument, answers: Answers): Question[] {
  return inst.questions.filter((q) => q.id !== ASKED_AT_START && isShown(q, answers));
}

/** Every step, in order. With adult questions (4-7): the adult's part, a handover, then the child's. */
export function steps(inst: Instrument, answers: Answers): Step[] {
  const visible = visibleQuestions(inst, answers);
  const adult = visible.filter((q) => q.answeredBy === 'adult');
  const child = visible.filter((q) => q.answeredBy !== 'adult');
  const asSteps = (qs: Question[]): Step[] => qs.map((q) => ({ kind: 'question', id: q.id }));
  return [
    ...(adult.length ? [{ kind: 'adult-intro' } as Step, ...asSteps(adult), { kind: 'handover' } as Step] : []),
    ...asSteps(child),
    { kind: 'review' },
  ];
}

export function sameStep(a: Step, b: Step): boolean {
  return a.kind === b.kind && (a.kind !== 'question' || (b.kind === 'question' && a.id === b.id));
}

/** The step after (`+1`) or before (`-1`) this one; the first step if this one is no longer shown. */
export function move(inst: Instrument, answers: Answers, from: Step, by: 1 | -1): Step {
  const all = steps(inst, answers);
  const at = all.findIndex((s) => sameStep(s, from));
  if (at < 0) return all[0]!;
  return all[Math.min(all.length - 1, Math.max(0, at + by))]!;
}

/**
 * "5 of 24": the place among all the instrument's questions, in the order
 * asked (the adult's part, then the child's), counting those a condition
 * may hide: the total never changes as answers are given, and the count
 * runs on across the 4-7 hand-over instead of starting again.
 */
export function progress(inst: Instrument, questionId: string): { current: number; total: number } {
  const asked = inst.questions.filter((q) => q.id !== ASKED_AT_START);
  const ordered = [...asked.filter((q) => q.answeredBy === 'adult'), ...asked.filter((q) => q.answeredBy !== 'adult')];
  return { current: ordered.findIndex((q) => q.id === questionId) + 1, total: ordered.length };
}

/** Drops answers to questions a changed answer has hidden, so the response stays valid. */
export function prune(inst: Instrument, answers: Answers): Answers {
  const kept: Answers = {};
  for (const q of inst.questions) if (Object.hasOwn(answers, q.id) && isShown(q, kept)) kept[q.id] = answers[q.id]!;
  return kept;
}

/** The instruments a child of this age may take (two at 11 in ylyc: primary or secondary school decides). */
export function instrumentsForAge<T extends { minAge: number; maxAge: number }>(all: readonly T[], age: number): T[] {
  return all.filter((i) => age >= i.minAge && age <= i.maxAge).sort((a, b) => a.minAge - b.minAge);
}

/** A round of parents', carers' or staff's questionnaire: plainer screens, adult wording. */
export function forAdults(wave: { instruments: readonly { audience?: string | undefined }[] }): boolean {
  return wave.instruments.length > 0 && wave.instruments.every((i) => i.audience === 'adults');
}

/** Whether the start screen asks the age: not for a questionnaire without ages (adults, or none given). */
export function asksAge(wave: { instruments: readonly { maxAge: number }[] }): boolean {
  return wave.instruments.some((i) => i.maxAge > 0);
}
