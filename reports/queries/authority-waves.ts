import type { DB } from '../../server/db/database.js';
import type { Programme } from '../../surveys/index.js';

/**
 * Every wave of one authority in a programme, oldest period first. Period
 * labels (2023, 2023-24, 2024) sort correctly as text.
 */
export async function authorityWaves(db: DB, authorityId: number, programme: Programme): Promise<{ id: number; period: string }[]> {
  return db
    .selectFrom('waves')
    .select(['id', 'period'])
    .where('authority_id', '=', authorityId)
    .where('programme', '=', programme)
    .orderBy('period')
    .execute();
}
