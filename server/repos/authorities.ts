import type { DB } from '../db/database.js';
import type { Authority } from '../db/tables.js';

export async function addAuthority(
  db: DB,
  a: { code: string; name: string; region: string | null; contact?: string | null },
): Promise<Authority> {
  return db.insertInto('authorities').values(a).returningAll().executeTakeFirstOrThrow();
}

/** Changes the fields given (undefined: unchanged; an empty region or contact clears it); returns the authority as it now is. */
export async function updateAuthority(
  db: DB,
  code: string,
  change: { name?: string | undefined; region?: string | undefined; contact?: string | undefined },
): Promise<Authority> {
  const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v || null]));
  return db.updateTable('authorities').set(set).where('code', '=', code).returningAll().executeTakeFirstOrThrow();
}

export async function findAuthority(db: DB, code: string): Promise<Authority | undefined> {
  return db.selectFrom('authorities').selectAll().where('code', '=', code).executeTakeFirst();
}

/** What a respondent is shown of an authority: its code, name and contact. */
export async function authorityShown(db: DB, id: number): Promise<Pick<Authority, 'code' | 'name' | 'contact'> | undefined> {
  return db.selectFrom('authorities').select(['code', 'name', 'contact']).where('id', '=', id).executeTakeFirst();
}
