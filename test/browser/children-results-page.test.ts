// The portal's "Results for children" page in real Chromium: an officer
// opens the page (linked from the round and its report), finds the suggestion ticked (findings
// as children will read them, in words), changes it in Welsh, saves (still
// not public), publishes (then children get exactly that); a viewer reads
// the saved version with nothing to change. Every state passes axe, and so
// does the A4 poster `hearme results` writes from what was published.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/build.js';
import { RESULTS_TEXT, resultSentence } from '../../surveys/results-text.js';
import { figureWords } from '../../surveys/results-wording.js';
import type { IndicatorId } from '../../surveys/indicators.js';
import { seedWave } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { addUser, sessionOf } from '../helpers/portal.js';
import { portalInBrowser } from '../helpers/portal-browser.js';
import { submitResponses } from '../helpers/portal-seed.js';
import { axe } from '../helpers/survey-driver.js';

let wave: Awaited<ReturnType<typeof seedWave>>;
const env = portalInBrowser({ MIN_BASE: '2' }, async (t) => {
  wave = await seedWave(t, { period: '2024' });
  await submitResponses(t, wave.code, 3);
  await addUser(t, 'officer@example.org', 'authority_officer', [wave.authorityCode]);
  await addUser(t, 'viewer@example.org', 'viewer', [wave.authorityCode]);
});

const publicResults = () => env.t.app.inject({ method: 'GET', url: `/api/results/${wave.code}` });

describe('the Results for children page', () => {
  it('an officer edits the suggestion in Welsh, saves it (not public), then publishes it (public as saved)', async () => {
    const report = await buildReport(env.t.db, { authority: wave.authorityCode, programme: 'ylyc', period: '2024', minBase: 2, freeText: null });
    const page = await env.pageAs('officer@example.org');
    await page.goto(`${env.base}/portal#/waves/${wave.waveId}/children-results`);
    await page.getByRole('heading', { level: 1, name: /^Results for children:/ }).waitFor();
    expect(await page.title()).toBe('Results for children – Hear Me portal');
    // The band children answered in is shown first; nothing saved yet.
    expect(await page.getByLabel('Ages').inputValue()).toBe('11-17');
    await page.getByText('Not saved yet').waitFor();
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { level: 2, name: /Ages 11-17, Welsh/ }).waitFor();
    const good = page.getByRole('group', { name: /^What is going well/ });
    const ticked = good.locator('input:checked');
    expect(await ticked.count()).toBeGreaterThan(1);
    // Each finding as children will read it, in Welsh, with the words the report's figure gives.
    const first = (await ticked.first().getAttribute('id'))!.replace('good-', '') as IndicatorId;
    const row = report.indicators.find((i) => i.id === first && i.band === '11-17')!;
    expect(await good.locator(`label[for=good-${first}] span[lang=cy]`).textContent()).toBe(resultSentence('cy', figureWords(row, 2)!, first));
    expect(await good.textContent()).not.toMatch(/%/);

    await good.locator(`#good-${first}`).uncheck();
    await page.getByLabel(/^What we will do/).fill('Bydd gan bob plentyn weithiwr allweddol.\nByddwn ni’n gwrando.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved ages 11-17 in Welsh' }).waitFor();
    await page.getByText(/^Saved \d{4}-\d\d-\d\d, not published/).waitFor();
    expect((await publicResults()).statusCode).toBe(404);

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Published ages 11-17 in Welsh' }).waitFor();
    await page.getByText(/^Published \d{4}-\d\d-\d\d: children see this version/).waitFor();
    const published = (await publicResults()).json() as { versions: { band: string; locale: string; content: { good: { indicator: string }[]; pledges: string[] } }[] };
    expect(published.versions.map((v) => [v.band, v.locale])).toEqual([['11-17', 'cy']]);
    const content = published.versions[0]!.content;
    expect(content.pledges).toEqual(['Bydd gan bob plentyn weithiwr allweddol.', 'Byddwn ni’n gwrando.']);
    expect(content.good.map((g) => g.indicator)).not.toContain(first);
    expect(content.good).toHaveLength((await ticked.count()));
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    expect(await axe(page)).toEqual([]);
    expect(env.problems).toEqual([]);
    await page.context().close();
  });

  it('a viewer reads the saved version, with nothing to change', async () => {
    const page = await env.pageAs('viewer@example.org');
    await page.goto(`${env.base}/portal#/waves/${wave.waveId}/children-results`);
    await page.getByLabel('Language').selectOption('cy');
    await page.getByRole('heading', { level: 3, name: RESULTS_TEXT.cy.pledges }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Bydd gan bob plentyn weithiwr allweddol.' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^(Save|Publish)$/ }).count()).toBe(0);
    expect(await page.locator('input[type=checkbox]').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(env.problems).toEqual([]);
    await page.context().close();
  });

  it('hearme results writes an A4 poster in each published locale that passes axe; none for an unpublished one', async () => {
    // Welsh was published above; Arabic is published here through the API.
    const officer = await sessionOf(env.t, 'officer@example.org');
    const base = `/api/portal/waves/${wave.waveId}/children-results/11-17/ar`;
    const { suggestions } = (await officer.call('GET', `/api/portal/waves/${wave.waveId}/children-results`)).json();
    expect((await officer.call('PUT', base, { ...suggestions['11-17'], pledges: ['…'] })).statusCode).toBe(200);
    expect((await officer.call('POST', `${base}/publish`)).statusCode).toBe(200);

    const cli = { DATABASE_PATH: env.t.config.databasePath };
    const args = ['results', '--authority', wave.authorityCode, '--period', '2024', '--band', '11-17'];
    const missing = await runCli([...args, '--locale', 'en', '--out', join(env.t.dir, 'en.html')], cli);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no published children's version for ages 11-17 in en/);
    const context = await env.browser.newContext();
    const page = await context.newPage();
    for (const locale of ['cy', 'ar'] as const) {
      const out = join(env.t.dir, `${locale}.html`);
      const r = await runCli([...args, '--locale', locale, '--out', out], cli);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const html = readFileSync(out, 'utf8');
      expect(html).toContain(`lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`);
      expect(html).not.toContain('%');
      expect(html).toContain(RESULTS_TEXT[locale].ages.replace('{{band}}', '11-17'));
      await page.setContent(html);
      expect(await page.locator('li').count()).toBeGreaterThan(2);
      expect(await axe(page), locale).toEqual([]);
    }
    await context.close();
  });
});
