// Waves as the portal sees them: lists scoped to authorities, live counts
// per band, closing early.
import type { DB } from '../db/database.js';
import type { Wave } from '../db/tables.js';
import { today } from '../dates.js';

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

/** What the rounds list may be narrowed to; `state` is open or closed on the given day, as isOpenOn says. */
export interface WaveFilter {
  authority?: string;
  programme?: string;
  period?: string;
  state?: 'open' | 'closed';
}

/**
 * Waves joined to their authority, within the given authorities (all when
 * `authorityIds` is null; none when it is empty, as no id is -1: SQL has no empty IN list).
 */
function scoped(db: DB, authorityIds: number[] | null) {
  const q = db.selectFrom('waves').innerJoin('authorities', 'authorities.id', 'waves.authority_id');
  return authorityIds ? q.where('waves.authority_id', 'in', authorityIds.length ? authorityIds : [-1]) : q;
}

/** The filter as conditions; open means opened by `date` (or no opening date) and not closed before it. */
function filtered(db: DB, authorityIds: number[] | null, f: WaveFilter, date: string) {
  let q = scoped(db, authorityIds);
  if (f.authority) q = q.where('authorities.code', '=', f.authority);
  if (f.programme) q = q.where('waves.programme', '=', f.programme);
  if (f.period) q = q.where('waves.period', '=', f.period);
  if (f.state) {
    const state = f.state;
    q = q.where((eb) => {
      const open = eb.and([
        eb.or([eb('waves.opens_on', 'is', null), eb('waves.opens_on', '<=', date)]),
        eb.or([eb('waves.closes_on', 'is', null), eb('waves.closes_on', '>=', date)]),
      ]);
      return state === 'open' ? open : eb.not(open);
    });
  }
  return q;
}

const rowsOf = (q: ReturnType<typeof scoped>) =>
  q.select((eb) => [
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
  ]);

const counted = (rows: (Omit<PortalWaveRow, 'responses'> & { responses: number | null })[]): PortalWaveRow[] =>
  rows.map((r) => ({ ...r, responses: Number(r.responses ?? 0) }));

/**
 * Waves of the given authorities (all when `authorityIds` is null) that pass
 * the filter, newest period first, then by authority and programme: one page
 * of them when `page` is given, with how many pass in all.
 */
export async function listWaves(
  db: DB,
  authorityIds: number[] | null,
  filter: WaveFilter = {},
  page?: { page: number; perPage: number },
  date = today(),
): Promise<{ rows: PortalWaveRow[]; total: number }> {
  let q = rowsOf(filtered(db, authorityIds, filter, date)).orderBy('waves.period', 'desc').orderBy('authorities.name').orderBy('waves.programme');
  if (page) q = q.limit(page.perPage).offset((page.page - 1) * page.perPage);
  const rows = counted(await q.execute());
  const total = page
    ? Number((await filtered(db, authorityIds, filter, date).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    : rows.length;
  return { rows, total };
}

/** The values the list's filters can take among the waves of the given authorities. */
export async function waveChoices(db: DB, authorityIds: number[] | null) {
  const authorities = await scoped(db, authorityIds).select(['authorities.code', 'authorities.name']).distinct().orderBy('authorities.name').execute();
  const programmes = await scoped(db, authorityIds).select('waves.programme').distinct().orderBy('waves.programme').execute();
  const periods = await scoped(db, authorityIds).select('waves.period').distinct().orderBy('waves.period', 'desc').execute();
  return { authorities, programmes: programmes.map((p) => p.programme), periods: periods.map((p) => p.period) };
}

export async function getWave(db: DB, id: number): Promise<PortalWaveRow | undefined> {
  const [row] = counted(await rowsOf(scoped(db, null)).where('waves.id', '=', id).execute());
  return row;
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
