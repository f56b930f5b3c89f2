// The child app's first load must stay small for old tablets on poor
// connections: what the server really sends over HTTP (compressed bodies
// and their headers) for the page (with the start screen and its wave
// drawn in), its script and style and the default language, at most
// 50 KiB, with no chart or portal code.
// Reads the build made by test/global-setup.ts, served by the real app.
import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURVEY_DIR } from '../../server/plugins/static.js';
import { startSurveyServer, type SurveyServer } from '../helpers/survey-server.js';

const BUDGET_BYTES = 50 * 1024;
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Bytes on the wire: the status line and headers, then the body as sent (still compressed). */
  wire: number;
  body: Buffer;
}

/** A GET over a real socket, counting what arrives before anything decodes it. */
function get(base: string, path: string, encodings = BROWSER_ENCODINGS): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { 'accept-encoding': encodings } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n${res.rawHeaders.map((h, i) => (i % 2 ? `${h}\r\n` : `${h}: `)).join('')}\r\n`;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, wire: Buffer.byteLength(head) + body.length, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The survey files the page links to, read from what the server sent. */
function linked(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/survey\/[^"]+)"/g)].map((m) => m[1]!);
}

describe('the child survey as the server sends it', () => {
  let srv: SurveyServer;
  let code: string;
  beforeAll(async () => {
    srv = await startSurveyServer();
    code = (await srv.wave()).code;
  });
  afterAll(() => srv?.close());

  it(`sends at most ${BUDGET_BYTES / 1024} KiB before the first screen, every file compressed`, async () => {
    const page = await get(srv.base, `/s/${code}`);
    expect(page.status).toBe(200);
    const html = (await import('node:zlib')).brotliDecompressSync(page.body).toString();
    // The start screen comes drawn, with its wave in the page: nothing to ask for before the first screen
    // (the app asks for the wave once it runs, for the service worker to keep the round).
    expect(html).toContain('<div class="ages" role="group"');
    expect(html).toContain('<script type="application/json" id="hearme-wave">');
    expect(page.headers.link).toBeUndefined();
    // The default language rides in the main script or is linked; either way it must be counted.
    const assets = readdirSync(`${SURVEY_DIR}/assets`);
    const en = assets.filter((f) => /^en-.*\.js$/.test(f)).map((f) => `/survey/assets/${f}`);
    const files = [...new Set([...linked(html), ...en])];
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    // The style is in the page (one request fewer before the screen can be drawn).
    expect(files.some((f) => f.endsWith('.css'))).toBe(false);
    expect(html).toMatch(/<style>[^<]*\.ages[^<]*<\/style>/);
    const sent: Record<string, number> = { [`/s/${code}`]: page.wire };
    for (const f of files) {
      const r = await get(srv.base, f);
      expect(r.status, f).toBe(200);
      expect(r.headers['content-encoding'], f).toBe('br');
      expect(r.headers.vary, f).toMatch(/accept-encoding/i);
      sent[f] = r.wire;
    }
    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    console.log(`child survey first load over HTTP: ${(total / 1024).toFixed(1)} KiB`, sent);
    expect(page.headers['content-encoding']).toBe('br');
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('allows the page its two inline scripts and its style by their hashes, and nothing else inline', async () => {
    const page = await get(srv.base, `/s/${code}`, 'identity');
    const html = page.body.toString();
    const { createHash } = await import('node:crypto');
    const hash = (text: string) => createHash('sha256').update(text).digest('base64');
    const scripts = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]!);
    // The tap keeper in the head, and at the end the starter of the app's script (after a first paint).
    expect([scripts.length, styles.length]).toEqual([2, 1]);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain(`script-src 'self' 'sha256-${hash(scripts[0]!)}' 'sha256-${hash(scripts[1]!)}';`);
    expect(policy).toContain(`style-src 'self' 'sha256-${hash(styles[0]!)}';`);
    expect(policy).not.toContain('unsafe-inline');
    // Anything else gets the policy without them.
    const plain = String((await get(srv.base, '/')).headers['content-security-policy']);
    expect(plain).toContain("script-src 'self';");
    expect(plain).toContain("style-src 'self';");
  });

  it('sends the plain page, and a preload of the wave, for a code with no open round', async () => {
    const closed = await srv.t.app.inject({ method: 'GET', url: '/s/NOSUCHCODE' });
    expect(closed.statusCode).toBe(200);
    expect(closed.headers.link).toBe('</api/waves/NOSUCHCODE>; rel=preload; as=fetch; crossorigin=anonymous');
    expect(closed.body).toContain('<div id="app"><p class="loading">');
    expect(closed.body).not.toContain('hearme-wave');
  });

  it('falls back to gzip, and to plain for a client that takes neither', async () => {
    for (const path of ['/', `/s/${code}`]) {
      const zipped = await get(srv.base, path, 'gzip');
      expect(zipped.headers['content-encoding'], path).toBe('gzip');
      expect((await import('node:zlib')).gunzipSync(zipped.body).toString(), path).toContain('<div id="app">');
      const plain = await get(srv.base, path, 'identity');
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.body.toString(), path).toContain('<div id="app">');
    }
  });

  it('lets browsers keep hashed files for a year, and checks the page and the service worker every time', async () => {
    const html = (await get(srv.base, '/', 'identity')).body.toString();
    const script = linked(html).find((f) => f.endsWith('.js'))!;
    expect((await get(srv.base, script)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(srv.base, '/')).headers['cache-control']).toBe('no-cache');
    expect((await get(srv.base, `/s/${code}`)).headers['cache-control']).toBe('no-cache');
    const sw = await get(srv.base, '/survey-sw.js');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-encoding']).toBe('br');
  });

  it('holds no portal or report-chart code', () => {
    const all = readdirSync(`${SURVEY_DIR}/assets`).filter((f) => f.endsWith('.js'));
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) {
      const text = readFileSync(`${SURVEY_DIR}/assets/${f}`, 'utf8');
      expect(text).not.toMatch(/chart-svg|Published reference figures/);
      expect(text).not.toMatch(/web\/portal/);
    }
  });
});
