/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// The code screen, the first a child sees (issue 10, points 3 and 7): in the
// child's language (en/cy/ar) chosen there and kept on the way in, read
// aloud by the shipped clips on a tablet with no voice, saying which
// look-alike characters codes never use, reading a code typed on an Arabic
// keyboard, and an unknown code's screen read aloud too, its way back
// keeping the language; axe finds nothing.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../web/audio/build.js';
import type { ClipManifest } from '../../web/survey/clips.js';
import { keepScreenshot } from '../helpers/browser.js';
import { axe, hear, newContext, playClipsFast } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ClipManifest;
const listed = new Set(Object.values(manifest.locales).flatMap((l) => Object.values(l).flatMap((e) => e.pieces)));
const locale = (code: string) =>
  JSON.parse(readFileSync(new URL(`../../surveys/locales/${code}.json`, import.meta.url), 'utf8')) as { survey: Record<string, string> };
const cy = locale('cy').survey;
const ar = locale('ar').survey;

/** A fresh tablet at `/`, noting every clip asked for and every failed response but one (below). */
async function atCodeScreen(viewport = { width: 768, height: 1024 }) {
  const ctx = await newContext(env.browser, { viewport, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await playClipsFast(page);
  const clips: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/survey/audio/') && !r.url().endsWith('manifest.json')) clips.push(new URL(r.url()).pathname.replace('/survey/audio/', ''));
  });
  // Clips and the app's own files (the start screen's look-up of last round's results may well be a 404).
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/api/results/')) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${env.srv.base}/`);
  await page.locator('#step-code').waitFor();
  return { ctx, page, clips, failed };
}

async function chooseLanguage(page: Page, code: string) {
  await page.locator(`.languages button[lang=${code}]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, code);
}

const typeCode = async (page: Page, code: string) => {
  await page.locator('#code').fill(code);
  await page.locator('main button[type=submit]').click();
};

/** Arabic-Indic digits, as an Arabic keyboard types them. */
const arabicDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));

describe('the code screen', () => {
  it('speaks Welsh, chosen on it, and the survey opens in Welsh', async () => {
    const { ctx, page, clips, failed } = await atCodeScreen({ width: 360, height: 740 });
    await chooseLanguage(page, 'cy');
    expect(await page.locator('#step-code').textContent()).toBe(cy.code_heading);
    await expect(page.locator('#code-hint').textContent()).resolves.toContain(cy.code_never_used_hint);
    // Chromium has no Welsh voice: the shipped clips play, only ones the manifest lists
    // (the first is enough to know; the test stops it rather than listen to the whole screen).
    await page.locator('button.listen').click();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/survey/audio/cy/')));
    await page.locator('button.listen[aria-pressed=true]').click();
    await page.locator('button.listen[aria-pressed=false]').waitFor();
    expect(clips.length).toBeGreaterThanOrEqual(1);
    for (const c of clips) expect(c.startsWith('cy/') && listed.has(c), c).toBe(true);
    expect(await page.locator('button.listen').textContent()).toBe(cy.listen);
    expect(await axe(page)).toEqual([]);
    await keepScreenshot(page, 'code-screen-cy');
    const wave = await env.srv.wave('ylyc');
    await typeCode(page, wave.code.toLowerCase());
    await page.locator('#step-start').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/s/${wave.code}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    expect(failed).toEqual([]);
    await ctx.close();
  });

  it('says which characters codes never use, in Arabic, and reads a code typed on an Arabic keyboard', async () => {
    const { ctx, page, failed } = await atCodeScreen();
    await chooseLanguage(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    for (const typo of ['ABCO-EFGH', 'ABC1EFGH', 'abcd-efgl']) {
      await typeCode(page, typo);
      await expect(page.locator('#code-error').textContent()).resolves.toBe(ar.code_never_used);
    }
    // Wrong for another reason: the plain message.
    await typeCode(page, 'ABC');
    await expect(page.locator('#code-error').textContent()).resolves.toBe(ar.code_invalid);
    expect(await axe(page)).toEqual([]);
    await keepScreenshot(page, 'code-screen-ar');
    // The code typed with Arabic-Indic digits and a non-breaking hyphen, as the hint writes it.
    const wave = await env.srv.wave('ylyc');
    const typed = arabicDigits(`${wave.code.slice(0, 4)}\u2011${wave.code.slice(4)}`);
    await typeCode(page, typed);
    await page.locator('#step-start').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/s/${wave.code}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(failed).toEqual([]);
    await ctx.close();
  });

  it('reads an unknown code\'s screen aloud, and its way back keeps the language', async () => {
    const { ctx, page, clips } = await atCodeScreen();
    await chooseLanguage(page, 'cy');
    await typeCode(page, 'ZZZZ-ZZZZ');
    await page.getByRole('heading', { name: cy.code_unknown }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/s/ZZZZZZZZ');
    // An unknown code offers no "Try again": only another code.
    expect(await page.locator('main button').allTextContents()).toEqual([cy.listen, cy.other_code]);
    await hear(page, 'button.listen');
    expect(clips.length).toBeGreaterThanOrEqual(2);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: cy.other_code }).click();
    await page.locator('#step-code').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('#step-code').textContent()).toBe(cy.code_heading);
    await ctx.close();
  });
});
