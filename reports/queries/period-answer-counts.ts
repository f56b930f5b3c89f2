import type { DB } from '../../server/db/database.js';
import type { Programme } from '../../surveys/index.js';
import type { AnswerCountRow } from './wave-answer-counts.js';

export interface PeriodAnswerCountRow extends AnswerCountRow {
  authority_id: number;
}

/**
 * The running counts of every authority's wave in a programme and period,
 * for the questions a report uses, wave by wave: the benchmark pools
 * them, leaving out the authority itself and any authority whose own
 * figure is suppressed (see reports/benchmark.ts).
 */
export async function periodAnswerCounts(
  db: DB,
  programme: Programme,
  period: string,
  questions: readonly string[],
): Promise<PeriodAnswerCountRow[]> {
  return db
    .selectFrom('answer_counts')
    .innerJoin('waves', 'waves.id', 'answer_counts.wave_id')
    .select(['answer_counts.wave_id', 'waves.authority_id', 'answer_counts.instrument', 'answer_counts.question', 'answer_counts.value', 'answer_counts.n'])
    .where('waves.programme', '=', programme)
    .where('waves.period', '=', period)
    .where('answer_counts.question', 'in', questions)
    .execute();
}
