import type { DB } from '../../server/db/database.js';
import type { Programme } from '../../surveys/index.js';

export interface IndicatorCountRow {
  authority_id: number;
  code: string;
  name: string;
  closes_on: string | null;
  /** null for a wave nobody has answered this question in. */
  value: string | null;
  n: number | null;
}

/**
 * One question's running counts in every authority's wave of a programme
 * and period (a wave with no answers to it gives one row of nulls): all
 * that comparing authorities on one indicator needs, instead of a whole
 * report per authority.
 */
export async function indicatorCounts(db: DB, programme: Programme, period: string, instrument: string, question: string): Promise<IndicatorCountRow[]> {
  return db
    .selectFrom('waves')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .leftJoin('answer_counts', (join) =>
      join
        .onRef('answer_counts.wave_id', '=', 'waves.id')
        .on('answer_counts.instrument', '=', instrument)
        .on('answer_counts.question', '=', question),
    )
    .select(['waves.authority_id', 'authorities.code', 'authorities.name', 'waves.closes_on', 'answer_counts.value', 'answer_counts.n'])
    .where('waves.programme', '=', programme)
    .where('waves.period', '=', period)
    .orderBy('authorities.name')
    .execute();
}
