import { sql } from 'kysely';
import type { DB } from '../../server/db/database.js';
import type { Programme } from '../../surveys/index.js';

/**
 * Every wave of one authority in a programme, oldest period first, with
 * how many responses it holds (a wave opened but never answered is no
 * "before"). Period labels (2023, 2023-24, 2024) sort correctly as text.
 */
export async function authorityWaves(
  db: DB,
  authorityId: number,
  programme: Programme,
): Promise<{ id: number; period: string; closes_on: string | null; responses: number }[]> {
  return db
    .selectFrom('waves')
    .select(['id', 'period', 'closes_on', sql<number>`(SELECT count(*) FROM responses WHERE responses.wave_id = waves.id)`.as('responses')])
    .where('authority_id', '=', authorityId)
    .where('programme', '=', programme)
    .orderBy('period')
    .execute();
}
