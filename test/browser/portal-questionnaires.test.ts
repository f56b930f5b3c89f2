// The portal's questionnaires in real Chromium (issue 14, step 6): an
// officer uploads a file with problems and sees each with its JSON path,
// uploads a good one and reads it as respondents will (read-only, in each
// of its languages), adds it, and opens a round of it. The preview on the
// survey app's own screens (/s/preview/…, a new tab), of the file before it
// is added and of the stored version: the survey's components, marked as a
// preview on every screen, and nothing kept or sent (no response row, the
// device's saved survey and outbox untouched, no service worker). axe finds
// nothing on any screen; screenshots are kept when SCREENSHOTS names a folder.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthority } from '../../server/repos/authorities.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { axeViolations, keepScreenshot, releaseBrowser, useBrowser } from '../helpers/browser.js';
import { PASSWORD, addUser } from '../helpers/portal.js';
import { axe, deviceContents, putOnDevice } from '../helpers/survey-driver.js';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));
/** The example in English and Welsh, with a question asked only of social workers. */
const BILINGUAL = {
  ...EXAMPLE,
  locales: ['en', 'cy'],
  title: { en: "Social workers' survey", cy: 'Arolwg gweithwyr cymdeithasol' },
  questions: EXAMPLE.questions.map((q: { id: string; text: { en: string }; options?: { id: string; text: { en: string } }[] }) => ({
    ...q,
    text: { ...q.text, cy: `${q.text.en} (cy)` },
    ...(q.options && { options: q.options.map((o) => ({ ...o, text: { ...o.text, cy: `${o.text.en} (cy)` } })) }),
    ...(q.id === 'time_for_children' && { condition: { question: 'role', notIn: ['pm'] } }),
  })),
  indicators: EXAMPLE.indicators.map((i: { label: { en: string } }) => ({ ...i, label: { ...i.label, cy: `${i.label.en} (cy)` } })),
};

/** A children's questionnaire: its own ages, faces (test/browser/survey-questionnaire.test.ts has it whole). */
const CHILDREN = {
  id: 'kids-club',
  version: 1,
  title: { en: 'Our club' },
  audience: 'children',
  minAge: 8,
  maxAge: 11,
  locales: ['en'],
  questions: [
    { id: 'age', type: 'age', text: { en: 'How old are you?' } },
    { id: 'club_fun', type: 'faces3', text: { en: 'Is the club fun?' } },
  ],
  indicators: [],
  scores: [],
};

let t: TestApp;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  await addAuthority(t.db, { code: 'E06000043', name: 'Brighton and Hove', region: null });
  await addUser(t, 'officer@example.org', 'authority_officer', ['E06000043']);
  browser = await useBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Every tab, the survey's previews too.
  context.on('page', (p) => {
    p.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    p.on('pageerror', (e) => consoleErrors.push(e.message));
  });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await releaseBrowser(browser);
  await t?.close();
});

async function check(name: string) {
  await keepScreenshot(page, name, { fullPage: true });
  expect(await axe(page), name).toEqual([]);
}

/** Opens the survey's preview in a new tab from the portal page, with what the tab asks the server for. */
async function openPreview(name: string | RegExp, viewport = { width: 768, height: 1024 }) {
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole(typeof name === 'string' ? 'button' : 'link', { name }).click()]);
  const asked: string[] = [];
  tab.on('request', (r) => asked.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await tab.setViewportSize(viewport);
  await tab.locator('#step-start').waitFor();
  return { tab, asked };
}

/** The survey's screen now showing (its heading's id), once it is marked as a preview. */
async function previewScreen(tab: Page, id: string) {
  await tab.locator(`main h1#${id}`).waitFor();
  await expect(tab.locator('header .preview-mark').textContent()).resolves.toBe('Preview: what respondents will see. Nothing answered here is kept or sent.');
}

const upload = (name: string, value: unknown) =>
  page.getByLabel('Questionnaire file (JSON)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });

describe('questionnaires in the portal', () => {
  it('signs in (asking for no list of questionnaires: rounds come with their titles) and finds the page', async () => {
    const asked: string[] = [];
    const note = (r: { method: () => string; url: () => string }) => asked.push(`${r.method()} ${new URL(r.url()).pathname}`);
    page.on('request', note);
    await page.goto(`${base}/portal`);
    await page.getByLabel('Email address').fill('officer@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The rounds page, once its list has come (this authority has none yet).
    await page.getByText('No survey rounds yet.').waitFor();
    page.off('request', note);
    expect(asked.filter((a) => a.startsWith('GET /api/portal/questionnaires'))).toEqual([]);
    expect(asked).toContain('GET /api/portal/waves');
    await page.getByRole('link', { name: 'Questionnaires' }).click();
    await page.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
    // The list arrives after the page's heading: wait for it.
    await page.getByText('None yet.').waitFor();
  }, 60_000);

  it('shows every problem of a file with its JSON path, and one that is not JSON', async () => {
    await upload('broken.json', '{"id": "bh-staff",');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/broken\.json is not JSON/);
    const bad = { ...BILINGUAL, title: { en: "Social workers' survey" } };
    bad.questions = [...bad.questions];
    bad.questions[0] = { ...bad.questions[0], options: [bad.questions[0].options[0], { id: 'pm', text: { en: 'Practice manager' } }] };
    await upload('bad.json', bad);
    const alert = page.getByRole('alert');
    await alert.getByText('2 problems').waitFor();
    await expect(alert.textContent()).resolves.toContain('$.title.cy: missing translation for cy');
    await expect(alert.textContent()).resolves.toContain('$.questions[0].options[1].text.cy: missing translation for cy');
    await check('questionnaire-problems');
  });

  it('previews a good file as respondents read it, in each language, read-only', async () => {
    await upload('staff.json', BILINGUAL);
    await page.getByRole('heading', { name: /Preview: Social workers' survey/ }).waitFor();
    const first = page.getByRole('group', { name: 'Your role' });
    await expect(first.getByRole('radio', { name: 'Practice manager' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('group', { name: /I have time to build relationships/ }).getByRole('radio').count()).resolves.toBe(5);
    await expect(page.getByText('Asked unless the answer to “Your role” is “Practice manager”.').isVisible()).resolves.toBe(true);
    await check('questionnaire-preview');
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { name: /Preview: Arolwg gweithwyr cymdeithasol/ }).waitFor();
    await expect(page.locator('ol.preview-questions').getAttribute('lang')).resolves.toBe('cy');
    await expect(page.getByRole('group', { name: 'Your role (cy)' }).isVisible()).resolves.toBe(true);
  });

  it('previews the file, before it is added, on the survey’s own screens in the language chosen', async () => {
    const { tab, asked } = await openPreview('Preview it as respondents see it');
    await previewScreen(tab, 'step-start');
    await expect(tab.evaluate(() => document.documentElement.lang)).resolves.toBe('cy');
    await tab.locator('main .primary').click();
    await previewScreen(tab, 'q-role');
    await expect(tab.locator('main h1').textContent()).resolves.toBe('Your role (cy)');
    await expect(tab.locator('.choices button.choice').allTextContents()).resolves.toEqual(['Social worker (cy)', 'Practice manager (cy)']);
    // the file came from the portal page, not from the server: nothing stored yet
    expect(asked.filter((a) => a.includes('/api/'))).toEqual([]);
    expect(await t.db.selectFrom('questionnaires').select('id').execute()).toEqual([]);
    // a reload asks the portal page for the file again, and starts the preview again
    await tab.reload();
    await previewScreen(tab, 'step-start');
    await tab.close();
  });

  it('adds it for the officer’s authority and opens a round of it', async () => {
    await page.getByRole('button', { name: 'Add the questionnaire' }).click();
    await page.getByRole('status').getByText('Added: bh-staff version 1.').waitFor();
    await page.getByRole('link', { name: "Social workers' survey" }).click();
    await page.getByRole('heading', { name: "Questionnaire: Social workers' survey", level: 1 }).waitFor();
    await check('questionnaire-stored');
    await page.getByLabel('Period (such as 2025 or 2025-26)').fill('2025');
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.waitForURL(/#\/waves\/\d+$/);
    const rounds = await t.db.selectFrom('waves').select(['programme', 'period']).execute();
    expect(rounds).toEqual([{ programme: 'bh-staff', period: '2025' }]);
    // The round and the rounds list name it by its title, not its id.
    await page.getByRole('heading', { level: 1, name: "Brighton and Hove: Social workers' survey 2025" }).waitFor();
    await page.goto(`${base}/portal#/`);
    await page.getByRole('row', { name: /Brighton and Hove/ }).getByRole('cell', { name: "Social workers' survey" }).waitFor();
  });

  it('speaks of the adults’ round as one for adults: no age band, no ages filter, no results for children', async () => {
    const { id } = await t.db.selectFrom('waves').select('id').where('programme', '=', 'bh-staff').executeTakeFirstOrThrow();
    await page.goto(`${base}/portal#/waves/${id}`);
    await page.getByRole('heading', { level: 1, name: "Brighton and Hove: Social workers' survey 2025" }).waitFor();
    await expect(page.getByRole('table', { name: 'Responses and response rate' }).getByRole('rowheader').allTextContents()).resolves.toEqual(['Adults']);
    await expect(page.getByLabel('People invited').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Results for children' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Open the report' }).click();
    await page.getByRole('heading', { name: 'How to read this report', level: 2 }).waitFor();
    await expect(page.getByRole('link', { name: 'Action plan' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Ages').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Results for children' }).count()).resolves.toBe(0);
    await check('questionnaire-adults-report');
    // The printed sheet invites the adults themselves: nothing about a child answering or a child's age.
    await page.goBack();
    await page.getByRole('link', { name: 'Print the invitation with the code' }).click();
    await page.getByRole('heading', { level: 1, name: "Hear Me survey, Social workers' survey: Brighton and Hove, 2025" }).waitFor();
    await expect(page.locator('.sheet').textContent()).resolves.not.toMatch(/child/i);
    await check('questionnaire-adults-sheet');
  });

  it('previews the stored version on the survey’s own screens: one question a screen, marked, nothing kept or sent', async () => {
    await page.goto(`${base}/portal#/questionnaires/bh-staff?version=1`);
    await page.getByRole('heading', { name: "Questionnaire: Social workers' survey", level: 1 }).waitFor();
    // A survey finished on this device earlier and waiting to be sent: the preview must leave it alone.
    const waiting = { body: { id: 'waiting-on-this-tablet', code: 'ABCD2345', instrument: 'bh-staff', version: 1, answers: { role: 'sw' } } };
    await putOnDevice(page, `outbox:${waiting.body.id}`, waiting);
    const { tab, asked } = await openPreview(/Preview it as respondents see it/);
    await previewScreen(tab, 'step-start');
    await expect(tab.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    // a real start screen would say a survey is waiting on this tablet: the preview never read the device's store
    await expect(tab.locator('main .note').count()).resolves.toBe(0);
    await tab.locator('main .primary').click();
    await previewScreen(tab, 'q-role');
    await tab.locator('.choices button.choice').first().click();
    // the agree5 question, drawn by the survey's own components: five numbered answers, each with its words and its Listen button
    await previewScreen(tab, 'q-time_for_children');
    await expect(tab.locator('main h1').textContent()).resolves.toBe('I have time to build relationships with the children I work with');
    await expect(tab.locator('.choices button.choice').allTextContents()).resolves.toEqual([
      '1 Strongly disagree',
      '2 Disagree',
      '3 Neither agree nor disagree',
      '4 Agree',
      '5 Strongly agree',
    ]);
    await expect(tab.locator('.choices .option .listen-one').count()).resolves.toBe(5);
    await keepScreenshot(tab, 'questionnaire-survey-preview-tablet', { fullPage: true });
    expect(await axeViolations(tab)).toEqual([]);
    await tab.setViewportSize({ width: 360, height: 740 });
    await keepScreenshot(tab, 'questionnaire-survey-preview-phone', { fullPage: true });
    expect(await axeViolations(tab)).toEqual([]);
    await tab.locator('.choices button.choice').nth(3).click();
    await previewScreen(tab, 'q-reflective_supervision');
    await tab.locator('.choices button.choice').nth(4).click();
    await previewScreen(tab, 'q-anything_else');
    await tab.locator('section.question textarea').fill('More time with the children');
    await tab.locator('section.question button[type=submit]').click();
    await previewScreen(tab, 'step-review');
    await tab.locator('main .primary').click();
    await previewScreen(tab, 'step-preview-end');
    await expect(tab.locator('main h1').textContent()).resolves.toBe('This was a preview; nothing was sent');
    await keepScreenshot(tab, 'questionnaire-survey-preview-end', { fullPage: true });
    expect(await axeViolations(tab)).toEqual([]);
    // no response made, nothing sent or fetched for a real round, nothing kept or changed on the device
    expect(await t.db.selectFrom('responses').select('id').execute()).toEqual([]);
    expect(asked.filter((a) => a.includes('/api/'))).toEqual(['GET /api/portal/questionnaires/bh-staff/respondent-view']);
    expect(await deviceContents(tab)).toEqual({ idb: [[`outbox:${waiting.body.id}`, waiting]], local: [], workers: 0 });
    await tab.close();
  });

  it('previews a children’s questionnaire with the child survey’s own screens: the age buttons, then faces', async () => {
    await page.getByRole('link', { name: 'All questionnaires' }).click();
    await upload('club.json', CHILDREN);
    await page.getByRole('heading', { name: /Preview: Our club/ }).waitFor();
    const { tab } = await openPreview('Preview it as respondents see it', { width: 360, height: 740 });
    await previewScreen(tab, 'step-start');
    await expect(tab.locator('.ages button').allTextContents()).resolves.toEqual(['8', '9', '10', '11']);
    await tab.locator('.ages button').filter({ hasText: /^9$/ }).click();
    await previewScreen(tab, 'q-club_fun');
    await expect(tab.locator('.choices.faces button.choice').count()).resolves.toBe(3);
    await expect(tab.locator('main .listen').count()).resolves.toBe(1);
    await keepScreenshot(tab, 'questionnaire-survey-preview-children-phone', { fullPage: true });
    expect(await axeViolations(tab)).toEqual([]);
    await tab.close();
    // The refused files were answered 400, which the browser logs; nothing else went wrong.
    expect(consoleErrors.filter((e) => !/status of 400 \(Bad Request\)/.test(e))).toEqual([]);
    expect(consoleErrors).toHaveLength(1);
  });

  it('shows the adults’ round year on year and in its report as the adults’ : their one band "Adults", no ages, nothing of children', async () => {
    const { id, access_code: code } = await t.db.selectFrom('waves').select(['id', 'access_code']).where('programme', '=', 'bh-staff').executeTakeFirstOrThrow();
    // Ten answers (the smallest base shown), 4 of them "agree": has_time 40%.
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        t.app.inject({ method: 'POST', url: '/api/responses', payload: { id: crypto.randomUUID(), code, instrument: 'bh-staff', version: 1, answers: { role: 'sw', time_for_children: k < 4 ? 4 : 2, reflective_supervision: 3 } } }).then((r) => r.statusCode),
      ),
    );
    expect(statuses.every((s) => s < 300)).toBe(true);
    await expect.poll(async () => (await t.db.selectFrom('responses').select('id').execute()).length).toBe(10);
    await page.goto(`${base}/portal#/years`);
    await page.getByRole('heading', { name: 'Year on year', level: 1 }).waitFor();
    await page.getByLabel('Programme').selectOption('bh-staff');
    const row = page.getByRole('row', { name: /Has time to build relationships/ });
    await row.waitFor();
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(['Adults', expect.stringMatching(/^40%/)]);
    await expect(page.getByRole('columnheader', { name: 'Respondents' }).count()).resolves.toBe(1);
    await expect(page.locator('svg.chart-svg').getAttribute('aria-label')).resolves.toBe(
      'Line chart of Has time to build relationships for all respondents across survey rounds, with 95% intervals. The same figures are in the table below.',
    );
    // (The programme picker names the built-in programmes, "Children in care" among them: the figures are what is read here.)
    for (const figures of [page.locator('main table'), page.locator('main svg.chart-svg')]) await expect(figures.textContent()).resolves.not.toMatch(/child|\bages\b|looked-after/i);
    await expect(page.locator('main svg.chart-svg').textContent()).resolves.toContain('All respondents');
    await check('questionnaire-adults-years');
    // The report's tables say "Adults" under "Respondents", never the band's id.
    await page.goto(`${base}/portal#/waves/${id}`);
    await page.getByRole('link', { name: 'Open the report' }).click();
    await page.getByRole('heading', { name: 'How to read this report', level: 2 }).waitFor();
    await expect(page.getByRole('cell', { name: 'Adults', exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('cell', { name: 'adults', exact: true }).count()).resolves.toBe(0);
  });
});
