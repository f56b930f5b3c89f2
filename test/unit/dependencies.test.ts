// What `npm ci` installs fits what package.json promises: every package in
// the lock file accepts the oldest Node.js our `engines` allows (so npm
// prints no EBADENGINE warning there), and the cookie library pinned for
// that (package.json `overrides`) works with the two packages that use it:
// @fastify/cookie writes and reads the session cookie, light-my-request
// sends cookies in tests.
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { PLAYWRIGHT_DISABLED_FEATURES } from '../helpers/browser.js';
import { HOST, addUser, signInRequest } from '../helpers/portal.js';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const pkg = read('package.json') as { engines: { node: string } };
const lock = read('package-lock.json') as { packages: Record<string, { version?: string; engines?: unknown }> };

describe('dependencies and the declared engines', () => {
  it('every locked package accepts the oldest Node.js that package.json allows', () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    expect(oldest).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .map(([path, p]) => ({ path, version: p.version, node: (p.engines as { node?: unknown } | undefined)?.node }))
      // Old packages wrote engines as a list of strings; npm ignores that form.
      .filter((p) => typeof p.node === 'string' && !semver.satisfies(oldest, p.node as string))
      .map((p) => `${p.path}@${p.version} wants node ${String(p.node)}`);
    expect(refusing).toEqual([]);
  });
});

describe('the browser the tests drive', () => {
  it("repeats every feature playwright-core disables, since our own --disable-features replaces its", () => {
    // playwright-core keeps its list inside its bundle, as `disabledFeatures = [ ...strings... ]`.
    const bundle = readFileSync(new URL('../../node_modules/playwright-core/lib/coreBundle.js', import.meta.url), 'utf8');
    const list = /disabledFeatures = \[([^\]]*)\]/.exec(bundle)?.[1];
    expect(list).toBeDefined();
    const theirs = [...list!.matchAll(/^\s*"([A-Za-z]+)",?\s*$/gm)].map((m) => m[1]);
    expect(theirs.length).toBeGreaterThan(5);
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(theirs);
  });
});

describe('the pinned cookie library', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await addUser(t, 'admin@example.org', 'programme_admin');
  });
  afterAll(() => t.close());

  it('writes the session cookie with its attributes and reads it back (@fastify/cookie, light-my-request)', async () => {
    const res = await signInRequest(t, 'admin@example.org');
    expect(res.statusCode).toBe(204);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^hearme_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const value = header.split(';')[0]!.split('=')[1]!;
    // light-my-request writes the Cookie header from `cookies`; the server parses it.
    const me = await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { host: HOST }, cookies: { hearme_session: value } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'admin@example.org', role: 'programme_admin' });
  });
});
