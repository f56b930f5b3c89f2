// The audit log: who did what, when, to which authority. Written in the
// request that does the thing; read by programme admins.
import { sql } from 'kysely';
import type { DB } from '../db/database.js';

/** Every action the log records (the portal's filter offers these). */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  /** Refused before any check (over a limit): one row per address per window, with a count. */
  'sign_in_refused',
  /** A programme admin cleared an account's failed sign-ins; the row's email is the account's. */
  'sign_in_unlock',
  'sign_out',
  'user_create',
  'user_update',
  /** A user changed their own password in the portal. */
  'password_change',
  /** A programme admin set a user's password with hearme user password. */
  'password_reset',
  'authority_create',
  'authority_update',
  /** A council questionnaire stored from the portal (added, replaced, or sent again unchanged). */
  'questionnaire_add',
  'wave_create',
  'wave_population',
  'wave_close',
  'report_view',
  'report_download',
  'export',
  'safeguarding_view',
  'safeguarding_seen',
  'action_create',
  'action_update',
  'children_results_save',
  'children_results_publish',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  userId: number | null;
  email: string | null;
  action: AuditAction;
  authority?: string | null | undefined;
  detail?: Record<string, unknown> | undefined;
}

/** Adds an entry; returns its id. */
export async function audit(db: DB, e: AuditEntry): Promise<number> {
  const { id } = await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      user_id: e.userId,
      email: e.email,
      action: e.action,
      authority_code: e.authority ?? null,
      detail: e.detail ? JSON.stringify(e.detail) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Brings an entry's detail up to date (the running count of refused sign-ins). */
export async function updateAuditDetail(db: DB, id: number, detail: Record<string, unknown>): Promise<void> {
  await db.updateTable('audit_log').set({ detail: JSON.stringify(detail) }).where('id', '=', id).execute();
}

export interface AuditRow {
  id: number;
  at: string;
  email: string | null;
  action: string;
  authority: string | null;
  detail: Record<string, unknown> | null;
}

/** Newest first; `before` pages back by id. */
export async function readAudit(
  db: DB,
  q: { limit: number; before?: number | undefined; action?: string | undefined; authority?: string | undefined },
): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.before) query = query.where('id', '<', q.before);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.authority) query = query.where('authority_code', '=', q.authority);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    email: r.email,
    action: r.action,
    authority: r.authority_code,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}

/** When a programme admin last unlocked the account, if ever. */
export async function lastUnlock(db: DB, email: string): Promise<string | null> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where('action', '=', 'sign_in_unlock')
    .executeTakeFirst();
  return row?.at ?? null;
}

/**
 * Failed password checks of an account since a time and since its last
 * right password (a sign-in, or a password change's right current
 * password) or an admin's unlock: failed sign-ins and password changes
 * whose current password was wrong (the limiter counts both alike).
 * Attempts refused for being over the limit do not count, or trying on
 * would keep an account slowed for ever (they are `sign_in_refused` now;
 * older databases have them as `sign_in_failed` with the reason "rate
 * limited").
 */
export async function failedSignInsSince(db: DB, email: string, since: string): Promise<number> {
  const ok = sql<number | null>`json_extract(detail, '$.ok')`;
  const lastRight = db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where((eb) => eb.or([eb('action', 'in', ['sign_in', 'sign_in_unlock']), eb.and([eb('action', '=', 'password_change'), eb(ok, '=', 1)])]));
  const { n } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where((eb) =>
      eb.or([
        eb.and([eb('action', '=', 'sign_in_failed'), eb(eb.fn.coalesce(sql<string>`json_extract(detail, '$.reason')`, eb.val('')), '<>', 'rate limited')]),
        eb.and([eb('action', '=', 'password_change'), eb(ok, '=', 0)]),
      ]),
    )
    .where('at', '>', since)
    .where((eb) => eb('at', '>', eb.fn.coalesce(lastRight, eb.val(''))))
    .executeTakeFirstOrThrow();
  return n;
}
