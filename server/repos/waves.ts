import { generateAccessCode } from '../access-code.js';
import type { DB } from '../db/database.js';
import type { Wave, WaveTable } from '../db/tables.js';
import { responsesByBand } from './portal-waves.js';

export type WaveWithAuthority = Wave & { authority_code: string; authority_name: string; authority_contact: string | null };

export async function createWave(
  db: DB,
  w: Pick<WaveTable, 'authority_id' | 'programme' | 'period' | 'opens_on' | 'closes_on'>,
): Promise<Wave> {
  // A clash among 8.5e11 codes is rare; draw again rather than fail.
  for (let attempt = 0; ; attempt++) {
    const access_code = generateAccessCode();
    const taken = await db.selectFrom('waves').select('id').where('access_code', '=', access_code).executeTakeFirst();
    if (taken && attempt < 10) continue;
    return db.insertInto('waves').values({ ...w, access_code }).returningAll().executeTakeFirstOrThrow();
  }
}

function withAuthority(db: DB) {
  return db
    .selectFrom('waves')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .selectAll('waves')
    .select(['authorities.code as authority_code', 'authorities.name as authority_name', 'authorities.contact as authority_contact']);
}

export async function findWave(
  db: DB,
  authorityCode: string,
  programme: string,
  period: string,
): Promise<WaveWithAuthority | undefined> {
  return withAuthority(db)
    .where('authorities.code', '=', authorityCode)
    .where('waves.programme', '=', programme as Wave['programme'])
    .where('waves.period', '=', period)
    .executeTakeFirst();
}

export async function setPopulation(db: DB, waveId: number, populations: Record<string, number>): Promise<void> {
  const rows = Object.entries(populations).map(([band, population]) => ({ wave_id: waveId, band, population }));
  if (!rows.length) return;
  await db
    .insertInto('wave_populations')
    .values(rows)
    .onConflict((oc) => oc.columns(['wave_id', 'band']).doUpdateSet((eb) => ({ population: eb.ref('excluded.population') })))
    .execute();
}

/**
 * What is wrong with populations about to be entered for a wave: a band's population below the
 * responses it already has would make a response rate above 100%. Empty when nothing is.
 */
export async function populationProblems(db: DB, waveId: number, populations: Record<string, number>): Promise<{ band: string; message: string }[]> {
  const received = await responsesByBand(db, waveId);
  return Object.entries(populations)
    .filter(([band, population]) => population < (received.get(band) ?? 0))
    .map(([band, population]) => ({ band, message: `${population} is below the ${received.get(band)} responses already received for ages ${band}` }));
}
