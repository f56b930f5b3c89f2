import type { DB } from '../../server/db/database.js';
import type { Programme } from '../../surveys/index.js';

export interface ReportWave {
  waveId: number;
  authorityId: number;
  authority: { code: string; name: string };
  programme: Programme;
  period: string;
  closes_on: string | null;
}

/** The wave a report is about, with its authority; undefined when there is none. */
export async function reportWave(db: DB, authorityCode: string, programme: Programme, period: string): Promise<ReportWave | undefined> {
  const row = await db
    .selectFrom('waves')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .select(['waves.id', 'waves.authority_id', 'waves.programme', 'waves.period', 'waves.closes_on', 'authorities.code', 'authorities.name'])
    .where('authorities.code', '=', authorityCode)
    .where('waves.programme', '=', programme)
    .where('waves.period', '=', period)
    .executeTakeFirst();
  return row && {
    waveId: row.id,
    authorityId: row.authority_id,
    authority: { code: row.code, name: row.name },
    programme: row.programme,
    period: row.period,
    closes_on: row.closes_on,
  };
}
