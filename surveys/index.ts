// The instrument registry: every published version of every instrument,
// checked against the schema when this module loads.
import { InstrumentSchema, type Instrument, type InstrumentInput, type Programme, type Question } from './schema.js';
import { QUESTION_IDS } from './questions.js';
import { scaleOf } from './scales.js';
import { InstrumentRegistry } from './registry.js';
import { PROGRAMME_NAMES } from './programme-names.js';
import { questionnaireKeys } from './questionnaire.js';
import { PUBLISHED } from './instruments/published.js';

export * from './schema.js';
export * from './scales.js';
export * from './indicators.js';
export * from './questions.js';
export * from './validate.js';
export * from './registry.js';

export function loadInstruments(inputs: readonly InstrumentInput[]): Instrument[] {
  const bank = new Set<string>(QUESTION_IDS);
  return inputs.map((input) => {
    const inst = InstrumentSchema.parse(input);
    for (const q of inst.questions)
      if (!bank.has(q.id)) throw new Error(`${inst.id}: question ${q.id} is not in the question bank`);
    // Under 11 the child survey's look and read-aloud; from 11 the young people's.
    return { ...inst, audience: inst.audience ?? (inst.minAge < 11 ? 'children' : 'young_people') };
  });
}

/** The built-in instruments alone (tests and benchmarks; the program asks `registry`). */
export const BUILT_IN_INSTRUMENTS: readonly Instrument[] = loadInstruments(PUBLISHED);

/** The process's registry: the built-in instruments, then the councils' questionnaires the server stores. */
export const registry = new InstrumentRegistry(BUILT_IN_INSTRUMENTS);

export function getInstrument(id: string, version: number): Instrument | undefined {
  return registry.get(id, version);
}

/** The newest version of an instrument, which new surveys use. */
export function currentInstrument(id: string): Instrument | undefined {
  return registry.current(id);
}

/** The current version of each instrument of a programme, youngest band first. */
export function programmeInstruments(programme: Programme): Instrument[] {
  return registry.programmeInstruments(programme);
}

/**
 * What staff call a programme: a built-in one's name, or its questionnaire's
 * title (the newest version's, in English where the file has it, else in its
 * first language); the id of one the registry does not know.
 */
export function programmeTitle(programme: string): string {
  const inst = PROGRAMME_NAMES[programme] === undefined ? registry.current(programme) : undefined;
  const words = inst?.strings?.en ?? inst?.strings?.[inst.locales?.[0] ?? ''];
  return PROGRAMME_NAMES[programme] ?? words?.[questionnaireKeys.title] ?? programme;
}

/**
 * The questions a council wrote itself: every question of its questionnaire,
 * only the local ones of local questions on a core round, none of a
 * built-in instrument. Their answers are exported, counted and reported
 * under the questionnaire, never mixed with the core's.
 */
export function councilQuestions(inst: Instrument): Question[] {
  if (registry.isBuiltIn(inst.id)) return [];
  if (!inst.extends) return inst.questions;
  const core = registry.get(inst.extends.instrument, inst.extends.version);
  const coreIds = new Set(core?.questions.map((q) => q.id));
  return inst.questions.filter((q) => !coreIds.has(q.id));
}

/** The distinct free-text questions of some instruments (what reports and the safeguarding queue read). */
export function textQuestionIds(instruments: readonly Instrument[]): string[] {
  return [...new Set(instruments.flatMap((i) => i.questions.filter((q) => scaleOf(q).kind === 'text').map((q) => q.id)))];
}

const indicatorQuestionCache = new WeakMap<Instrument, readonly string[]>();

/** The distinct questions an instrument's indicators are computed from (cached: the write path asks per response). */
export function indicatorQuestions(inst: Instrument): readonly string[] {
  let qs = indicatorQuestionCache.get(inst);
  if (!qs) indicatorQuestionCache.set(inst, (qs = [...new Set(inst.indicators.map((r) => r.question))]));
  return qs;
}
