import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../../surveys/index.js';
import { indicatorLabel } from '../../reports/labels.js';
import { axeViolations, keepScreenshot, releaseBrowser, useBrowser } from '../helpers/browser.js';
import { drawnCharts, expectUndistorted } from '../helpers/chart-checks.js';
import { ALL_CSV_COLUMNS, buildCsv, freshDatabase, makeTempDir, removeTempDir, responseRow, runCli, writeCsv } from '../helpers/cli.js';
import { A, AUTHORITIES, reportCsv } from '../helpers/report-data.js';

// The HTML report in real Chromium: it must draw every chart without a
// console error, keep children's text inert, and print to A4 pages; its
// charts must not distort (0-100 axes, a time axis, one colour per
// indicator, whole labels, provisional rounds marked).
// SCREENSHOTS=folder keeps the screenshots and the PDF for a person to look at.
let dir: string;
let browser: Browser;
let htmlPath: string;
/** A's report for 2025, a round still open, with rounds in 2021, 2023 and 2024 before it, and two age bands. */
let trendPath: string;
let summaryPath: string;

beforeAll(async () => {
  dir = makeTempDir('hearme-report-browser-');
  const { env } = freshDatabase(dir);
  for (const a of AUTHORITIES) await runCli(['authority', 'add', '--code', a.code, '--name', a.name], env);
  expect((await runCli(['import', writeCsv(dir, 'data.csv', reportCsv())], env)).code).toBe(0);
  htmlPath = join(dir, 'report.html');
  expect((await runCli(['report', '--authority', A.code, '--period', '2024', '--format', 'html', '--out', htmlPath], env)).code).toBe(0);
  // Rounds two years and one year apart, ages 8-11 beside 11-17, and a 2025 round that is still open.
  let n = 9000;
  const more = (instrument: string, period: string, count: number) =>
    Array.from({ length: count }, (_, k) => responseRow({ n: n++, instrument, seed: k, authority: A.code, period, submittedOn: `${period}-05-01` }));
  const earlier = [...more('ylyc-11-17', '2021', 40), ...more('ylyc-8-11', '2021', 30), ...more('ylyc-8-11', '2023', 30), ...more('ylyc-8-11', '2024', 30)];
  expect((await runCli(['import', writeCsv(dir, 'earlier.csv', buildCsv(ALL_CSV_COLUMNS, earlier))], env)).code).toBe(0);
  expect((await runCli(['wave', 'create', '--authority', A.code, '--period', '2025', '--opens', '2025-01-10'], env)).code).toBe(0);
  const open = [...more('ylyc-11-17', '2025', 30), ...more('ylyc-8-11', '2025', 30)];
  expect((await runCli(['import', writeCsv(dir, 'open.csv', buildCsv(ALL_CSV_COLUMNS, open))], env)).code).toBe(0);
  trendPath = join(dir, 'report-2025.html');
  expect((await runCli(['report', '--authority', A.code, '--period', '2025', '--format', 'html', '--out', trendPath], env)).code).toBe(0);
  summaryPath = join(dir, 'report-2025.summary.html');
  expect((await runCli(['report', '--authority', A.code, '--period', '2025', '--out', summaryPath], env)).code).toBe(0);
  browser = await useBrowser();
});
afterAll(async () => {
  await releaseBrowser(browser);
  removeTempDir(dir);
});

const keep = process.env.SCREENSHOTS;

describe('HTML report in Chromium', () => {
  // axe over the whole report takes most of a minute on a loaded 2-core machine (as it did with canvas charts)
  it('draws every chart, with no console errors, no network requests and no accessibility violations', { timeout: 120_000 }, async () => {
    // a context of its own: axe needs one made with browser.newContext()
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request ${r.url()}`));
    await page.goto(`file://${htmlPath}`);

    const charts = (await page.evaluate(`[...document.querySelectorAll('svg.chart-svg')].map((svg) => {
      const next = (svg.closest('.chart-row') || svg.parentElement).nextElementSibling;
      return { id: svg.parentElement.id, marks: svg.querySelectorAll('.bar-row rect, g.point').length, width: svg.getBoundingClientRect().width, tableAfter: next && next.tagName === 'TABLE' };
    })`)) as { id: string; marks: number; width: number; tableAfter: boolean }[];
    // five domain bar charts and, with three rounds, trend lines for the domains that have two shown points
    expect(charts.filter((c) => c.id.startsWith('chart-'))).toHaveLength(5);
    expect(charts.some((c) => c.id.startsWith('trend-'))).toBe(true);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(250);
      expect(c.marks, `${c.id} draws bars or points`).toBeGreaterThan(0);
      expect(c.tableAfter, `${c.id} is followed by its data table`).toBe(true);
    }
    // children's text stays text: no element made from it, nothing run
    expect(await page.evaluate(`document.querySelectorAll('blockquote *').length`)).toBe(0);
    expect(await page.title()).toBe('Hear Me 2024: Middlesbrough');
    expect(await page.locator('blockquote', { hasText: 'Ring me' }).textContent()).toContain('<img src=x onerror=');
    expect(problems).toEqual([]);
    // and axe finds no accessibility problem (contrast, table headers, labels, scrollable regions…)
    expect((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);

    await keepScreenshot(page, 'report-top');
    await keepScreenshot(page.locator('#chart-recovery'), 'report-chart-recovery');
    await context.close();
  });

  it('charts do not distort: 0-100 axes, years on a time axis, one colour per indicator, whole labels, provisional points marked', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`file://${trendPath}`);
    const drawn = await drawnCharts(page);
    const bars = drawn.filter((d) => d.kind === 'bars');
    const lines = drawn.filter((d) => d.kind === 'lines');
    expect(bars).toHaveLength(5);
    // a panel per domain and age band: both bands have trends
    expect(lines.some((d) => d.id.endsWith('-8-11'))).toBe(true);
    expect(lines.some((d) => d.id.endsWith('-11-17'))).toBe(true);
    // 0-100 axes, whole labels, rounds on a time axis, the open 2025 round hollow, a colour per series
    const colourOf = expectUndistorted(drawn, '2025');
    // years 2021, 2023, 2024 and 2025 (open) are all on the axis
    for (const d of lines) expect(Object.keys(d.years), d.id).toEqual(['2021', '2023', '2024', '2025*']);

    const labels = new Set(INDICATORS.map((i) => indicatorLabel(i.id)));
    for (const d of bars)
      for (const l of d.texts.filter((t) => t.row).map((t) => t.lines.join(' '))) expect(labels.has(l.replace(/ \((4-7|8-11|11-17)\)( – fewer than \d+ answers)?$/, '')), l).toBe(true);
    // the trend series are the indicators, and some appear in both bands' panels, in one colour
    for (const label of colourOf.keys()) expect(labels.has(label), label).toBe(true);
    const inBoth = [...colourOf.keys()].filter((l) => lines.filter((d) => d.texts.some((t) => t.legend && t.lines.join(' ') === l)).length > 1);
    expect(inBoth.length).toBeGreaterThan(0);
    // the bars' key says the round is provisional, as the page's header does
    expect(bars[0]!.texts.some((t) => t.legend && t.lines.join(' ').includes('provisional: the round is still open'))).toBe(true);
    await keepScreenshot(page.locator('#chart-recovery'), 'report-2025-bars');
    await keepScreenshot(page.locator('.chart-row').first(), 'report-2025-trends');
    await page.close();
  });

  it('prints to A4: the summary alone on page 1, each section from a new page', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${htmlPath}`);
    await page.emulateMedia({ media: 'print' });
    const sections = (await page.evaluate(`document.querySelectorAll('section.page-break').length`)) as number;
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    if (keep) writeFileSync(join(keep, 'report.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
    // page 1 is the summary; "who answered" starts page 2; every page-break section starts a page of its own
    expect(sections).toBe(10);
    expect(pages).toBeGreaterThanOrEqual(2 + sections);
    // …and none runs away: each section fits in at most three pages here
    expect(pages).toBeLessThanOrEqual(2 + 3 * sections);
    // A4 is 210 × 297 mm, 595 × 842 points, on every page
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, w, h] of boxes) {
      expect(Number(w)).toBeCloseTo(595, 0);
      expect(Number(h)).toBeCloseTo(842, 0);
    }
    await page.close();
  });

  it('the one-page summary prints on one A4 page, says the round is provisional, and passes axe', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`file://${summaryPath}`);
    expect(await page.locator('h1').textContent()).toBe('Middlesbrough: what children in care told us in 2025');
    expect(await page.locator('.provisional').textContent()).toContain('Provisional: the round is still open');
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Better since 2024',
      'Worse since 2024',
      'Better than other authorities',
      'Worse than other authorities',
      'What we said we would do',
    ]);
    expect((await axeViolations(page)).map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    if (keep) writeFileSync(join(keep, 'summary.pdf'), pdf);
    await keepScreenshot(page, 'summary', { fullPage: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length).toBe(1);
    await context.close();
  }, 60_000);

  it('the accessibility check finds what is wrong, on a page checked twice', async () => {
    const page = await browser.newPage();
    await page.setContent('<html><body><img src="data:,"><button></button></body></html>');
    const rules = async () => (await axeViolations(page)).map((v) => v.id).sort();
    expect(await rules()).toEqual(['button-name', 'document-title', 'html-has-lang', 'image-alt', 'landmark-one-main', 'page-has-heading-one', 'region']);
    await page.evaluate(() => document.querySelector('img')!.setAttribute('alt', 'A chart'));
    expect(await rules()).not.toContain('image-alt');
    await page.close();
  });

  it('is one self-contained file', () => {
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    // charts are SVG drawn when the report is made: nothing to run
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(5);
  });
});
