// Sign-in, sessions and their limits, CSRF, rate limit, audit entries,
// and the security headers on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABSOLUTE_MS, IDLE_MS, hashToken } from '../../server/auth/sessions.js';
import { testApp, seedWave, type TestApp } from '../helpers/app.js';
import { addUser, anonymous, HOST, PASSWORD, signIn, signInRequest, sessionFrom } from '../helpers/portal.js';

let t: TestApp;
let authority: string;
beforeAll(async () => {
  t = await testApp();
  ({ authorityCode: authority } = await seedWave(t));
  await addUser(t, 'admin@example.org', 'programme_admin');
  await addUser(t, 'officer@example.org', 'authority_officer', [authority]);
});
afterAll(() => t.close());

const actions = async () => (await t.db.selectFrom('audit_log').select(['action', 'email']).orderBy('id').execute());

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Strict cookie with a 256-bit token, stored only as a hash', async () => {
    const res = await signInRequest(t, 'Officer@Example.org');
    expect(res.statusCode).toBe(204);
    const c = res.cookies.find((x) => x.name === 'hearme_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(c.path).toBe('/');
    expect(Buffer.from(c.value, 'base64url')).toHaveLength(32);
    const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).toContain(hashToken(c.value));
    expect(JSON.stringify(stored)).not.toContain(c.value);
  });

  it('over https names the cookie __Host-hearme and marks it Secure', async () => {
    const res = await signInRequest(t, 'officer@example.org', PASSWORD, { 'x-forwarded-proto': 'https', origin: `https://${HOST}` });
    // Without TRUST_PROXY the forwarded protocol is ignored: still plain http, so the origin does not match.
    expect(res.statusCode).toBe(403);
    const behindProxy = await testApp({ TRUST_PROXY: '1' });
    try {
      await addUser(behindProxy, 'a@example.org', 'programme_admin');
      const ok = await signInRequest(behindProxy, 'a@example.org', PASSWORD, { 'x-forwarded-proto': 'https', origin: `https://${HOST}` });
      expect(ok.statusCode).toBe(204);
      const c = ok.cookies.find((x) => x.name === '__Host-hearme')!;
      expect(c).toBeDefined();
      expect(c.secure).toBe(true);
      expect(c.domain).toBeUndefined();
    } finally {
      await behindProxy.close();
    }
  });

  it('answers an unknown address and a wrong password with the same message', async () => {
    const unknown = await signInRequest(t, 'nobody@example.org');
    const wrong = await signInRequest(t, 'officer@example.org', 'not the right password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.cookies).toEqual([]);
  });

  it('gives a new token at every sign-in', async () => {
    const a = await signIn(t, 'officer@example.org');
    const b = await signIn(t, 'officer@example.org');
    expect(a.cookie).not.toBe(b.cookie);
  });

  it('logs sign-ins and failures in the audit log, never the password', async () => {
    const log = await actions();
    expect(log).toContainEqual({ action: 'sign_in', email: 'officer@example.org' });
    expect(log).toContainEqual({ action: 'sign_in_failed', email: 'nobody@example.org' });
    const all = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute());
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain('not the right password');
  });
});

describe('sessions', () => {
  it('are told apart from no session by GET /session, which answers 200 either way (the portal’s first call)', async () => {
    // Opening the sign-in page asks this: no failed request (and no console error) for simply not being signed in yet.
    const none = await anonymous(t).call('GET', '/api/portal/session');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ signedIn: false });
    const s = await signIn(t, 'officer@example.org');
    const yes = await s.call('GET', '/api/portal/session');
    expect(yes.statusCode).toBe(200);
    expect(yes.json()).toEqual({ signedIn: true, ...(await s.call('GET', '/api/portal/me')).json() });
    expect(yes.json()).toMatchObject({ email: 'officer@example.org', role: 'authority_officer', csrfToken: s.csrf });
    await s.call('POST', '/api/portal/sign-out');
    expect((await s.call('GET', '/api/portal/session')).json()).toEqual({ signedIn: false });
  });

  it('end at sign-out: the same cookie no longer works', async () => {
    const s = await signIn(t, 'officer@example.org');
    expect((await s.call('GET', '/api/portal/me')).statusCode).toBe(200);
    expect((await s.call('POST', '/api/portal/sign-out')).statusCode).toBe(204);
    expect((await s.call('GET', '/api/portal/me')).statusCode).toBe(401);
    expect(await actions()).toContainEqual({ action: 'sign_out', email: 'officer@example.org' });
  });

  it('end after 30 minutes idle', async () => {
    const s = await signIn(t, 'officer@example.org');
    const token = s.cookie.split('=')[1]!;
    await t.db.updateTable('sessions').set({ last_seen: Date.now() - IDLE_MS + 60_000 }).where('token_hash', '=', hashToken(token)).execute();
    expect((await s.call('GET', '/api/portal/me')).statusCode).toBe(200);
    await t.db.updateTable('sessions').set({ last_seen: Date.now() - IDLE_MS - 1000 }).where('token_hash', '=', hashToken(token)).execute();
    expect((await s.call('GET', '/api/portal/me')).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').where('token_hash', '=', hashToken(token)).selectAll().execute()).toEqual([]);
  });

  it('end 8 hours after sign-in however active', async () => {
    const s = await signIn(t, 'officer@example.org');
    const token = s.cookie.split('=')[1]!;
    await t.db.updateTable('sessions').set({ created_at: Date.now() - ABSOLUTE_MS - 1000, last_seen: Date.now() }).where('token_hash', '=', hashToken(token)).execute();
    expect((await s.call('GET', '/api/portal/me')).statusCode).toBe(401);
  });

  it('end at once when a programme admin disables the user, who can no longer sign in', async () => {
    const id = await addUser(t, 'leaving@example.org', 'viewer', [authority]);
    const s = await signIn(t, 'leaving@example.org');
    const admin = await signIn(t, 'admin@example.org');
    const res = await admin.call('PATCH', `/api/portal/users/${id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect((await s.call('GET', '/api/portal/me')).statusCode).toBe(401);
    const again = await signInRequest(t, 'leaving@example.org');
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toBe((await signInRequest(t, 'nobody2@example.org')).json().error);
    expect(await actions()).toContainEqual({ action: 'user_update', email: 'admin@example.org' });
  });
});

describe('CSRF', () => {
  it('refuses a state change without the token, with a wrong token, or from another origin', async () => {
    const s = await signIn(t, 'admin@example.org');
    const body = { code: 'E06000901', name: 'Testshire' };
    expect((await s.call('POST', '/api/portal/authorities', body, { 'x-csrf-token': '' })).statusCode).toBe(403);
    expect((await s.call('POST', '/api/portal/authorities', body, { 'x-csrf-token': 'x'.repeat(43) })).statusCode).toBe(403);
    expect((await s.call('POST', '/api/portal/authorities', body, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await s.call('POST', '/api/portal/authorities', body, { origin: '', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect(await t.db.selectFrom('authorities').where('code', '=', 'E06000901').selectAll().execute()).toEqual([]);
    const ok = await s.call('POST', '/api/portal/authorities', body);
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await signInRequest(t, 'admin@example.org', PASSWORD, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.cookies).toEqual([]);
  });

  it('another session\'s token does not do', async () => {
    const a = await signIn(t, 'admin@example.org');
    const b = await signIn(t, 'admin@example.org');
    const mixed = sessionFrom(t, a.cookie, b.csrf);
    expect((await mixed.call('POST', '/api/portal/authorities', { code: 'E06000902', name: 'X' })).statusCode).toBe(403);
  });
});

describe('security headers', () => {
  it.each(['/', '/s/ABCDEFGH', '/api/health', '/api/instruments/ylyc-8-11', '/api/no-such-route', '/portal', '/api/portal/me'])('%s has a strict CSP', async (url) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { host: HOST } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Plain http (tablets on a local network): no HSTS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('HSTS only over https: behind a proxy with TRUST_PROXY, not from a forged header without it', async () => {
    const https = { host: HOST, 'x-forwarded-proto': 'https' };
    const forged = await t.app.inject({ method: 'GET', url: '/api/health', headers: https });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await testApp({ TRUST_PROXY: '1' });
    try {
      const res = await behindProxy.app.inject({ method: 'GET', url: '/portal', headers: https });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await behindProxy.close();
    }
  });
});
