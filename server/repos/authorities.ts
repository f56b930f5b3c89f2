import type { DB } from '../db/database.js';
import type { Authority } from '../db/tables.js';

export async function addAuthority(
  db: DB,
  a: { code: string; name: string; region: string | null; contact?: string | null },
): Promise<Authority> {
  return db.insertInto('authorities').values(a).returningAll().executeTakeFirstOrThrow();
}

export async function findAuthority(db: DB, code: string): Promise<Authority | undefined> {
  return db.selectFrom('authorities').selectAll().where('code', '=', code).executeTakeFirst();
}
