// Portal accounts and the authorities each may see.
import type { DB } from '../db/database.js';
import type { Role, User } from '../db/tables.js';

export interface UserWithAuthorities {
  id: number;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** ONS codes; empty for programme admins, who see every authority. */
  authorities: string[];
}

export async function findUserByEmail(db: DB, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

async function authorityIds(db: DB, codes: readonly string[]): Promise<number[]> {
  if (!codes.length) return [];
  const rows = await db.selectFrom('authorities').select(['id', 'code']).where('code', 'in', codes).execute();
  const missing = codes.filter((c) => !rows.some((r) => r.code === c));
  if (missing.length) throw new UnknownAuthorityError(missing);
  return rows.map((r) => r.id);
}

export class UnknownAuthorityError extends Error {
  constructor(readonly codes: string[]) {
    super(`no authority ${codes.join(', ')}`);
  }
}

export async function createUser(
  db: DB,
  u: { email: string; role: Role; passwordHash: string; authorities: readonly string[] },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = await authorityIds(trx, u.authorities);
    const { id } = await trx
      .insertInto('users')
      .values({ email: u.email, role: u.role, password_hash: u.passwordHash, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (ids.length) await trx.insertInto('user_authorities').values(ids.map((authority_id) => ({ user_id: id, authority_id }))).execute();
    return id;
  });
}

/** Changes role, authorities or disabled; disabling ends every session of the user in the same transaction. */
export async function updateUser(
  db: DB,
  id: number,
  change: { role?: Role | undefined; disabled?: boolean | undefined; authorities?: readonly string[] | undefined },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (change.role !== undefined || change.disabled !== undefined)
      await trx
        .updateTable('users')
        .set({
          ...(change.role !== undefined && { role: change.role }),
          ...(change.disabled !== undefined && { disabled: change.disabled ? 1 : 0 }),
        })
        .where('id', '=', id)
        .execute();
    if (change.authorities) {
      const ids = await authorityIds(trx, change.authorities);
      await trx.deleteFrom('user_authorities').where('user_id', '=', id).execute();
      if (ids.length) await trx.insertInto('user_authorities').values(ids.map((authority_id) => ({ user_id: id, authority_id }))).execute();
    }
    // A changed role or scope takes effect at once: the user signs in again.
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
  });
}

/**
 * Stores a new password hash and ends the user's sessions in the same
 * transaction, all but `keepTokenHash` (the session that changed it), so
 * whoever knew the old password is signed out everywhere.
 */
export async function setPassword(db: DB, id: number, passwordHash: string, keepTokenHash?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    let sessions = trx.deleteFrom('sessions').where('user_id', '=', id);
    if (keepTokenHash) sessions = sessions.where('token_hash', '!=', keepTokenHash);
    await sessions.execute();
  });
}

export async function listUsers(db: DB): Promise<UserWithAuthorities[]> {
  const users = await db.selectFrom('users').select(['id', 'email', 'role', 'disabled', 'created_at']).orderBy('email').execute();
  const links = await db
    .selectFrom('user_authorities')
    .innerJoin('authorities', 'authorities.id', 'user_authorities.authority_id')
    .select(['user_authorities.user_id', 'authorities.code'])
    .orderBy('authorities.code')
    .execute();
  const codes = new Map<number, string[]>();
  for (const l of links) codes.set(l.user_id, [...(codes.get(l.user_id) ?? []), l.code]);
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    role: u.role,
    disabled: u.disabled === 1,
    createdAt: u.created_at,
    authorities: codes.get(u.id) ?? [],
  }));
}

export async function userAuthorityIds(db: DB, userId: number): Promise<{ id: number; code: string; name: string }[]> {
  return db
    .selectFrom('user_authorities')
    .innerJoin('authorities', 'authorities.id', 'user_authorities.authority_id')
    .select(['authorities.id', 'authorities.code', 'authorities.name'])
    .where('user_authorities.user_id', '=', userId)
    .orderBy('authorities.code')
    .execute();
}
