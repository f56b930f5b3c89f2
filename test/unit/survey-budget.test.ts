// The child app's first load must stay small for old tablets on poor
// connections: HTML, JS, CSS and fonts (and the default language) at most
// 60 KiB gzip, with no chart or portal code. Reads the build made by
// test/global-setup.ts.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = new URL('../../dist/web/survey/', import.meta.url);
const BUDGET_BYTES = 60 * 1024;

const read = (path: string) => readFileSync(new URL(path.replace(/^\/survey\//, ''), DIST));
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

/** The files the page fetches before the first screen: the HTML, what it links, and the English locale chunk. */
function firstLoad(): string[] {
  const html = read('index.html').toString();
  const linked = [...html.matchAll(/(?:src|href)="(\/survey\/[^"]+)"/g)].map((m) => m[1]!);
  const assets = readdirSync(new URL('assets/', DIST));
  const en = assets.filter((f) => /^en-.*\.js$/.test(f)).map((f) => `/survey/assets/${f}`);
  const fonts = assets.filter((f) => /\.(woff2?|ttf|otf)$/.test(f)).map((f) => `/survey/assets/${f}`);
  return ['index.html', ...linked, ...en, ...fonts];
}

describe('the child survey build', () => {
  it('exists', () => {
    expect(existsSync(new URL('index.html', DIST))).toBe(true);
    expect(existsSync(new URL('survey-sw.js', DIST))).toBe(true);
  });

  it(`loads at most ${BUDGET_BYTES / 1024} KiB gzip before the first screen`, () => {
    const files = firstLoad();
    expect(files.some((f) => f.endsWith('.js') && !/\/en-/.test(f))).toBe(true);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    const sizes = Object.fromEntries(files.map((f) => [f, gz(read(f))]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.log(`child survey first load: ${(total / 1024).toFixed(1)} KiB gzip`, sizes);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('holds no chart.js or portal code', () => {
    const all = readdirSync(new URL('assets/', DIST)).filter((f) => f.endsWith('.js'));
    for (const f of all) {
      const text = read(`assets/${f}`).toString();
      expect(text).not.toMatch(/chart\.js|Chart\.register|chartjs/i);
      expect(text).not.toMatch(/web\/portal/);
    }
  });
});
