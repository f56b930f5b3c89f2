import type { DB } from '../../server/db/database.js';

export interface AnswerCountRow {
  wave_id: number;
  instrument: string;
  question: string;
  value: string;
  n: number;
}

/** The running answer counts of some waves (an authority's own, for figures, before/after and trend). */
export async function waveAnswerCounts(db: DB, waveIds: readonly number[]): Promise<AnswerCountRow[]> {
  if (!waveIds.length) return [];
  return db
    .selectFrom('answer_counts')
    .select(['wave_id', 'instrument', 'question', 'value', 'n'])
    .where('wave_id', 'in', waveIds)
    .execute();
}
