// Issue 15, item 7: the portal's rough edges, in real Chromium. Opening
// the sign-in page makes no failed request and logs no console error; the
// rounds list is filtered by authority, programme, period and status and
// paged by the server (the browser receives one page), with its actions
// above it; a viewer opening #/safeguarding,
// #/users or #/audit is told the page is not for their role under that
// title (not shown the rounds); the audit log is filtered by action and
// authority, paged, with each detail in words. Every state passes axe.
// Screenshots are kept for a person to look at when SCREENSHOTS names a folder.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setClosesOn } from '../../server/repos/portal-waves.js';
import { audit } from '../../server/repos/audit.js';
import { seedWave } from '../helpers/app.js';
import { addUser } from '../helpers/portal.js';
import { keepScreenshot } from '../helpers/browser.js';
import { portalInBrowser } from '../helpers/portal-browser.js';
import { axe } from '../helpers/survey-driver.js';

const shot = (page: Page, name: string) => keepScreenshot(page, name, { fullPage: true });

/** 30 rounds: one per authority; every third closed, every fifth care leavers' (ylbc); periods 2023 and 2024 in turn. */
const ROUNDS = Array.from({ length: 30 }, (_, i) => ({ closed: i % 3 === 0, programme: i % 5 === 0 ? 'ylbc' : 'ylyc', period: i % 2 ? '2024' : '2023' }));
let waves: { waveId: number; authorityCode: string }[] = [];

const env = portalInBrowser({}, async (t) => {
  waves = [];
  for (const r of ROUNDS) {
    const w = await seedWave(t, { programme: r.programme, period: r.period });
    if (r.closed) await setClosesOn(t.db, w.waveId, '2020-01-01');
    waves.push(w);
    await audit(t.db, { userId: null, email: 'admin@example.org', action: 'wave_create', authority: w.authorityCode, detail: { id: w.waveId, programme: r.programme, period: r.period } });
  }
  // More entries than a page of the audit log (50).
  for (let i = 0; i < 25; i++) await audit(t.db, { userId: null, email: 'officer@example.org', action: 'report_view', authority: waves[0]!.authorityCode, detail: { wave: waves[0]!.waveId, compare: null } });
  await audit(t.db, { userId: null, email: 'admin@example.org', action: 'user_update', detail: { id: 7, email: 'someone@example.org', disabled: true, authorities: ['E06000001', 'E06000002'] } });
  await addUser(t, 'admin@example.org', 'programme_admin');
  await addUser(t, 'viewer@example.org', 'viewer', [waves[1]!.authorityCode]);
});

const caption = (page: Page) => page.locator('main table caption').textContent();
const rowNames = (page: Page) => page.locator('main tbody th[scope=row]').allTextContents();

describe('the sign-in page', () => {
  it('opens with no failed request and no console error', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.base}/portal`);
    await page.getByLabel('Email address').waitFor();
    expect(await page.title()).toBe('Sign in – Hear Me portal');
    expect(await axe(page)).toEqual([]);
    await shot(page, '30-sign-in');
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the rounds list', () => {
  it('has its actions at the top, pages 25 rounds at a time, and filters by authority, programme, period and status', async () => {
    const page = await env.pageAs('admin@example.org', '/');
    await page.getByRole('heading', { name: 'Survey rounds', level: 1 }).waitFor();
    await expect.poll(() => caption(page)).toBe('Rounds 1 to 25 of 30, newest first');
    expect(await rowNames(page)).toHaveLength(25);
    // The actions come before the list, closed until wanted.
    const actions = await page.locator('main details.action summary').allTextContents();
    expect(actions).toEqual(['Open a survey round', 'Authority details', 'Add a local authority']);
    expect(await page.locator('main details.action').first().evaluate((d) => !!(d.compareDocumentPosition(document.querySelector('main table')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(await page.locator('main details[open]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await shot(page, '31-rounds-page-1');

    // From here on, what the browser receives of the list: one page at a time, filtered by the server.
    const received: { query: string; waves: number; total: number }[] = [];
    page.on('response', async (r) => {
      const url = new URL(r.url());
      if (url.pathname !== '/api/portal/waves') return;
      const body = (await r.json()) as { waves: unknown[]; total: number };
      received.push({ query: url.search, waves: body.waves.length, total: body.total });
    });
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => caption(page)).toBe('Rounds 26 to 30 of 30, newest first');
    await expect.poll(() => received).toEqual([{ query: '?page=2&perPage=25', waves: 5, total: 30 }]);
    expect(await rowNames(page)).toHaveLength(5);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    expect(page.url()).toMatch(/#\/\?page=2$/);

    // Closed care leavers' rounds of 2023: i % 3 === 0, i % 5 === 0, i even -> i = 0 only... and of 2024 (i odd): i = 15.
    await page.locator('#f-programme').selectOption('ylbc');
    await page.locator('#f-state').selectOption('closed');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => caption(page)).toBe('Rounds 1 to 2 of 2 matching, newest first');
    await expect.poll(() => received.at(-1)).toEqual({ query: '?programme=ylbc&state=closed&page=1&perPage=25', waves: 2, total: 2 });
    expect((await rowNames(page)).sort()).toEqual([`Authority ${waves[0]!.authorityCode}`, `Authority ${waves[15]!.authorityCode}`].sort());
    await page.locator('#f-period').selectOption('2024');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => rowNames(page)).toEqual([`Authority ${waves[15]!.authorityCode}`]);
    await shot(page, '32-rounds-filtered');
    expect(await axe(page)).toEqual([]);

    // One authority's rounds; then everything again.
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => caption(page)).toBe('Rounds 1 to 25 of 30, newest first');
    // Never more than a page of rounds reached the browser.
    await expect.poll(() => Math.max(...received.map((r) => r.waves))).toBe(25);
    await page.locator('#f-authority').selectOption(waves[7]!.authorityCode);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => rowNames(page)).toEqual([`Authority ${waves[7]!.authorityCode}`]);

    // An action opens in place.
    await page.getByText('Open a survey round', { exact: true }).click();
    await page.getByLabel('Period (such as 2025 or 2025-26)').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(env.problems).toEqual([]);
    await page.context().close();
  });
});

describe('a page not for the role', () => {
  it.each([
    ['/safeguarding', 'Safeguarding', 'authority officers and programme admins'],
    ['/users', 'Users', 'programme admins'],
    ['/audit', 'Audit log', 'programme admins'],
  ])('%s tells a viewer it is not for them, under its own title', async (route, title, who) => {
    const page = await env.pageAs('viewer@example.org', route);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await page.title()).toBe(`${title} – Hear Me portal`);
    expect(await page.locator('main').textContent()).toContain(`Your account (viewer) cannot open this page: it is for ${who}.`);
    expect(await page.locator('main table').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    if (route === '/safeguarding') await shot(page, '33-viewer-safeguarding');
    expect(env.problems).toEqual([]);
    await page.context().close();
  });
});

describe('the audit log', () => {
  it('filters by action and authority, pages back, and gives each detail in words', async () => {
    const page = await env.pageAs('admin@example.org', '/audit');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await expect.poll(() => caption(page)).toBe('50 entries, newest first');
    // The newest entry's detail, in words rather than JSON.
    const detail = page.locator('main tbody tr').first().locator('td').last();
    expect(await detail.textContent()).toBe('id: 7; email: someone@example.org; disabled: yes; authorities: E06000001, E06000002');
    expect(await page.locator('main tbody').textContent()).not.toContain('{');
    expect(await axe(page)).toEqual([]);
    await shot(page, '34-audit');

    // The older page arrives late (a slow connection): until it does, the
    // table does not claim to show it, and filters picked meanwhile stay
    // picked when it comes (it once put them back to "any").
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    await page.route(/\/api\/portal\/audit\?.*before=/, async (route) => (await arrived, route.continue()));
    await page.getByRole('button', { name: 'Older entries' }).click();
    await page.getByRole('button', { name: 'Newest entries' }).waitFor();
    await page.getByText('Loading…').waitFor();
    expect(await page.locator('main table').count()).toBe(0);
    await page.locator('#f-action').selectOption('wave_create');
    await page.locator('#f-authority').selectOption(waves[4]!.authorityCode);
    arrive();
    // 30 rounds opened, 25 reports viewed and a user changed: 56 entries, the 6 oldest after the first 50.
    await expect.poll(() => caption(page)).toBe('6 entries (older), newest first');
    expect(await page.locator('#f-action').inputValue()).toBe('wave_create');
    expect(await page.locator('#f-authority').inputValue()).toBe(waves[4]!.authorityCode);
    await page.unroute(/\/api\/portal\/audit\?.*before=/);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => caption(page)).toBe('1 entry, newest first');
    const cells = await page.locator('main tbody tr').first().locator('td, th').allTextContents();
    expect(cells.slice(1)).toEqual(['admin@example.org', 'wave create', waves[4]!.authorityCode, `id: ${waves[4]!.waveId}; programme: ylyc; period: 2023`]);
    expect(page.url()).toContain(`#/audit?action=wave_create&authority=${waves[4]!.authorityCode}`);
    await shot(page, '35-audit-filtered');
    expect(await axe(page)).toEqual([]);
    expect(env.problems).toEqual([]);
    await page.context().close();
  });
});
