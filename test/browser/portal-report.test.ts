// The portal's report page in Chromium (issue 13 item 1): the same report
// model as the HTML download, section for section; a filter by age band;
// free text grouped by question with repeats counted once (×N); viewers told
// that children wrote something they may not read; provisional rounds said;
// an action made at an earlier round shown before and after; no
// accessibility violation (axe, WCAG 2.2 AA).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAction } from '../../server/repos/actions.js';
import { setClosesOn } from '../../server/repos/portal-waves.js';
import { createWave } from '../../server/repos/waves.js';
import { storeQuestionnaire } from '../../server/repos/questionnaires.js';
import { seedWave } from '../helpers/app.js';
import { addUser } from '../helpers/portal.js';
import { portalInBrowser } from '../helpers/portal-browser.js';
import { submitResponses } from '../helpers/portal-seed.js';
import type { Report } from '../../reports/schema.js';
import { axe } from '../helpers/survey-driver.js';

const TEXT = 'Please let me see my brother more';
const LOCAL = {
  id: 'pr-local',
  version: 1,
  title: { en: 'Our own questions' },
  audience: 'young_people',
  locales: ['en'],
  extends: { instrument: 'ylyc-11-17', version: 1 },
  questions: [{ id: 'youth_club', type: 'agree5', text: { en: 'The youth club is a good place for me' } }],
  indicators: [{ id: 'likes_club', label: { en: 'Likes the youth club' }, question: 'youth_club', options: [4, 5], better: 'higher' }],
  scores: ['youth_club'],
};
let waveId: number;
/** A round of an adults' questionnaire (the social workers' survey) of the same authority. */
let staffWaveId: number;
const env = portalInBrowser({ MIN_BASE: '2' }, async (t) => {
  const now = await seedWave(t, { period: '2025' });
  waveId = now.waveId;
  const authority = await t.db.selectFrom('authorities').select(['id', 'code']).where('code', '=', now.authorityCode).executeTakeFirstOrThrow();
  const earlier = await createWave(t.db, { authority_id: authority.id, programme: 'ylyc', period: '2023', opens_on: null, closes_on: null });
  // The authority's own questions after the core 11-17 ones, in both rounds: the report shows them in a section apart, year on year.
  await storeQuestionnaire(t.db, LOCAL, authority.id);
  await submitResponses(t, earlier.access_code, 3, undefined, 'pr-local');
  await setClosesOn(t.db, earlier.id, '2023-12-31');
  // What the authority said it would do after 2023: the 2025 report shows it before and after.
  await addAction(t.db, { waveId: earlier.id, indicator: 'knows_social_worker', band: '11-17', pledge: 'Every child will know their social worker', owner: 'QA manager', due: '2024-03-31', createdBy: null });
  await submitResponses(t, now.code, 4, TEXT, 'pr-local');
  await storeQuestionnaire(t.db, JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8')), authority.id);
  const staff = await createWave(t.db, { authority_id: authority.id, programme: 'bh-staff', period: '2025', opens_on: null, closes_on: null });
  staffWaveId = staff.id;
  await submitResponses(t, staff.access_code, 3, 'More admin support', 'bh-staff');
  await addUser(t, 'officer@example.org', 'authority_officer', [authority.code]);
  await addUser(t, 'viewer@example.org', 'viewer', [authority.code]);
});

/** A page signed in as `email`, showing the report. */
async function reportPage(email: string): Promise<Page> {
  const page = await env.pageAs(email, `/waves/${waveId}/report`);
  await page.getByRole('heading', { name: 'How to read this report', level: 2 }).waitFor();
  return page;
}

const headings = (page: Page) => page.locator('main h2').allTextContents();

describe('the report page', () => {
  it('has the download’s sections in its order, free text grouped ×N, the round marked provisional, and passes axe', async () => {
    const page = await reportPage('officer@example.org');
    const html = await (await fetch(`${env.base}/api/portal/waves/${waveId}/report.html`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).text();
    const downloadHeadings = [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    expect(downloadHeadings.length).toBeGreaterThan(8);
    expect(await headings(page)).toEqual(downloadHeadings);
    // The action made at 2023, before and after, as the report model has it.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const model = (await (await fetch(`${env.base}/api/portal/waves/${waveId}/report.json`, { headers: { cookie } })).json()) as Report;
    const action = model.actions[0]!;
    expect(action.before?.percent).not.toBeNull();
    const row = page.getByRole('row', { name: /Every child will know their social worker/ });
    expect(await row.getByRole('rowheader').textContent()).toBe('Knows who their social worker is (11-17)');
    expect((await row.locator('td').allTextContents()).slice(0, 4)).toEqual([
      'Every child will know their social workerQA manager, by 2024-03-31 · Planned',
      '2023',
      `${action.before!.percent}%of ${action.before!.n}`,
      `${action.after!.percent}%of ${action.after!.n}`,
    ]);

    // Its own questions, apart (the headings above say so as the download does): youth_club 1, 2, 3, 4.
    const own = page.locator('section[aria-labelledby="own-questions-h"]');
    const likes = model.localQuestions![0]!.indicators[0]!;
    const figures = own.locator('table', { has: page.locator('caption', { hasText: 'Our own questions: indicators' }) });
    expect((await figures.getByRole('row', { name: /Likes the youth club/ }).locator('td').allTextContents()).slice(0, 2)).toEqual(['4', `25% (${likes.ci!.low}–${likes.ci!.high})`]);
    expect(likes.previous).toMatchObject({ period: '2023', suppressed: false });
    // and year on year, as the core's trends: 2023 and 2025, with the chart
    const trend = model.localQuestions![0]!.trend[0]!;
    expect(trend.points.map((p) => p.period)).toEqual(['2023', '2025']);
    const trendTable = own.locator('table', { has: page.locator('caption', { hasText: 'Our own questions, ages 11-17: indicators across survey rounds' }) });
    expect(await trendTable.getByRole('row', { name: /Likes the youth club/ }).locator('td').allTextContents()).toEqual(['11-17', ...trend.points.map((p) => `${p.percent}%`)]);
    expect(await own.locator('#trend-own-questions-11-17 svg').count()).toBe(1);
    expect((await own.getByRole('row', { name: /The youth club is a good place for me/ }).locator('td').allTextContents()).slice(0, 2)).toEqual(['4', expect.stringMatching(/^2\.50 \(/)]);
    expect(await own.getByRole('columnheader', { name: 'Other authorities' }).count()).toBe(0);
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

  it('an adults’ questionnaire’s report speaks of the people who answered, never of children', async () => {
    const page = await env.pageAs('officer@example.org', `/waves/${staffWaveId}/report`);
    await page.getByRole('heading', { name: 'How to read this report', level: 2 }).waitFor();
    const text = (await page.locator('main').textContent())!;
    expect(text).toContain('What people said');
    expect(await page.locator('main th', { hasText: /^(Ages|Age band)$/ }).count()).toBe(0);
    expect(text).toContain('More admin support');
    // The one "children" left is in a question's own words.
    expect(text.replaceAll('the children I work with', 'QUESTION')).not.toMatch(/child/i);
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
