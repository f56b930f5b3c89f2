import type { DB } from '../../server/db/database.js';
import type { AnswerCountByTable } from '../../server/db/tables.js';

export type BreakdownCountRow = Omit<AnswerCountByTable, 'wave_id'>;

/** Cross-tab running counts of one wave: indicator answers by gender and by placement. */
export async function breakdownCounts(db: DB, waveId: number): Promise<BreakdownCountRow[]> {
  return db
    .selectFrom('answer_counts_by')
    .select(['instrument', 'by_question', 'by_value', 'question', 'value', 'n'])
    .where('wave_id', '=', waveId)
    .execute();
}
