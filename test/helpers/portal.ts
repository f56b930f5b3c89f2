// Portal test helpers: real users (real scrypt hashes, at a lower cost) in the test's
// database, real sign-in through the API, and requests carrying the
// session cookie, Origin and CSRF token as the portal's pages do.
import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../server/auth/passwords.js';
import { startSession } from '../../server/auth/sessions.js';
import type { Role } from '../../server/db/tables.js';
import { createUser, findUserByEmail } from '../../server/repos/users.js';
import type { TestApp } from './app.js';

export const HOST = 'portal.test';
export const ORIGIN = `http://${HOST}`;
export const PASSWORD = 'tangerine kettle Orbit 42';

/**
 * The users' stored hash: scrypt as the server makes it but at N=2^10, so
 * each sign-in's check costs a millisecond instead of a third of a second of
 * CPU. Hashes the server makes have the full cost (test/portal/user-add.test.ts),
 * and so does the check of an unknown address (its decoy hash), which the
 * sign-in limits test hammers the server with.
 */
let hashed: Promise<string> | undefined;

/** Adds a user; all share one password, hashed once per test file. */
export async function addUser(t: TestApp, email: string, role: Role, authorities: string[] = []): Promise<number> {
  return createUser(t.db, { email, role, passwordHash: await (hashed ??= hashPassword(PASSWORD, 10)), authorities });
}

export interface Session {
  cookie: string;
  csrf: string;
  call: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
}

export function signInRequest(t: TestApp, email: string, password = PASSWORD, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/portal/sign-in',
    headers: { host: HOST, origin: ORIGIN, ...headers },
    payload: { email, password },
  });
}

export function sessionFrom(t: TestApp, cookie: string, csrf: string): Session {
  return {
    cookie,
    csrf,
    call: (method, url, body, headers = {}) =>
      t.app.inject({
        method: method as 'GET',
        url,
        headers: { host: HOST, origin: ORIGIN, cookie, 'x-csrf-token': csrf, ...headers },
        ...(body !== undefined && { payload: body as object }),
      }),
  };
}

export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const res = await signInRequest(t, email, password);
  if (res.statusCode !== 204) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'hearme_session');
  if (!set) throw new Error('no session cookie');
  const cookie = `hearme_session=${set.value}`;
  const me = await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { host: HOST, cookie } });
  return sessionFrom(t, cookie, (me.json() as { csrfToken: string }).csrfToken);
}

/**
 * A session as sign-in starts one (the same server code, a real row), without
 * checking the password: a password check costs a deliberately slow hash, and
 * tests that need many sessions (the access matrix) are about what a session
 * may do, not about signing in (test/portal/sessions.test.ts is).
 */
export async function sessionOf(t: TestApp, email: string): Promise<Session> {
  const user = await findUserByEmail(t.db, email.toLowerCase());
  if (!user) throw new Error(`no user ${email}`);
  const { token, csrfToken } = await startSession(t.db, user.id);
  return sessionFrom(t, `hearme_session=${token}`, csrfToken);
}

/** No cookie at all. */
export function anonymous(t: TestApp): Session {
  return sessionFrom(t, '', '');
}
