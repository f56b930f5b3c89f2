import type { DB } from '../../server/db/database.js';
import type { Programme } from '../../surveys/index.js';

/** Every authority with a wave in the programme and period, by code: the reports `--all` writes. */
export async function authoritiesInPeriod(db: DB, programme: Programme, period: string): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('waves')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .select(['authorities.code', 'authorities.name'])
    .where('waves.programme', '=', programme)
    .where('waves.period', '=', period)
    .orderBy('authorities.code')
    .execute();
}
