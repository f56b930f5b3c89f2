// The published built-in instruments as plain data, with no schema or
// registry: the server's registry checks and loads them (surveys/index.ts),
// and the portal reads from them which bands each programme has and which
// indicators each band asks, so its choices are those of the question bank.
import type { InstrumentInput } from '../schema.js';
import ylyc4to7 from './ylyc-4-7.js';
import ylyc8to11 from './ylyc-8-11.js';
import ylyc11to17 from './ylyc-11-17.js';
import ylbc16to25 from './ylbc-16-25.js';

/** Published definitions. A published version never changes: add a new file for a new version. */
export const PUBLISHED: readonly InstrumentInput[] = [ylyc4to7, ylyc8to11, ylyc11to17, ylbc16to25];

/** A built-in programme's newest instrument for each band, youngest first. */
function newest(programme: string): InstrumentInput[] {
  const byBand = new Map<string, InstrumentInput>();
  for (const i of PUBLISHED) if (i.programme === programme && (byBand.get(i.band)?.version ?? 0) < i.version) byBand.set(i.band, i);
  return [...byBand.values()].sort((a, b) => a.minAge - b.minAge);
}

/** A built-in programme's age bands, youngest first. */
export const builtInBands = (programme: string): string[] => newest(programme).map((i) => i.band);

/** The indicators a built-in programme's band asks now (none for a band it does not have). */
export const askedIndicators = (programme: string, band: string): string[] =>
  newest(programme).find((i) => i.band === band)?.indicators.map((r) => r.indicator) ?? [];
