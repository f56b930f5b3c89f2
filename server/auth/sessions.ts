// Server-side sessions: the browser holds a 256-bit random token, the
// database holds its sha256, so a stolen database copy signs no one in.
// 30 minutes idle, 8 hours at most; disabled users have none.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DB } from '../db/database.js';
import type { Role } from '../db/tables.js';
import { userAuthorityIds } from '../repos/users.js';

export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 8 * 60 * 60 * 1000;
/** last_seen is written at most this often, so reading pages does not mean a write per request. */
const TOUCH_EVERY_MS = 30 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export interface Staff {
  userId: number;
  email: string;
  role: Role;
  /** Authorities the user is linked to; programme admins see every authority regardless. */
  authorities: { id: number; code: string; name: string }[];
  csrfToken: string;
  tokenHash: string;
}

export async function startSession(db: DB, userId: number, now = Date.now()): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: userId, created_at: now, last_seen: now, csrf_token: csrfToken }).execute();
  return { token, csrfToken };
}

/** The signed-in user of a token, or null (and the session gone) when it expired or the user was disabled. */
export async function resumeSession(db: DB, token: string, now = Date.now()): Promise<Staff | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.created_at', 'sessions.last_seen', 'sessions.csrf_token', 'users.email', 'users.role', 'users.disabled'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  if (row.disabled || now - row.last_seen > IDLE_MS || now - row.created_at > ABSOLUTE_MS) {
    await endSession(db, tokenHash);
    return null;
  }
  if (now - row.last_seen > TOUCH_EVERY_MS)
    await db.updateTable('sessions').set({ last_seen: now }).where('token_hash', '=', tokenHash).execute();
  return {
    userId: row.user_id,
    email: row.email,
    role: row.role,
    authorities: await userAuthorityIds(db, row.user_id),
    csrfToken: row.csrf_token,
    tokenHash,
  };
}

export async function endSession(db: DB, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
