import type { DB } from '../../server/db/database.js';

/** Looked-after population per band entered for a wave (hearme wave population). */
export async function wavePopulations(db: DB, waveId: number): Promise<Map<string, number>> {
  const rows = await db.selectFrom('wave_populations').select(['band', 'population']).where('wave_id', '=', waveId).execute();
  return new Map(rows.map((r) => [r.band, r.population]));
}
