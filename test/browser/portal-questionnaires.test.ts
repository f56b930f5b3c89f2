// The portal's questionnaires in real Chromium (issue 14, step 6): an
// officer uploads a file with problems and sees each with its JSON path,
// uploads a good one and reads it as respondents will (read-only, in each
// of its languages), adds it, and opens a round of it. axe finds nothing on
// any screen; screenshots are kept when SCREENSHOTS names a folder.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthority } from '../../server/repos/authorities.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { keepScreenshot, releaseBrowser, useBrowser } from '../helpers/browser.js';
import { PASSWORD, addUser } from '../helpers/portal.js';
import { axe } from '../helpers/survey-driver.js';

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

let t: TestApp;
let base: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  await addAuthority(t.db, { code: 'E06000043', name: 'Brighton and Hove', region: null });
  await addUser(t, 'officer@example.org', 'authority_officer', ['E06000043']);
  browser = await useBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

const upload = (name: string, value: unknown) =>
  page.getByLabel('Questionnaire file (JSON)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });

describe('questionnaires in the portal', () => {
  it('signs in and finds the page', async () => {
    await page.goto(`${base}/portal`);
    await page.getByLabel('Email address').fill('officer@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Questionnaires' }).click();
    await page.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
    await expect(page.getByText('None yet.').isVisible()).resolves.toBe(true);
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

  it('adds it for the officer’s authority and opens a round of it', async () => {
    await page.getByRole('button', { name: 'Add the questionnaire' }).click();
    await page.getByRole('status').getByText('Added: bh-staff version 1.').waitFor();
    await page.getByRole('link', { name: 'bh-staff' }).click();
    await page.getByRole('heading', { name: "Questionnaire: Social workers' survey", level: 1 }).waitFor();
    await check('questionnaire-stored');
    await page.getByLabel('Period (such as 2025 or 2025-26)').fill('2025');
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.waitForURL(/#\/waves\/\d+$/);
    const rounds = await t.db.selectFrom('waves').select(['programme', 'period']).execute();
    expect(rounds).toEqual([{ programme: 'bh-staff', period: '2025' }]);
    // The refused files were answered 400, which the browser logs; nothing else went wrong.
    expect(consoleErrors.filter((e) => !/status of 400 \(Bad Request\)/.test(e))).toEqual([]);
    expect(consoleErrors).toHaveLength(1);
  });
});
