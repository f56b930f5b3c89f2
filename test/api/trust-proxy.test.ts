// Issue 11, item 5: TRUST_PROXY names what to trust (a hop count or the
// proxy's addresses) and the server takes the address the trusted proxy
// saw, so a forged X-Forwarded-For does not choose the client's address.
// Counted through the wave look-up's per-address limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';

const LIMIT = 3;
const apps: TestApp[] = [];
const start = async (trust: string) => {
  const t = await testApp({ TRUST_PROXY: trust, LOOKUP_RATE_LIMIT: String(LIMIT) });
  apps.push(t);
  return { t, code: (await seedWave(t)).code };
};
afterAll(async () => {
  for (const t of apps) await t.close();
});

/** Statuses of look-ups sent with these X-Forwarded-For headers, from this socket address. */
async function lookUps(s: { t: TestApp; code: string }, forwarded: string[], remoteAddress = '127.0.0.1') {
  const out: number[] = [];
  for (const xff of forwarded)
    out.push((await s.t.app.inject({ method: 'GET', url: `/api/waves/${s.code}`, remoteAddress, headers: { 'x-forwarded-for': xff } })).statusCode);
  return out;
}

const forged = (n: number, real: string) => Array.from({ length: n }, (_, i) => `10.1.${i >> 8}.${i & 255}, ${real}`);

describe('TRUST_PROXY', () => {
  let one: { t: TestApp; code: string };
  beforeAll(async () => void (one = await start('1')));

  it('1 (one proxy that appends): a forged address in front of the real one changes nothing', async () => {
    const statuses = await lookUps(one, forged(LIMIT + 2, '203.0.113.7'));
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    // Another client behind the same proxy is not affected.
    expect(await lookUps(one, ['203.0.113.8'])).toEqual([200]);
  });

  it("the proxy's address: a client that reaches the server without it cannot choose its address", async () => {
    const s = await start('192.0.2.10');
    const direct = await lookUps(s, Array.from({ length: LIMIT + 1 }, (_, i) => `198.51.100.${i}`), '198.51.100.200');
    expect(direct.at(-1)).toBe(429);
    // Through the proxy, the address the proxy saw counts.
    const viaProxy = await lookUps(s, forged(LIMIT + 1, '203.0.113.9'), '192.0.2.10');
    expect(viaProxy.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(viaProxy.at(-1)).toBe(429);
  });

  it('a network of proxies (CIDR) and a list', async () => {
    const s = await start('192.0.2.0/24, 127.0.0.1');
    const statuses = await lookUps(s, forged(LIMIT + 1, '203.0.113.10, 192.0.2.5'), '192.0.2.6');
    expect(statuses.at(-1)).toBe(429);
  });

  it("over https only when the trusted proxy says so, never from a client's own header", async () => {
    const s = await start('192.0.2.10');
    const https = { 'x-forwarded-proto': 'https' };
    const direct = await s.t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '198.51.100.1', headers: https });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await s.t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.10', headers: https });
    expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    [' 10.0.0.0/8 , loopback, ::1, fd00::/8 ', ['10.0.0.0/8', 'loopback', '::1', 'fd00::/8']],
  ])('reads %j as %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    ['true', /every address/],
    ['yes', /every address/],
    ['proxy.example.org', /not an IP address/],
    ['10.0.0.0/33', /not an IP address/],
    ['10.0.0.1,,', /not an IP address/],
    ['-1', /not an IP address/],
  ])('refuses %j', (value, reason) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(reason);
  });
});
