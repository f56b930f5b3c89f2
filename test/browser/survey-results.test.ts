/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// "What children told us last time" in the child app, in real Chromium: the
// start screen of a round links to the results its authority published for
// the round before (and only then); the screen is fetched only when opened,
// shows the published words (never a draft) in English, Welsh and Arabic
// (right to left), is read aloud from the shipped clips (Chromium has no
// voice), keeps Help one tap away, is also at /results/CODE, and works
// offline once seen; axe finds nothing on any of it.
import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsContent } from '../../server/loop/children-results.js';
import { publishChildrenResults, saveChildrenResults } from '../../server/repos/children-results.js';
import { createWave } from '../../server/repos/waves.js';
import { RESULTS_TEXT, resultSentence, type ResultsLocale } from '../../surveys/results-text.js';
import { MANIFEST } from '../../web/audio/build.js';
import { generatedClip, type ClipManifest } from '../../web/survey/clips.js';
import { axe, hear, newContext, playClipsFast, screenId } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ClipManifest;
const listed = new Set(Object.values(manifest.locales).flatMap((l) => Object.values(l).flatMap((e) => e.pieces)));

/** What the officer published for ages 11-17 of the 2024 round, in each language. */
const PUBLISHED: Record<ResultsLocale, ResultsContent> = {
  en: { good: [{ indicator: 'feels_safe', words: 'most' }], change: [{ indicator: 'often_lonely', words: 'some' }], pledges: ['Every child will have a key worker.'] },
  cy: { good: [{ indicator: 'feels_safe', words: 'most' }], change: [{ indicator: 'often_lonely', words: 'some' }], pledges: ['Bydd gan bob plentyn weithiwr allweddol.'] },
  ar: { good: [{ indicator: 'feels_safe', words: 'most' }], change: [{ indicator: 'often_lonely', words: 'some' }], pledges: ['سيكون لكل طفل عامل رئيسي.'] },
};
/** Saved for ages 8-11 but never published: children must not see it. */
const DRAFT: ResultsContent = { good: [{ indicator: 'likes_school', words: 'nearly_all' }], change: [], pledges: ['A draft nobody published'] };

let previous: string; // the 2024 round, with published results
let next: string; // the 2025 round of the same authority
let alone: string; // a round whose authority published nothing

beforeAll(async () => {
  const { t } = env.srv;
  const first = await env.srv.wave('ylyc');
  previous = first.code;
  const { authority_id } = await t.db.selectFrom('waves').select('authority_id').where('id', '=', first.waveId).executeTakeFirstOrThrow();
  next = (await createWave(t.db, { authority_id, programme: 'ylyc', period: '2025', opens_on: null, closes_on: null })).access_code;
  for (const [locale, content] of Object.entries(PUBLISHED)) {
    await saveChildrenResults(t.db, first.waveId, '11-17', locale, content, null);
    await publishChildrenResults(t.db, first.waveId, '11-17', locale, null);
  }
  await saveChildrenResults(t.db, first.waveId, '8-11', 'en', DRAFT, null);
  alone = (await env.srv.wave('ylyc')).code;
});

/** A page with every request for the survey's files and clips noted, and every failed response. */
async function open(path: string, opts: { serviceWorkers?: 'allow' | 'block' } = {}) {
  const ctx = await newContext(env.browser, { viewport: { width: 768, height: 1024 }, serviceWorkers: opts.serviceWorkers ?? 'block' });
  const page = await ctx.newPage();
  await playClipsFast(page);
  const requested: string[] = [];
  const failed: string[] = [];
  page.on('request', (r: Request) => void requested.push(new URL(r.url()).pathname));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${env.srv.base}${path}`);
  return { ctx, page, requested, failed };
}

/** The screen's text as children read it: headings and list items, in order. */
const shownText = (page: Page) => page.locator('section.results').evaluate((s) => Array.from(s.querySelectorAll('h1, h2, h3, li')).map((e) => e.textContent!.trim()));

/** What the screen must show for the published 11-17 version in `locale`. */
function expected(locale: ResultsLocale): string[] {
  const text = RESULTS_TEXT[locale];
  const c = PUBLISHED[locale];
  return [
    text.title,
    text.ages.replace('{{band}}', '11-17'),
    text.good,
    ...c.good.map((f) => resultSentence(locale, f.words, f.indicator)),
    text.change,
    ...c.change.map((f) => resultSentence(locale, f.words, f.indicator)),
    text.pledges,
    ...c.pledges,
  ];
}

const results = (page: Page) => page.locator('#step-results').waitFor();

describe('What children told us last time', () => {
  it("is linked from the next round's start screen, fetched only when opened, and shows the published words read aloud", async () => {
    const { ctx, page, requested, failed } = await open(`/s/${next}`);
    await page.locator('#step-start').waitFor();
    const link = page.locator('button.results-link');
    await link.waitFor();
    expect(await link.textContent()).toBe(RESULTS_TEXT.en.title);
    // Not part of the first screen: its code comes when the child asks for it.
    expect(requested.some((p) => /\/assets\/Results-/.test(p))).toBe(false);
    expect(await axe(page)).toEqual([]);

    await link.click();
    await results(page);
    expect(requested.some((p) => /\/assets\/Results-/.test(p))).toBe(true);
    expect((await shownText(page)).slice(0, expected('en').length)).toEqual(expected('en'));
    // Words, never figures; never the draft.
    expect(await page.locator('section.results').textContent()).not.toMatch(/\d+\s*%|A draft nobody published/);
    expect(await axe(page)).toEqual([]);

    // Read aloud from the shipped clips, asking only for clips the manifest lists.
    const before = requested.length;
    await hear(page, 'button.listen');
    const clips = requested.slice(before).filter((p) => p.startsWith('/survey/audio/') && !p.endsWith('manifest.json')).map((p) => p.slice('/survey/audio/'.length));
    expect(clips[0]).toBe(generatedClip('en', RESULTS_TEXT.en.title));
    expect(clips).toContain(generatedClip('en', RESULTS_TEXT.en.said.feels_safe));
    for (const c of clips) expect(listed.has(c), c).toBe(true);
    expect(await page.locator('button.listen').getAttribute('class')).not.toContain('none');

    // Help is one tap away, and closing it leaves the child on the same screen.
    await page.locator('.help-button').click();
    expect(await page.locator('dialog.help').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.locator('dialog.help .primary').click();
    expect(await screenId(page)).toBe('step-results');

    // Back to the start screen it came from.
    await page.locator('section.results .nav button').click();
    await page.locator('#step-start').waitFor();
    expect(failed).toEqual([]);
    await ctx.close();
  });

  it('is in Welsh and in Arabic (right to left), heard in each', async () => {
    const { ctx, page, requested, failed } = await open(`/results/${previous}`);
    await results(page);
    for (const locale of ['cy', 'ar'] as const) {
      await page.locator(`.languages button[lang=${locale}]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      await page.waitForFunction((title) => document.querySelector('#step-results')?.textContent === title, RESULTS_TEXT[locale].title);
      expect((await shownText(page)).slice(0, expected(locale).length)).toEqual(expected(locale));
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      expect(await axe(page)).toEqual([]);
      const before = requested.length;
      await hear(page, 'button.listen');
      const clips = requested.slice(before).filter((p) => p.startsWith('/survey/audio/') && !p.endsWith('manifest.json'));
      expect(clips[0]).toBe(`/survey/audio/${generatedClip(locale, RESULTS_TEXT[locale].title)}`);
      for (const c of clips) expect(c.startsWith(`/survey/audio/${locale}/`), c).toBe(true);
    }
    expect(failed).toEqual([]);
    await ctx.close();
  });

  it('says so when nothing was published, and the start screen of such a round has no link', async () => {
    const none = await open(`/results/${next}`);
    await none.page.locator('main h1').waitFor();
    const en = JSON.parse(readFileSync(new URL('../../surveys/locales/en.json', import.meta.url), 'utf8')) as { survey: Record<string, string> };
    expect(await none.page.locator('main h1').textContent()).toBe(en.survey.results_none);
    expect(await axe(none.page)).toEqual([]);
    await none.ctx.close();

    const ctx = await newContext(env.browser, { serviceWorkers: 'block' });
    const page = await ctx.newPage();
    const checked = page.waitForResponse((r) => r.url().endsWith(`/api/results/${alone}?last=1`));
    await page.goto(`${env.srv.base}/s/${alone}`);
    await page.locator('#step-start').waitFor();
    // The link would show once the check has answered: wait for that answer and two frames, then look.
    expect((await checked).status()).toBe(404);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.locator('button.results-link').count()).toBe(0);
    await ctx.close();
  });

  it('works offline once seen', async () => {
    const { ctx, page } = await open(`/results/${previous}`, { serviceWorkers: 'allow' });
    await results(page);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    // The worker came after the first visit's requests: one more visit online, then none.
    await page.reload();
    await results(page);
    // The results, and every clip the manifest lists, are kept.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const m = (await (await fetch('/survey/audio/manifest.json')).json()) as { locales: Record<string, Record<string, { pieces: string[] }>> };
            const want = new Set(Object.values(m.locales).flatMap((l) => Object.values(l).flatMap((e) => e.pieces.filter((p) => !p.startsWith('{{')))));
            let missing = want.size;
            let results = false;
            for (const key of await caches.keys())
              for (const r of await (await caches.open(key)).keys()) {
                const path = new URL(r.url).pathname;
                if (path.startsWith('/api/results/')) results = true;
                if (want.has(path.slice('/survey/audio/'.length))) missing--;
              }
            return { results, missing };
          }),
        { interval: 500, timeout: 60_000 },
      )
      .toEqual({ results: true, missing: 0 });
    await ctx.setOffline(true);
    await page.reload();
    await results(page);
    expect((await shownText(page)).slice(0, expected('en').length)).toEqual(expected('en'));
    await hear(page, 'button.listen');
    expect(await page.locator('button.listen').getAttribute('class')).not.toContain('none');
    await ctx.close();
  });
});
