// The instrument registry: every published version of every instrument,
// checked against the schema when this module loads.
import { InstrumentSchema, type Instrument, type InstrumentInput, type Programme } from './schema.js';
import { QUESTION_IDS } from './questions.js';
import ylyc4to7 from './instruments/ylyc-4-7.js';
import ylyc8to11 from './instruments/ylyc-8-11.js';
import ylyc11to17 from './instruments/ylyc-11-17.js';
import ylbc16to25 from './instruments/ylbc-16-25.js';

export * from './schema.js';
export * from './scales.js';
export * from './indicators.js';
export * from './questions.js';
export * from './validate.js';

/** Published definitions. A published version never changes: add a new file for a new version. */
const PUBLISHED: readonly InstrumentInput[] = [ylyc4to7, ylyc8to11, ylyc11to17, ylbc16to25];

export function loadInstruments(inputs: readonly InstrumentInput[]): Instrument[] {
  const bank = new Set<string>(QUESTION_IDS);
  return inputs.map((input) => {
    const inst = InstrumentSchema.parse(input);
    for (const q of inst.questions)
      if (!bank.has(q.id)) throw new Error(`${inst.id}: question ${q.id} is not in the question bank`);
    return inst;
  });
}

export const INSTRUMENTS: readonly Instrument[] = loadInstruments(PUBLISHED);

export function getInstrument(id: string, version: number): Instrument | undefined {
  return INSTRUMENTS.find((i) => i.id === id && i.version === version);
}

/** The newest version of an instrument, which new surveys use. */
export function currentInstrument(id: string): Instrument | undefined {
  let best: Instrument | undefined;
  for (const i of INSTRUMENTS) if (i.id === id && (!best || i.version > best.version)) best = i;
  return best;
}

/** The current version of each instrument of a programme, youngest band first. */
export function programmeInstruments(programme: Programme): Instrument[] {
  const ids = [...new Set(INSTRUMENTS.filter((i) => i.programme === programme).map((i) => i.id))];
  return ids.map((id) => currentInstrument(id)!).sort((a, b) => a.minAge - b.minAge);
}

const indicatorQuestionCache = new WeakMap<Instrument, readonly string[]>();

/** The distinct questions an instrument's indicators are computed from (cached: the write path asks per response). */
export function indicatorQuestions(inst: Instrument): readonly string[] {
  let qs = indicatorQuestionCache.get(inst);
  if (!qs) indicatorQuestionCache.set(inst, (qs = [...new Set(inst.indicators.map((r) => r.question))]));
  return qs;
}
