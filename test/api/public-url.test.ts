// Issue 15, item 3: PUBLIC_URL, the address children's tablets open. The
// instruction sheet's address and QR code use it; unset, they use the
// address the portal was opened with and say it may not work elsewhere.
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { ORIGIN, addUser, signIn } from '../helpers/portal.js';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

/** A server with one open round and an officer signed in; the round's sheet data and QR code. */
async function sheetOf(env: Record<string, string>) {
  const t = await testApp(env);
  apps.push(t);
  const { waveId, code, authorityCode } = await seedWave(t);
  await addUser(t, 'officer@example.org', 'authority_officer', [authorityCode]);
  const officer = await signIn(t, 'officer@example.org');
  const wave = (await officer.call('GET', `/api/portal/waves/${waveId}`)).json() as { code: string; address: { url: string; public: boolean } };
  const qr = (await officer.call('GET', `/api/portal/waves/${waveId}/qr.svg`)).body;
  expect(wave.code.replace('-', '')).toBe(code);
  return { wave, qr };
}

/** The QR code the server must draw for this address (the same library and options as the route). */
const qrFor = (url: string) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

describe('PUBLIC_URL', () => {
  it('is an http(s) origin; a trailing slash is dropped; anything else is refused naming the variable', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://hearme.example.gov.uk/' }).publicUrl).toBe('https://hearme.example.gov.uk');
    expect(loadConfig({ PUBLIC_URL: 'http://192.168.1.20:3000' }).publicUrl).toBe('http://192.168.1.20:3000');
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: '' }).publicUrl).toBeNull();
    for (const [value, reason] of [
      ['hearme.example.gov.uk', /is not a full address/],
      ['ftp://hearme.example.gov.uk', /is not an http or https address/],
      ['https://hearme.example.gov.uk/survey', /has more than the scheme, host and port/],
      ['https://hearme.example.gov.uk/?a=1', /has more than the scheme, host and port/],
    ] as const) {
      expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(ConfigError);
      expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(reason);
    }
  });

  it('a bad value stops a command with exit 2 and says which variable', async () => {
    const r = await runCli(['migrate'], { PUBLIC_URL: 'tablets.local', DATABASE_PATH: '/nonexistent/never-created.sqlite' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hearme migrate: environment variable PUBLIC_URL: "tablets\.local" is not a full address; give the address children's tablets open/);
  });

  it("set: the sheet's address and QR code are the public address, whatever address the portal was opened with", async () => {
    const { wave, qr } = await sheetOf({ PUBLIC_URL: 'https://hearme.example.gov.uk/' });
    const url = `https://hearme.example.gov.uk/s/${wave.code}`;
    expect(wave.address).toEqual({ url, public: true });
    expect(qr).toBe(await qrFor(url));
  });

  it('unset: the address the portal was opened with, marked as not public', async () => {
    const { wave, qr } = await sheetOf({});
    const url = `${ORIGIN}/s/${wave.code}`;
    expect(wave.address).toEqual({ url, public: false });
    expect(qr).toBe(await qrFor(url));
  });
});
