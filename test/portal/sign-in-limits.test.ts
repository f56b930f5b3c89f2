// Issue 11, items 2, 3 and 7: sign-in limits. A burst of simultaneous
// attempts gets no more than the limit checked; the hashing does not stall
// the child survey's page on a real server; an attacker locks out their
// own (account, address) pair, not the account; the account is slowed,
// not locked; refused attempts are counted, not logged one by one; a
// programme admin can unlock.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { audit } from '../../server/repos/audit.js';
import {
  MAX_ADDRESS_FAILURES,
  MAX_PAIR_FAILURES,
  SLOW_AFTER,
  SLOW_SPACING_MS,
  SignInLimiter,
  addressKey,
  type Attempt,
} from '../../server/auth/sign-in-limiter.js';
import { runCli } from '../helpers/cli.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { addUser, PASSWORD, signIn, signInRequest } from '../helpers/portal.js';

// Behind one proxy, so each attempt can come from its own address. The
// survey page's look-up limit (120 a minute per address) is raised: the
// test loads the page again and again while the sign-ins run, to time it.
let t: TestApp;
let base: string;
let code: string;
beforeAll(async () => {
  t = await testApp({ TRUST_PROXY: '1', LOOKUP_RATE_LIMIT: '100000' });
  ({ code } = await seedWave(t));
  await addUser(t, 'burst@example.org', 'viewer');
  await addUser(t, 'target@example.org', 'viewer');
  await addUser(t, 'owner@example.org', 'viewer');
  await addUser(t, 'admin@example.org', 'programme_admin');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

const WRONG = 'w'.repeat(800);
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const reserved = (a: Attempt | string): Attempt => {
  if (typeof a === 'string') throw new Error(`refused: ${a}`);
  return a;
};

describe('a burst of sign-ins', () => {
  it('reserves each attempt as it starts: of 40 at once for one account and address, exactly the limit may go on', async () => {
    const limiter = new SignInLimiter(t.db);
    const attempts = await Promise.all(Array.from({ length: 40 }, () => limiter.begin('burst@example.org', '192.0.2.1')));
    expect(attempts.filter((a) => typeof a === 'object')).toHaveLength(MAX_PAIR_FAILURES);
    expect(attempts.filter((a) => a === 'pair')).toHaveLength(40 - MAX_PAIR_FAILURES);
  });

  it('40 simultaneous wrong passwords for one account from one address: no more than the limit checked, the rest 429', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => signInRequest(t, 'burst@example.org', WRONG, from('192.0.2.2'))));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_PAIR_FAILURES);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    const failed = await t.db.selectFrom('audit_log').where('action', '=', 'sign_in_failed').selectAll().execute();
    expect(failed.length).toBeLessThanOrEqual(MAX_PAIR_FAILURES);
  }, 120_000);

  it('the survey page loads in under 1 s while 40 sign-ins hammer the server', async () => {
    let settled = false;
    const signIns = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${base}/api/portal/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ email: `nobody${i}@example.org`, password: WRONG }),
        }).then((r) => r.status),
      ),
    ).finally(() => (settled = true));
    // Load the page again and again while the sign-ins are being checked.
    const times: number[] = [];
    do {
      const started = performance.now();
      const page = await fetch(`${base}/s/${code}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      times.push(performance.now() - started);
    } while (!settled);
    const statuses = await signIns;
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(times.length).toBeGreaterThan(1);
    expect(Math.max(...times)).toBeLessThan(1000);
  }, 120_000);
});

describe('lock-out', () => {
  it('10 wrong passwords from 8 addresses do not lock the account: the right password from a fresh address still signs in', async () => {
    for (let i = 0; i < 10; i++)
      expect((await signInRequest(t, 'target@example.org', `wrong password ${i}`, from(`10.7.0.${i % 8}`))).statusCode).toBe(401);
    expect((await signInRequest(t, 'target@example.org', PASSWORD, from('10.7.1.1'))).statusCode).toBe(204);
  }, 120_000);

  it("locks out the attacker's pair, not the owner, who signs in from their own address; an admin's unlock lets the pair try again", async () => {
    // The owner has signed in from their office before.
    expect((await signInRequest(t, 'owner@example.org', PASSWORD, from('10.1.0.1'))).statusCode).toBe(204);
    for (let i = 0; i < MAX_PAIR_FAILURES; i++)
      expect((await signInRequest(t, 'owner@example.org', `wrong password ${i}`, from('10.6.6.6'))).statusCode).toBe(401);
    expect((await signInRequest(t, 'owner@example.org', PASSWORD, from('10.6.6.6'))).statusCode).toBe(429);
    expect((await signInRequest(t, 'owner@example.org', PASSWORD, from('10.1.0.1'))).statusCode).toBe(204);
    // The same address may still try other accounts (its own limit is higher).
    expect((await signInRequest(t, 'admin@example.org', PASSWORD, from('10.6.6.6'))).statusCode).toBe(204);

    // Refused attempts are counted in one audit row per address, not one row each.
    const before = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const refused = await Promise.all(Array.from({ length: 50 }, (_, i) => signInRequest(t, 'owner@example.org', `guess ${i}`, from('10.6.6.6'))));
    expect(refused.every((r) => r.statusCode === 429)).toBe(true);
    const after = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    await vi.waitFor(
      async () => {
        const rows = await t.db.selectFrom('audit_log').select(['email', 'detail']).where('action', '=', 'sign_in_refused').where('email', '=', 'owner@example.org').execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]!.email).toBe('owner@example.org');
        expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ refused: 51, accounts: 1, reasons: { pair: 51 } });
      },
      { timeout: 20_000, interval: 250 },
    );

    // The command line's unlock reaches the running server at the next attempt.
    const cli = await runCli(['user', 'unlock', '--email', 'owner@example.org'], { DATABASE_PATH: t.config.databasePath });
    expect(cli.code).toBe(0);
    expect((await signInRequest(t, 'owner@example.org', PASSWORD, from('10.6.6.6'))).statusCode).toBe(204);
    expect((await runCli(['user', 'unlock', '--email', 'nobody@example.org'], { DATABASE_PATH: t.config.databasePath })).code).toBe(2);
  }, 180_000);

  it('a programme admin unlocks from the portal (audited); others may not', async () => {
    const admin = await signIn(t, 'admin@example.org');
    const users = (await admin.call('GET', '/api/portal/users')).json() as { users: { id: number; email: string }[] };
    const owner = users.users.find((u) => u.email === 'owner@example.org')!;
    expect((await admin.call('POST', `/api/portal/users/${owner.id}/unlock`)).statusCode).toBe(200);
    expect((await admin.call('POST', '/api/portal/users/999999/unlock')).statusCode).toBe(404);
    const row = await t.db.selectFrom('audit_log').select(['email', 'detail']).where('action', '=', 'sign_in_unlock').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toEqual({ email: 'owner@example.org', detail: JSON.stringify({ by: 'admin@example.org' }) });
    const viewer = await signIn(t, 'target@example.org');
    expect((await viewer.call('POST', `/api/portal/users/${owner.id}/unlock`)).statusCode).toBe(403);
  }, 60_000);
});

describe('the limiter', () => {
  const timeTurns = async (limiter: SignInLimiter, attempts: Attempt[]) => {
    const started = performance.now();
    return Promise.all(attempts.map((a) => limiter.turn(a).then((r) => ({ refused: r, after: performance.now() - started }))));
  };

  it('slows an account past its failures to one check a second from unknown addresses, but not from an address it signed in from', async () => {
    const limiter = new SignInLimiter(t.db);
    const known = reserved(await limiter.begin('slow@example.org', '10.9.0.1'));
    limiter.succeeded(known);
    for (let i = 0; i < SLOW_AFTER; i++) reserved(await limiter.begin('slow@example.org', `10.9.1.${i}`));
    const strangers = [reserved(await limiter.begin('slow@example.org', '10.9.2.1')), reserved(await limiter.begin('slow@example.org', '10.9.2.2'))];
    const [first, second] = await timeTurns(limiter, strangers);
    expect(first!.refused).toBeNull();
    expect(second!.refused).toBeNull();
    expect(second!.after - first!.after).toBeGreaterThanOrEqual(SLOW_SPACING_MS - 20);
    const owners = [reserved(await limiter.begin('slow@example.org', '10.9.0.1')), reserved(await limiter.begin('slow@example.org', '10.9.0.1'))];
    const mine = await timeTurns(limiter, owners);
    expect(Math.max(...mine.map((m) => m.after))).toBeLessThan(SLOW_SPACING_MS / 2);
  });

  it("remembers an account's failures across a restart (from the audit log): it is still slowed", async () => {
    for (let i = 0; i < SLOW_AFTER; i++) await audit(t.db, { userId: null, email: 'restart@example.org', action: 'sign_in_failed', detail: { reason: 'password' } });
    const fresh = new SignInLimiter(t.db);
    const attempts = [reserved(await fresh.begin('restart@example.org', '10.3.0.1')), reserved(await fresh.begin('restart@example.org', '10.3.0.2'))];
    const [first, second] = await timeTurns(fresh, attempts);
    expect(second!.after - first!.after).toBeGreaterThanOrEqual(SLOW_SPACING_MS - 20);
  });

  it('refuses an address after its limit of failures, whatever accounts it tries', async () => {
    const limiter = new SignInLimiter(t.db);
    for (let i = 0; i < MAX_ADDRESS_FAILURES; i++) reserved(await limiter.begin(`guess${i}@example.org`, '10.4.0.1'));
    expect(await limiter.begin('another@example.org', '10.4.0.1')).toBe('address');
    expect(typeof (await limiter.begin('another@example.org', '10.4.0.2'))).toBe('object');
  });

  it('counts an IPv6 client by its /64, so it cannot take a new address per attempt', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });
});
