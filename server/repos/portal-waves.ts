// Waves as the portal sees them: lists scoped to authorities, live counts
// per band, closing early.
import type { DB } from '../db/database.js';
import type { Wave } from '../db/tables.js';

export interface PortalWaveRow {
  id: number;
  authority_id: number;
  authority_code: string;
  authority_name: string;
  programme: Wave['programme'];
  period: string;
  opens_on: string | null;
  closes_on: string | null;
  access_code: string;
  responses: number;
}

/** Waves of the given authorities (all when `authorityIds` is null), newest period first. */
export async function listWaves(db: DB, authorityIds: number[] | null): Promise<PortalWaveRow[]> {
  if (authorityIds && !authorityIds.length) return [];
  let q = db
    .selectFrom('waves')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .select((eb) => [
      'waves.id',
      'waves.authority_id',
      'authorities.code as authority_code',
      'authorities.name as authority_name',
      'waves.programme',
      'waves.period',
      'waves.opens_on',
      'waves.closes_on',
      'waves.access_code',
      eb.selectFrom('responses').select((e) => e.fn.countAll<number>().as('n')).whereRef('responses.wave_id', '=', 'waves.id').as('responses'),
    ])
    .orderBy('waves.period', 'desc')
    .orderBy('authorities.name')
    .orderBy('waves.programme');
  if (authorityIds) q = q.where('waves.authority_id', 'in', authorityIds);
  return (await q.execute()).map((r) => ({ ...r, responses: Number(r.responses ?? 0) }));
}

export async function getWave(db: DB, id: number): Promise<PortalWaveRow | undefined> {
  return (await listWaves(db, null)).find((w) => w.id === id);
}

/** Responses so far per band. */
export async function responsesByBand(db: DB, waveId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('responses')
    .select(['band', (eb) => eb.fn.countAll<number>().as('n')])
    .where('wave_id', '=', waveId)
    .groupBy('band')
    .execute();
  return new Map(rows.map((r) => [r.band, Number(r.n)]));
}

export async function setClosesOn(db: DB, waveId: number, closesOn: string): Promise<void> {
  await db.updateTable('waves').set({ closes_on: closesOn }).where('id', '=', waveId).execute();
}
