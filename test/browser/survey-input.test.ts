/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// Ways in other than a finger: the keyboard (and so switch access), the
// speaker button, and the screens for a mistyped or unknown code.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { axe, begin, nextScreen, screenId } from '../helpers/survey-driver.js';
import { startSurveyServer, type SurveyServer } from '../helpers/survey-server.js';

let srv: SurveyServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startSurveyServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe('keyboard', () => {
  it('starts, answers and opens and closes help with Tab, Enter, Space and Escape alone, focus on each new heading', async () => {
    const ctx = await browser.newContext({ viewport: { width: 768, height: 1024 } });
    const page = await ctx.newPage();
    const wave = await srv.wave('ylyc');
    await page.goto(`${srv.base}/s/${wave.code}`);
    await page.locator('#step-start').waitFor();
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim());
    // Tab through the page until the age 9 button has focus.
    for (let i = 0; i < 40 && (await focused()) !== '9'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('9');
    await page.keyboard.press('Enter');
    expect(await nextScreen(page, 'step-start')).toBe('q-gender');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-gender');
    // From the heading: Listen, then the answers. Space on the second answer ("Girl").
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Girl');
    await page.keyboard.press('Space');
    expect(await nextScreen(page, 'q-gender')).toBe('q-placement');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-placement');
    // Shift+Tab from the heading reaches the help button; Escape closes the dialog it opens.
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Need to talk to someone now?');
    await page.keyboard.press('Enter');
    await page.locator('dialog.help[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog.help[open]').waitFor({ state: 'detached' });
    expect(await screenId(page)).toBe('q-placement');
    await ctx.close();
  });
});

describe('read aloud', () => {
  it('speaks the question and its answers in the chosen language when no recording exists', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 667 } });
    // Records what would be spoken: the browser's own voices are not the subject here.
    await ctx.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang });
    });
    const page = await ctx.newPage();
    const audio: string[] = [];
    page.on('request', (r) => r.url().includes('/survey/audio/') && audio.push(new URL(r.url()).pathname));
    const wave = await srv.wave('ylyc');
    await page.goto(`${srv.base}/s/${wave.code}`);
    await begin(page, 5, { locale: 'cy' });
    await page.locator('main .primary').click();
    await nextScreen(page, 'step-adult-intro');
    await page.locator('.listen').click();
    await page.waitForFunction(() => (window as unknown as { spoken: unknown[] }).spoken.length > 0);
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken).toEqual([
      { lang: 'cy-GB', text: "Ydy'r plentyn yn fachgen, yn ferch, neu mewn ffordd arall? Bachgen. Merch. Mewn ffordd arall. Byddai'n well gen i beidio â dweud." },
    ]);
    // The recording was looked for first.
    expect(audio).toEqual(['/survey/audio/cy/gender.mp3']);
    await ctx.close();
  });
});

describe('codes', () => {
  it('explains a mistyped code and an unknown one, accessibly', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const page = await ctx.newPage();
    await page.goto(`${srv.base}/`);
    await page.locator('#code').fill('ABC');
    await page.locator('main .primary').click();
    await expect(page.locator('#code-error').textContent()).resolves.toBe("That code doesn't look right. Check it and type it again.");
    expect(await axe(page)).toEqual([]);
    await page.locator('#code').fill('zzzz-zzzz');
    await page.locator('main .primary').click();
    await page.waitForURL(`${srv.base}/s/ZZZZZZZZ`);
    await page.getByText("We couldn't find a survey with this code.", { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });

  it('says when a survey is not open', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const page = await ctx.newPage();
    const w = await srv.wave('ylbc');
    const { sql } = await import('kysely');
    await sql`update waves set opens_on = '2999-01-01' where id = ${w.waveId}`.execute(srv.t.db);
    await page.goto(`${srv.base}/s/${w.code.toLowerCase()}`);
    await page.getByText('This survey is not open at the moment.').waitFor();
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });
});
