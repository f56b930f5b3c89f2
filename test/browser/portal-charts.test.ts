// The portal's charts in Chromium (issue 13 item 4 in the portal): the
// report page, Year on year and Compare draw the downloaded report's own
// SVG charts, so they keep its rules (test/helpers/chart-checks.ts):
// 0-100 axes, rounds on a time axis (2021, 2023, 2024, 2025 spaced 2, 1, 1),
// an indicator in one colour in every panel, the open 2025 round hollow and
// starred. The report page shows the published reference figures; every
// page passes axe.
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClosesOn } from '../../server/repos/portal-waves.js';
import { createWave } from '../../server/repos/waves.js';
import { indicatorLabel } from '../../reports/labels.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { releaseBrowser, useBrowser } from '../helpers/browser.js';
import { drawnCharts, expectUndistorted } from '../helpers/chart-checks.js';
import { addUser, signIn } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';
import { axe } from '../helpers/survey-driver.js';

let t: TestApp;
let base: string;
let browser: Browser;
let page: Page;
let waveId: number;
let authority: string;
let cookie: string;
/** Each trend series' colour on the report page, to be the same on Year on year. */
let reportColours: Map<string, Set<string>>;

beforeAll(async () => {
  t = await testApp({ MIN_BASE: '2' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  // A: rounds in 2021, 2023 and 2024 (closed) and 2025 (still open), ages 8-11 and 11-17.
  const now = await seedWave(t, { period: '2025' });
  waveId = now.waveId;
  authority = now.authorityCode;
  const a = await t.db.selectFrom('authorities').select('id').where('code', '=', authority).executeTakeFirstOrThrow();
  for (const period of ['2021', '2023', '2024']) {
    const w = await createWave(t.db, { authority_id: a.id, programme: 'ylyc', period, opens_on: null, closes_on: null });
    await submitResponses(t, w.access_code, 3);
    await submitResponses(t, w.access_code, 3, undefined, 'ylyc-8-11');
    // 2024's 11-17s all give the first answer (seed 0): changes from 2023 that are significant, some better, some worse.
    if (period === '2024') for (let i = 0; i < 20; i++) await submitResponses(t, w.access_code, 1);
    await setClosesOn(t.db, w.id, `${period}-12-31`);
  }
  await submitResponses(t, now.code, 4);
  await submitResponses(t, now.code, 3, undefined, 'ylyc-8-11');
  // B: a 2025 round that has closed, for Compare.
  const other = await seedWave(t, { period: '2025' });
  await submitResponses(t, other.code, 3);
  await setClosesOn(t.db, other.waveId, '2025-06-30');
  // Published figures for A's 2025 report: one with n (tested), one without.
  await t.db
    .insertInto('reference_figures')
    .values([
      { source: 'National survey', period: '2024', programme: 'ylyc', band: '11-17', indicator: 'feels_safe', percent: 70, n: 400 },
      { source: 'Bright Spots', period: '2023', programme: 'ylyc', band: '11-17', indicator: 'likes_bedroom', percent: 60, n: null },
    ])
    .execute();
  await addUser(t, 'admin@example.org', 'programme_admin');
  cookie = (await signIn(t, 'admin@example.org')).cookie;
  browser = await useBrowser();
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  page = await context.newPage();
}, 120_000);
afterAll(async () => {
  await releaseBrowser(browser);
  await t?.close();
});

/** The chart markup by the id of its box, as the page or a downloaded report has it (the page writes `<rect></rect>` for `<rect/>`). */
const chartsById = (html: string) =>
  Object.fromEntries([...html.matchAll(/<div class="chart" id="([^"]+)">(<svg[\s\S]*?<\/svg>)<\/div>/g)].map((m) => [m[1]!, m[2]!.replace(/<(\w+)([^<>]*)\/>/g, '<$1$2></$1>')]));

describe('the portal draws the report’s charts', () => {
  it('report page: the download’s own charts, undistorted, with the published reference figures', async () => {
    await page.goto(`${base}/portal#/waves/${waveId}/report`);
    await page.getByRole('heading', { name: 'How to read this report', level: 2 }).waitFor();
    const drawn = await drawnCharts(page);
    const lines = drawn.filter((d) => d.kind === 'lines');
    expect(drawn.filter((d) => d.kind === 'bars').length).toBeGreaterThan(2);
    expect(lines.some((d) => d.id.endsWith('-8-11')) && lines.some((d) => d.id.endsWith('-11-17'))).toBe(true);
    for (const d of lines) expect(Object.keys(d.years), d.id).toEqual(['2021', '2023', '2024', '2025*']);
    const colourOf = expectUndistorted(drawn, '2025');
    reportColours = colourOf;
    // an indicator in both bands' panels, in one colour (checked by expectUndistorted)
    expect([...colourOf.keys()].filter((l) => lines.filter((d) => d.texts.some((x) => x.legend && x.lines.join(' ') === l)).length > 1).length).toBeGreaterThan(0);

    // the same markup as the downloaded HTML report's, chart for chart: one chart module, not two
    const html = await (await fetch(`${base}/api/portal/waves/${waveId}/report.html`, { headers: { cookie } })).text();
    const download = chartsById(html);
    const shown = chartsById(await page.locator('main').innerHTML());
    expect(Object.keys(shown).sort()).toEqual(Object.keys(download).sort());
    expect(Object.keys(shown).filter((id) => shown[id] !== download[id])).toEqual([]);

    // reference figures beside the benchmark, labelled with their source; tested only with n
    const refs = page.locator('table.reference');
    await expect(refs.count()).resolves.toBeGreaterThan(0);
    const safe = refs.getByRole('row', { name: new RegExp(`^${indicatorLabel('feels_safe')}`) });
    await expect(safe.locator('td').nth(1).textContent()).resolves.toBe('National survey 2024');
    await expect(safe.locator('td').nth(2).textContent()).resolves.toBe('70% of 400');
    await expect(safe.locator('td').nth(3).textContent()).resolves.toMatch(/points/);
    const bedroom = refs.getByRole('row', { name: new RegExp(`^${indicatorLabel('likes_bedroom')}`) });
    await expect(bedroom.locator('td').nth(3).textContent()).resolves.toMatch(/not tested \(no number answered given\)$/);
    expect(await axe(page)).toEqual([]);
  }, 120_000);

  it('Year on year: the chosen indicator in each band’s panel, on a time axis, in its colour, with intervals', async () => {
    await page.goto(`${base}/portal#/years`);
    await page.getByLabel('Authority').selectOption(authority);
    await page.getByLabel('Indicator for the chart').selectOption('feels_safe');
    await page.waitForFunction(() => document.querySelectorAll('svg.chart-svg[data-chart="lines"]').length === 2);
    const drawn = await drawnCharts(page);
    expect(drawn.map((d) => d.id)).toEqual(['years-8-11', 'years-11-17']);
    for (const d of drawn) expect(Object.keys(d.years), d.id).toEqual(['2021', '2023', '2024', '2025*']);
    const colourOf = expectUndistorted(drawn, '2025');
    expect([...colourOf.keys()]).toEqual([indicatorLabel('feels_safe')]);
    // the same colour as the indicator has on the report page's trend panels
    expect(colourOf.get(indicatorLabel('feels_safe'))).toEqual(reportColours.get(indicatorLabel('feels_safe')));
    expect(await page.locator('svg.chart-svg path.ci').count()).toBeGreaterThan(0);
    // A significant change says in words whether it is better or worse for children, coloured to match (not red both ways).
    const changes = await page.locator('table td.num').evaluateAll((cells) =>
      cells.flatMap((c) => {
        const arrow = Array.from(c.querySelectorAll('span')).find((x) => /^[▲▼]/.test(x.textContent ?? ''));
        return arrow ? [{ words: Array.from(c.querySelectorAll('span.small')).at(-1)!.textContent, mark: arrow.className }] : [];
      }),
    );
    expect(changes.some((c) => c.words === 'significantly better')).toBe(true);
    expect(changes.some((c) => c.words === 'significantly worse')).toBe(true);
    for (const c of changes) {
      expect(c.words).toMatch(/^(significantly (better|worse)|(better|worse), but may be chance)$/);
      if (c.words === 'significantly better') expect(c.mark).toBe('good');
      if (c.words === 'significantly worse') expect(c.mark).toBe('bad');
    }
    expect(await axe(page)).toEqual([]);
  }, 60_000);

  it('Compare: authorities on a 0-100 axis, an open round’s bar hollow and starred', async () => {
    await page.goto(`${base}/portal#/compare`);
    await page.getByLabel('Indicator').selectOption('feels_safe');
    await page.waitForSelector('#compare-chart svg.chart-svg');
    const drawn = await drawnCharts(page);
    expect(drawn).toHaveLength(1);
    expectUndistorted(drawn, '2025');
    const rows = drawn[0]!.texts.filter((x) => x.row).map((x) => x.lines.join(' '));
    expect(rows).toEqual([`Authority ${authority} *`, expect.stringMatching(/^Authority E0600\d{4}$/)]);
    // A's round is open: hollow; B's closed: filled
    const here = drawn[0]!.bars.filter((b) => b.fill !== '#b35a00');
    expect(here.map((b) => b.provisional)).toEqual(['true', 'false']);
    expect(await axe(page)).toEqual([]);
    // Offered only what the band is asked: 21 indicators at 11-17; care leavers' nine, none about a social worker.
    expect(await page.locator('#cmp-indicator option').count()).toBe(21);
    await page.getByLabel('Programme').selectOption('ylbc');
    await expect.poll(() => page.locator('#cmp-indicator option').count()).toBe(9);
    expect(await page.locator('#cmp-indicator').textContent()).not.toMatch(/social worker/i);
    expect(await page.locator('#cmp-band').inputValue()).toBe('16-25');
  }, 60_000);
});
