// The portal's report page in Chromium (issue 13 item 1): the same report
// model as the HTML download, section for section; a filter by age band;
// free text grouped by question with repeats counted once (×N); viewers told
// that children wrote something they may not read; provisional rounds said;
// no accessibility violation (axe, WCAG 2.2 AA).
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClosesOn } from '../../server/repos/portal-waves.js';
import { createWave } from '../../server/repos/waves.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { launchBrowser } from '../helpers/browser.js';
import { addUser, signIn } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';
import { axe } from '../helpers/survey-driver.js';

const TEXT = 'Please let me see my brother more';
let t: TestApp;
let base: string;
let browser: Browser;
let waveId: number;

beforeAll(async () => {
  t = await testApp({ MIN_BASE: '2' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const now = await seedWave(t, { period: '2025' });
  waveId = now.waveId;
  const authority = await t.db.selectFrom('authorities').select(['id', 'code']).where('code', '=', now.authorityCode).executeTakeFirstOrThrow();
  const earlier = await createWave(t.db, { authority_id: authority.id, programme: 'ylyc', period: '2023', opens_on: null, closes_on: null });
  await submitResponses(t, earlier.access_code, 3);
  await setClosesOn(t.db, earlier.id, '2023-12-31');
  await submitResponses(t, now.code, 4, TEXT);
  await addUser(t, 'officer@example.org', 'authority_officer', [authority.code]);
  await addUser(t, 'viewer@example.org', 'viewer', [authority.code]);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A page signed in as `email` (the session cookie from a real sign-in), showing the report. */
async function reportPage(email: string): Promise<Page> {
  const session = await signIn(t, email);
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const [name, value] = session.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/portal#/waves/${waveId}/report`);
  await page.getByRole('heading', { name: 'How to read this report', level: 2 }).waitFor();
  return page;
}

const headings = (page: Page) => page.locator('main h2').allTextContents();

describe('the report page', () => {
  it('has the download’s sections in its order, free text grouped ×N, the round marked provisional, and passes axe', async () => {
    const page = await reportPage('officer@example.org');
    const html = await (await fetch(`${base}/api/portal/waves/${waveId}/report.html`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).text();
    const downloadHeadings = [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    expect(downloadHeadings.length).toBeGreaterThan(8);
    expect(await headings(page)).toEqual(downloadHeadings);

    await expect(page.getByRole('note').textContent()).resolves.toContain('Provisional: the round is still open.');
    // four children wrote the same words to each free-text question: once per question, ×4
    const said = page.locator('ul.said li', { hasText: TEXT });
    expect(await said.count()).toBeGreaterThan(0);
    for (const text of await said.allTextContents()) expect(text).toContain('×4');
    expect(await page.locator('section[aria-labelledby="said-h"] h3').first().textContent()).toMatch(/^Ages 11-17: /);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('filters every section by age band', async () => {
    const page = await reportPage('officer@example.org');
    const bandCells = () => page.locator('section[aria-labelledby^="domain-"] tbody td:nth-child(2)').allTextContents();
    // all ages: the bands nobody answered are left out, as in the download
    expect(new Set(await bandCells())).toEqual(new Set(['11-17']));
    await page.getByLabel('Ages', { exact: true }).selectOption('8-11');
    await page.waitForFunction(() => !document.body.textContent!.includes('Ages 11-17:'));
    expect(new Set(await bandCells())).toEqual(new Set(['8-11']));
    expect(await page.locator('ul.said li').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('tells a viewer that children wrote something, without showing it', async () => {
    const page = await reportPage('viewer@example.org');
    await expect(page.getByTestId('said-not-for-you').textContent()).resolves.toMatch(/Children wrote \d+ answers in their own words this round/);
    expect(await page.content()).not.toContain(TEXT);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('prints cleanly: no top bar, buttons, filters or download links, and headings kept with what follows', async () => {
    const page = await reportPage('officer@example.org');
    await page.emulateMedia({ media: 'print' });
    const shown = (await page.evaluate(`[...document.querySelectorAll('header, nav, .top, .skip, button, select, input, a[download]')]
      .filter((el) => el.getClientRects().length > 0).map((el) => el.outerHTML.slice(0, 80))`)) as string[];
    expect(shown).toEqual([]);
    const headingBreaks = (await page.evaluate(`[...document.querySelectorAll('main h2, main h3')].map((h) => getComputedStyle(h).breakAfter)`)) as string[];
    expect(headingBreaks.length).toBeGreaterThan(8);
    expect(new Set(headingBreaks)).toEqual(new Set(['avoid']));
    // and it makes A4 pages
    const pdf = await page.pdf({ format: 'A4' });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length).toBeGreaterThan(1);
    await page.context().close();
  }, 60_000);
});
