/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// Listen always speaks, in real Chromium (which has no voices of its own, like
// many tablets for Welsh and Arabic): the shipped clips play, only clips the
// manifest lists are asked for, one answer can be heard on its own, the
// tablet's own voice is used when it has one (unless the worker chose the
// clips), and when nothing can be played the button says so; axe finds nothing.
import { readFileSync } from 'node:fs';
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../web/audio/build.js';
import { generatedClip, type ClipManifest } from '../../web/survey/clips.js';
import { axe, begin, ENGLISH_VOICE, hear, newContext, playClipsFast, screenId } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ClipManifest;
const listed = new Set(Object.values(manifest.locales).flatMap((l) => Object.values(l).flatMap((e) => e.pieces)));
const cy = JSON.parse(readFileSync(new URL('../../surveys/locales/cy.json', import.meta.url), 'utf8')) as { survey: Record<string, string> };

/** A page at the first 8-11 question, with every audio request and every failed response noted. */
async function atFirstQuestion(opts: { locale?: string; query?: string; init?: string; viewport?: { width: number; height: number } } = {}) {
  const ctx = await newContext(env.browser, { viewport: opts.viewport ?? { width: 768, height: 1024 } });
  const page = await ctx.newPage();
  await playClipsFast(page);
  if (opts.init) await page.addInitScript(opts.init);
  const clips: string[] = [];
  const failed: string[] = [];
  page.on('request', (r: Request) => {
    if (r.url().includes('/survey/audio/') && !r.url().endsWith('manifest.json')) clips.push(new URL(r.url()).pathname.replace('/survey/audio/', ''));
  });
  // The start screen's look-up of last round's results is a 404 when there are none: not a failure.
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/api/results/')) failed.push(`${r.status()} ${r.url()}`);
  });
  const wave = await env.srv.wave('ylyc');
  await page.goto(`${env.srv.base}/s/${wave.code}${opts.query ?? ''}`);
  await begin(page, 9, opts.locale ? { locale: opts.locale } : {});
  expect(await screenId(page)).toMatch(/^q-/);
  return { ctx, page, clips, failed };
}

describe('Listen', () => {
  it('plays the shipped Welsh clips on a tablet with no Welsh voice, asking only for clips the manifest lists', async () => {
    const { ctx, page, clips, failed } = await atFirstQuestion({ locale: 'cy' });
    const options = await page.locator('.choices button.choice').count();
    await hear(page, 'button.listen');
    // The question, then each answer: a clip each (a 0-10 question's numbers are not words, and say nothing).
    expect(clips.length).toBeGreaterThanOrEqual(1 + (options === 11 ? 0 : options));
    for (const c of clips) {
      expect(c.startsWith('cy/')).toBe(true);
      expect(listed.has(c), c).toBe(true);
    }
    expect(await page.locator('button.listen').textContent()).toBe(cy.survey.listen);
    expect(failed).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });

  it('reads one answer on its own', async () => {
    const { ctx, page, clips, failed } = await atFirstQuestion({ locale: 'cy', viewport: { width: 360, height: 740 } });
    const second = page.locator('.choices .option').nth(1);
    const label = (await second.locator('button.choice').textContent())!.trim();
    await second.locator('.listen-one').click();
    await page.waitForFunction(() => document.querySelectorAll('.listen-one[aria-pressed=true]').length === 0 && performance.getEntriesByType('resource').some((e) => e.name.includes('/survey/audio/cy/')));
    expect(clips).toEqual([generatedClip('cy', label)]);
    expect(failed).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });

  it("uses the tablet's own voice when it has one, and the clips when the worker chose them", async () => {
    const voiced = await atFirstQuestion({ init: ENGLISH_VOICE });
    const heading = (await voiced.page.locator('main h1').textContent())!.trim();
    await hear(voiced.page, 'button.listen');
    const said = await voiced.page.evaluate(() => (window as unknown as { __said: string[] }).__said);
    expect(said).toHaveLength(1);
    expect(said[0]!.startsWith(heading)).toBe(true);
    expect(voiced.clips).toEqual([]);
    await voiced.ctx.close();

    const chosen = await atFirstQuestion({ init: ENGLISH_VOICE, query: '?voice=clips' });
    await hear(chosen.page, 'button.listen');
    expect(await chosen.page.evaluate(() => (window as unknown as { __said: string[] }).__said)).toEqual([]);
    expect(chosen.clips[0]).toBe(generatedClip('en', heading));
    expect(chosen.failed).toEqual([]);
    await chosen.ctx.close();
  });

  it('says so when nothing can be played (no voice, and the clips could not be fetched)', async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 768, height: 1024 } });
    await ctx.route('**/survey/audio/**', (route) => route.abort('internetdisconnected'));
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 9);
    await page.locator('button.listen').click();
    await page.locator('button.listen', { hasText: 'No sound on this tablet' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });
});
