// The portal in real Chromium: a programme admin signs in, adds an
// authority, opens a survey round, sees responses arrive, opens the
// report with drawn charts and downloads its CSV; then an authority
// officer and a viewer see only what their role and authority allow.
// Every page passes axe (WCAG 2.2 AA) and runs under the strict CSP with
// no console errors.
// Screenshots are kept for a person to look at when SCREENSHOTS names a folder.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { expectFocusOn, keepScreenshot, releaseBrowser, useBrowser } from '../helpers/browser.js';
import { PASSWORD, addUser } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';
import { addAuthority } from '../../server/repos/authorities.js';
import { createWave } from '../../server/repos/waves.js';
import { axe } from '../helpers/survey-driver.js';


let t: TestApp;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  // A small base, so that a handful of answers shows figures and charts.
  t = await testApp({ MIN_BASE: '2' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  await addUser(t, 'admin@example.org', 'programme_admin');
  browser = await useBrowser();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
}, 120_000);

afterAll(async () => {
  await releaseBrowser(browser);
  await t?.close();
});

async function check(name: string) {
  await keepScreenshot(page, name, { fullPage: true });
  expect(await axe(page), name).toEqual([]);
}

describe('the portal in Chromium', () => {
  let waveId = 0;
  let code = '';

  it('signs in (and refuses a wrong password with the generic message)', async () => {
    await page.goto(`${base}/portal`);
    await page.getByLabel('Email address').waitFor();
    await check('01-sign-in');
    await page.getByLabel('Email address').fill('admin@example.org');
    await page.getByLabel('Password').fill('not the password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/do not match an account/);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Survey rounds', level: 1 }).waitFor();
    await check('02-rounds-empty');
  }, 60_000);

  it('adds an authority and opens a survey round', async () => {
    await page.getByLabel('ONS code (such as E06000002)').fill('E06000002');
    await page.getByLabel('Name', { exact: true }).fill('Middlesbrough');
    await page.getByLabel(/How children reach children's services/).last().fill('01632 960001');
    await page.getByRole('button', { name: 'Add the authority' }).click();
    await page.getByText('Added Middlesbrough.').waitFor();
    // The new authority's details are ready to change (they open in place, at the top); an admin sets its region.
    await page.getByText('Authority details', { exact: true }).click();
    await expect.poll(() => page.locator('#d-contact').inputValue()).toBe('01632 960001');
    await expect(page.locator('#d-name').inputValue()).resolves.toBe('Middlesbrough');
    await page.locator('#d-region').fill('North East');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.getByText('Saved. Children of Middlesbrough now see: 01632 960001.').waitFor();
    const saved = await t.db.selectFrom('authorities').select(['name', 'region', 'contact']).where('code', '=', 'E06000002').executeTakeFirstOrThrow();
    expect(saved).toEqual({ name: 'Middlesbrough', region: 'North East', contact: '01632 960001' });
    await page.getByLabel('Authority', { exact: true }).selectOption('E06000002');
    await page.getByLabel('Period (such as 2025 or 2025-26)').fill('2025');
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.getByRole('heading', { name: /Middlesbrough: Children in care 2025/ }).waitFor();
    waveId = Number(/#\/waves\/(\d+)/.exec(page.url())![1]);
    code = (await page.locator('.code').first().textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // The QR code is drawn from an SVG the server made.
    await page.waitForFunction(() => (document.querySelector('img[alt^="QR code"]') as HTMLImageElement | null)?.naturalWidth! > 0);
    await page.getByLabel('Looked-after population, 11-17 years').fill('10');
    await page.getByRole('button', { name: 'Save population' }).click();
    await page.getByText('Saved.').waitFor();
    await check('03-round');
  }, 60_000);

  it('sees responses arrive', async () => {
    await submitResponses(t, code, 2);
    // One child wrote something worrying: it goes to the safeguarding queue.
    await submitResponses(t, code, 1, 'My carer hits me when he is angry');
    await page.waitForFunction(() => document.querySelector('[data-testid="responses-11-17"]')?.textContent === '3', undefined, { timeout: 15_000 });
    await expect(page.getByRole('cell', { name: /30%/ }).count()).resolves.toBeGreaterThan(0);
    // the rate chart (the report's SVG bars): 11-17's bar, and the 30% line across
    await expect(page.locator('#rate-chart rect.bar title').allTextContents()).resolves.toEqual(['Response rate: 30%']);
    await expect(page.locator('#rate-chart line.threshold').count()).resolves.toBe(1);
    await check('04-round-with-responses');
  }, 60_000);

  it('prints the instruction sheet with the QR code', async () => {
    await page.goto(`${base}/portal#/waves/${waveId}/sheet`);
    // The programme in the title, the survey's own time, and (PUBLIC_URL unset) a warning under the address.
    await page.getByRole('heading', { name: 'Hear Me survey, children in care: Middlesbrough, 2025' }).waitFor();
    await expect(page.getByText(`${base}/s/${code}`).count()).resolves.toBe(1);
    await expect(page.locator('.sheet .lead').textContent()).resolves.toContain('It takes about 10 minutes.');
    await expect(page.locator('.sheet .warning').textContent()).resolves.toMatch(/may not work from other devices.*PUBLIC_URL/);
    await check('05-sheet');
  }, 30_000);

  it('opens the report with drawn charts and downloads its CSV and the responses', async () => {
    await page.goto(`${base}/portal#/waves/${waveId}/report`);
    await page.getByRole('heading', { name: /Report: Middlesbrough/ }).waitFor();
    // the download's SVG charts, each drawing bars (their rules: portal-charts.test.ts)
    await page.waitForSelector('svg.chart-svg');
    const bars = await page.$$eval('svg.chart-svg', (svgs) => svgs.map((svg) => svg.querySelectorAll('rect.bar').length));
    expect(bars.length).toBeGreaterThan(2);
    for (const n of bars) expect(n).toBeGreaterThan(0);
    // The worrying answer is for the safeguarding queue, not the report.
    await expect(page.getByTestId('said-withheld').textContent()).resolves.toMatch(/^1 answer is not shown/);
    await expect(page.getByText('hits me').count()).resolves.toBe(0);
    await check('06-report');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Report as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('E06000002-ylyc-2025.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^authority,authority_name,programme,period,indicator/);
    expect(csv).toContain('Middlesbrough');

    const [responses] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Responses as CSV' }).click()]);
    const rows = readFileSync((await responses.path())!, 'utf8').trim().split(/\r?\n/);
    expect(rows).toHaveLength(4);
  }, 120_000);

  // Each page, once its data is on screen (the selector says when).
  for (const [route, ready, shot] of [
    ['/years', 'svg.chart-svg', '07-years'],
    ['/compare', 'svg.chart-svg', '08-compare'],
    ['/safeguarding', 'text=1 waiting, 0 seen', '09-safeguarding'],
    ['/users', 'text=Portal accounts', '10-users'],
    ['/audit', 'tbody >> text=sign in', '11-audit'],
  ] as const)
    it(`shows ${route}`, async () => {
      await page.goto(`${base}/portal#${route}`);
      await page.waitForSelector(ready);
      await check(shot);
    }, 60_000);

  it("changes a user's role, in a form that opens with their role and authorities", async () => {
    await addUser(t, 'change-me@example.org', 'viewer', ['E06000002']);
    await page.goto(`${base}/portal#/users`);
    await page.getByRole('button', { name: 'Change change-me@example.org' }).click();
    // The form it opens takes the focus.
    await expectFocusOn(page, 'change-user');
    await expect(page.locator('#change-user').textContent()).resolves.toBe('Change change-me@example.org');
    await expect(page.locator('#c-role').inputValue()).resolves.toBe('viewer');
    const chosen = (select: Element) => Array.from((select as HTMLSelectElement).selectedOptions, (o) => o.value);
    await expect(page.locator('#c-authorities').evaluate(chosen)).resolves.toEqual(['E06000002']);
    await page.locator('#c-role').selectOption('authority_officer');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('Saved the changes to change-me@example.org.').waitFor();
    // The table is read again after the save.
    await expect.poll(() => page.getByRole('row', { name: /change-me@example.org/ }).textContent()).toContain('authority officer');
    const stored = await t.db.selectFrom('users').select('role').where('email', '=', 'change-me@example.org').executeTakeFirstOrThrow();
    expect(stored.role).toBe('authority_officer');
    await check('12-user-changed');
  }, 30_000);

  it('signs out: the portal asks to sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email address').waitFor();
    await page.goto(`${base}/portal#/audit`);
    await page.getByLabel('Email address').waitFor();
  }, 30_000);

  it('logged no console errors (the CSP blocked nothing the portal needs)', () => {
    // A wrong password is a 401 the browser logs as a failed resource; nothing else may be.
    expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});

describe('an officer and a viewer in Chromium', () => {
  let waveId = 0;

  beforeAll(async () => {
    // The admin's round above is Middlesbrough's; another authority's round must stay out of sight.
    const other = await addAuthority(t.db, { code: 'E08000017', name: 'Doncaster', region: null });
    await createWave(t.db, { authority_id: other.id, programme: 'ylyc', period: '2025', opens_on: '2025-01-01', closes_on: null });
    await addUser(t, 'officer@example.org', 'authority_officer', ['E06000002']);
    await addUser(t, 'viewer@example.org', 'viewer', ['E06000002']);
    waveId = (await t.db.selectFrom('waves').innerJoin('authorities', 'authorities.id', 'waves.authority_id').select('waves.id').where('authorities.code', '=', 'E06000002').executeTakeFirstOrThrow()).id;
  });

  async function signInAs(email: string) {
    await context.clearCookies();
    await page.goto(`${base}/portal`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Survey rounds', level: 1 }).waitFor();
  }
  const navLinks = () => page.getByRole('navigation', { name: 'Portal' }).getByRole('link').allTextContents();

  it("an authority officer: their authority's rounds, safeguarding, no admin pages", async () => {
    await signInAs('officer@example.org');
    await page.getByRole('link', { name: 'Middlesbrough' }).first().waitFor();
    await expect(page.getByText('Doncaster').count()).resolves.toBe(0);
    await expect(navLinks()).resolves.toEqual(['Survey rounds', 'Year on year', 'Compare', 'Questionnaires', 'Safeguarding']);
    await check('13-officer-rounds');

    // The officer changes the contact their children see on the help screen (and only that).
    await expect(page.locator('#d-name').count()).resolves.toBe(0);
    await page.getByText('Authority details', { exact: true }).click();
    await page.locator('#d-contact').fill('01632 960777 (out of hours 01632 960778)');
    await page.getByRole('button', { name: 'Save the details' }).click();
    await page.getByText('Saved. Children of Middlesbrough now see: 01632 960777 (out of hours 01632 960778).').waitFor();
    const { access_code } = await t.db.selectFrom('waves').select('access_code').where('id', '=', waveId).executeTakeFirstOrThrow();
    expect((await t.app.inject(`/api/waves/${access_code}`)).json().authority.contact).toBe('01632 960777 (out of hours 01632 960778)');

    await page.goto(`${base}/portal#/waves/${waveId}/report`);
    await page.getByRole('heading', { name: /Report: Middlesbrough/ }).waitFor();
    await expect(page.getByTestId('said-withheld').textContent()).resolves.toMatch(/caught it\. Read it in the safeguarding queue$/);
    await expect(page.getByRole('link', { name: 'Responses as CSV' }).count()).resolves.toBe(1);
    await check('14-officer-report');

    // An admin page asked for by address is not shown: it says so under its own title.
    await page.goto(`${base}/portal#/users`);
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByText('Your account (authority officer) cannot open this page').waitFor();
    await expect(page.getByText('Portal accounts').count()).resolves.toBe(0);
  }, 120_000);

  it('a viewer: the report without free text or responses, no safeguarding', async () => {
    await signInAs('viewer@example.org');
    await expect(navLinks()).resolves.toEqual(['Survey rounds', 'Year on year', 'Compare', 'Questionnaires']);
    await page.goto(`${base}/portal#/waves/${waveId}/report`);
    await page.getByRole('heading', { name: /Report: Middlesbrough/ }).waitFor();
    await page.waitForSelector('svg.chart-svg');
    // told that children wrote something, but not what
    await expect(page.getByTestId('said-not-for-you').textContent()).resolves.toMatch(/Your role does not show what children wrote/);
    await expect(page.locator('ul.said li').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Responses as CSV' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Report as HTML' }).count()).resolves.toBe(1);
    await check('15-viewer-report');

    await page.goto(`${base}/portal#/safeguarding`);
    await page.getByRole('heading', { name: 'Safeguarding', level: 1 }).waitFor();
    await page.getByText('Your account (viewer) cannot open this page').waitFor();
    await expect(page.getByText('waiting').count()).resolves.toBe(0);
  }, 60_000);

  it('logged no console errors', () => {
    expect(consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
