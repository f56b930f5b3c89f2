import type { DB } from '../../server/db/database.js';
import type { Programme } from '../../surveys/index.js';
import type { AnswerCountRow } from './wave-answer-counts.js';

export interface PeriodAnswerCountRow extends AnswerCountRow {
  authority_id: number;
}

/**
 * The running counts of every authority's closed wave in a programme and
 * period, for the questions a report uses, wave by wave: the benchmark
 * pools them, leaving out the authority itself and any authority whose
 * own figure is suppressed (see reports/benchmark.ts). Rounds still open
 * on `today` are left out: their counts move with each answer, and a
 * figure read before and after one answer would give that answer away.
 */
export async function periodAnswerCounts(
  db: DB,
  programme: Programme,
  period: string,
  questions: readonly string[],
  today: string,
): Promise<PeriodAnswerCountRow[]> {
  return db
    .selectFrom('answer_counts')
    .innerJoin('waves', 'waves.id', 'answer_counts.wave_id')
    .select(['answer_counts.wave_id', 'waves.authority_id', 'answer_counts.instrument', 'answer_counts.question', 'answer_counts.value', 'answer_counts.n'])
    .where('waves.programme', '=', programme)
    .where('waves.period', '=', period)
    .where('waves.closes_on', '<', today)
    .where('answer_counts.question', 'in', questions)
    .execute();
}

/** Authorities whose wave in the programme and period is still open on `today` (no closing date, or one to come). */
export async function openRoundAuthorities(db: DB, programme: Programme, period: string, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('waves')
    .select('authority_id')
    .where('programme', '=', programme)
    .where('period', '=', period)
    .where((eb) => eb.or([eb('closes_on', 'is', null), eb('closes_on', '>=', today)]))
    .execute();
  return rows.map((r) => r.authority_id);
}
