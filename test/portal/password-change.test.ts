// Changing one's own password in the portal, and an admin reset with
// hearme user password: the current password is required, every other
// session of the user ends, and each is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords.js';
import { findUserByEmail } from '../../server/repos/users.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { MAX_PAIR_FAILURES, SLOW_AFTER, SLOW_SPACING_MS } from '../../server/auth/sign-in-limiter.js';
import { buildApp } from '../../server/app.js';
import { openDatabase } from '../../server/db/database.js';
import { HOST, ORIGIN, PASSWORD, addUser, sessionOf, type Session } from '../helpers/portal.js';

const NEW_PASSWORD = 'marmalade lantern Quietly 77';
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await addUser(t, 'changer@example.org', 'viewer', []);
  await addUser(t, 'forgot@example.org', 'programme_admin');
});
afterAll(() => t?.close());

const stillSignedIn = async (s: { call: (m: string, u: string) => Promise<{ statusCode: number }> }) => (await s.call('GET', '/api/portal/me')).statusCode === 200;
const audited = (action: string) => t.db.selectFrom('audit_log').select(['email', 'detail']).where('action', '=', action).execute();

describe('POST /api/portal/password', () => {
  it('needs the current password, refuses a weak new one, then ends the other sessions only', async () => {
    const here = await sessionOf(t, 'changer@example.org');
    const elsewhere = await sessionOf(t, 'changer@example.org');

    const wrong = await here.call('POST', '/api/portal/password', { current: 'not the password at all', password: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/current password is not right/);
    const weak = await here.call('POST', '/api/portal/password', { current: PASSWORD, password: 'Welcome2Hearme' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/too easy to guess/);
    const extra = await here.call('POST', '/api/portal/password', { current: PASSWORD, password: NEW_PASSWORD, role: 'programme_admin' });
    expect(extra.statusCode).toBe(400);
    expect(await stillSignedIn(elsewhere)).toBe(true);

    const ok = await here.call('POST', '/api/portal/password', { current: PASSWORD, password: NEW_PASSWORD });
    expect(ok.statusCode).toBe(204);
    expect(await stillSignedIn(here)).toBe(true);
    expect(await stillSignedIn(elsewhere)).toBe(false);
    const user = await findUserByEmail(t.db, 'changer@example.org');
    expect(await verifyPassword(NEW_PASSWORD, user!.password_hash)).toBe(true);
    const rows = await audited('password_change');
    expect(rows.map((r) => [r.email, JSON.parse(r.detail!)])).toEqual([
      ['changer@example.org', { ok: false }],
      ['changer@example.org', { ok: true }],
    ]);
    expect(JSON.stringify(rows)).not.toContain(NEW_PASSWORD);
  }, 60_000);
});

describe('wrong current passwords', () => {
  /** A password change sent from one address, with the session's cookie and CSRF token. */
  const change = (s: Session, address: string, current: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/portal/password',
      remoteAddress: address,
      headers: { host: HOST, origin: ORIGIN, cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { current, password: NEW_PASSWORD },
    });
  const signInFrom = (address: string) =>
    t.app.inject({ method: 'POST', url: '/api/portal/sign-in', remoteAddress: address, headers: { host: HOST, origin: ORIGIN }, payload: { email: 'guessed@example.org', password: PASSWORD } });

  it('count as failed sign-ins do: a session left open cannot be used to guess the password, and the owner elsewhere is not locked out', async () => {
    await addUser(t, 'guessed@example.org', 'viewer', []);
    const leftOpen = await sessionOf(t, 'guessed@example.org');
    for (let i = 0; i < MAX_PAIR_FAILURES; i++) expect((await change(leftOpen, '10.9.9.9', `guess number ${i}`)).statusCode).toBe(400);
    // Even the right one is not checked from that address now.
    const refused = await change(leftOpen, '10.9.9.9', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatch(/too many failed/);
    // A sign-in from the same address is refused too: one count of failures.
    expect((await signInFrom('10.9.9.9')).statusCode).toBe(429);
    // The owner, at their own desk, signs in.
    expect((await signInFrom('10.1.2.3')).statusCode).toBe(204);
    const user = await findUserByEmail(t.db, 'guessed@example.org');
    expect(await verifyPassword(PASSWORD, user!.password_hash)).toBe(true);
  }, 120_000);

  /** Stops the real app and starts it again on the same SQLite file: what the limiter held in memory is gone. */
  async function restart() {
    await t.app.close();
    await t.db.destroy();
    const open = openDatabase(t.config.databasePath);
    const app = await buildApp(t.config, open);
    const close = t.close;
    t = { ...t, ...open, app, close: async () => close() };
  }

  it('are remembered across a restart, as failed sign-ins are: the account is still slowed', async () => {
    await addUser(t, 'restarted@example.org', 'viewer', []);
    const leftOpen = await sessionOf(t, 'restarted@example.org');
    // From as many addresses as it takes to slow the account, none of them refused.
    for (let i = 0; i < SLOW_AFTER; i++) expect((await change(leftOpen, `10.8.0.${i}`, `guess number ${i}`)).statusCode).toBe(400);
    await restart();
    const admin = await sessionOf(t, 'forgot@example.org');
    const users = (await admin.call('GET', '/api/portal/users')).json() as { users: { email: string; lockedOut: boolean }[] };
    expect(users.users.find((u) => u.email === 'restarted@example.org')!.lockedOut).toBe(true);
    // Two more tries from new addresses at once: checked one a second, not together.
    const again = await sessionOf(t, 'restarted@example.org');
    const finished = await Promise.all(
      ['10.8.1.1', '10.8.1.2'].map(async (address, i) => {
        expect((await change(again, address, `once more ${i}`)).statusCode).toBe(400);
        return performance.now();
      }),
    );
    expect(Math.abs(finished[1]! - finished[0]!)).toBeGreaterThan(SLOW_SPACING_MS / 2);
  }, 120_000);
});

describe('hearme user password', () => {
  const env = () => ({ DATABASE_PATH: t.config.databasePath });

  it('generates a strong password, prints it once, ends every session, and is audited', async () => {
    const session = await sessionOf(t, 'forgot@example.org');
    const r = await runCli(['user', 'password', '--email', 'Forgot@Example.org'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { email: string; password: string };
    expect(out.email).toBe('forgot@example.org');
    expect(out.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const user = await findUserByEmail(t.db, 'forgot@example.org');
    expect(await verifyPassword(out.password, user!.password_hash)).toBe(true);
    expect(await stillSignedIn(session)).toBe(false);
    const rows = await audited('password_reset');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.email).toBe('forgot@example.org');
    expect(rows[0]!.detail).not.toContain(out.password);
  });

  it('refuses an unknown account and bad usage with exit code 2', async () => {
    const unknown = await runCli(['user', 'password', '--email', 'nobody@example.org'], env());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no user nobody@example.org/);
    const noEmail = await runCli(['user', 'password'], env());
    expect(noEmail.code).toBe(2);
  });
});
