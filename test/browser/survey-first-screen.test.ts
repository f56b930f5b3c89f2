/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// The first screen on a slow tablet (issue 10, point 8), in real Chromium:
// the page at /s/CODE arrives with the start screen drawn by the server, the
// very markup the app draws, so the age buttons show before the app's script
// has run; a tap on one of them in that time is kept and leads to the first
// question once the app runs (one tap, one answer); and a survey left
// unfinished on the tablet still comes first, untouched by that tap.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentInstrument } from '../../surveys/index.js';
import { visibleQuestions } from '../../web/survey/flow.js';
import { begin, newContext, screenId, stillThere, walk } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();
const TABLET = { width: 768, height: 1024 };
const i811 = currentInstrument('ylyc-8-11')!;
const i1117 = currentInstrument('ylyc-11-17')!;
/** The 8-11 survey's first screen for a child of 9 (it has no adult part). */
const FIRST_8_11 = `q-${visibleQuestions(i811, { age: 9 })[0]!.id}`;

/**
 * Holds the app's script back until `release()`: the page is drawn and
 * tappable, as on a slow tablet before the script has arrived and run.
 */
async function holdAppScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/survey\/assets\/index-[^/]+\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Whether the app's script has taken the screen over (it tells the page's inline script to stop keeping taps). */
const appStarted = (page: Page) => page.evaluate(() => (window as unknown as { hearmeEarly?: { started: boolean } }).hearmeEarly?.started ?? false);

/**
 * Run in the page before its own scripts: notes when a frame showing the age buttons has been
 * drawn (the task after the animation frame that found them), and when the app's script started
 * (its first step is opening the device store).
 */
const NOTE_FRAME_AND_APP = `
  const frame = () => {
    if (document.querySelector('.ages button')) setTimeout(() => { window.__framedAt ??= performance.now(); });
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    window.__appAt ??= performance.now();
    return open.apply(this, args);
  };
`;

describe('the start screen drawn by the server', () => {
  it('is drawn on screen before the app script runs, also when the script is already on the tablet', async () => {
    const wave = await env.srv.wave('ylyc');
    const ctx = await newContext(env.browser, { viewport: TABLET });
    // A tablet that has opened the survey before (the next child): the script is in its cache (or its
    // service worker's) and ready before the page has been parsed. A module script in the page would
    // then run, and the app take the screen over, as parsing ends: before any frame showed the drawn screen.
    await (await ctx.newPage()).goto(`${env.srv.base}/s/${wave.code}`);
    const page = await ctx.newPage();
    await page.addInitScript(NOTE_FRAME_AND_APP);
    await page.goto(`${env.srv.base}/s/${wave.code}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __appAt?: number }).__appAt !== undefined);
    const { framedAt, appAt, cached } = await page.evaluate(() => {
      const w = window as unknown as { __framedAt?: number; __appAt: number };
      const script = performance.getEntriesByType('resource').find((e) => /\/survey\/assets\/index-[^/]+\.js$/.test(e.name));
      return { framedAt: w.__framedAt, appAt: w.__appAt, cached: (script as PerformanceResourceTiming | undefined)?.transferSize };
    });
    expect(cached).toBe(0); // from the cache: the case this is about
    expect(framedAt).toBeDefined();
    expect(framedAt!).toBeLessThan(appAt);
    await ctx.close();
  });

  it('draws no frame before the whole start screen is in the page, on a slow tablet too', async () => {
    const wave = await env.srv.wave('ylyc');
    const ctx = await newContext(env.browser, { viewport: TABLET });
    const page = await ctx.newPage();
    // A slow tablet: Chromium's parser stops every few milliseconds to let a frame be drawn, so the page
    // was drawn in pieces (the empty page, the header, then the age buttons), each frame a full layout
    // at a quarter of a desktop's speed, and the age buttons came in the third (bench/README.md).
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    // The first animation frame is the first frame drawn: what is in the page then is what it shows.
    await page.addInitScript(`requestAnimationFrame(() => {
      window.__firstFrame = { ages: document.querySelectorAll('.ages button').length, parsed: !!document.getElementById('hearme-wave') };
    });`);
    await page.goto(`${env.srv.base}/s/${wave.code}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __firstFrame?: object }).__firstFrame !== undefined);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await page.evaluate(() => (window as unknown as { __firstFrame: object }).__firstFrame)).toEqual({ ages: 14, parsed: true });
    await ctx.close();
  });

  it('shows the age buttons without the app script, the same markup the app draws', async () => {
    const wave = await env.srv.wave('ylyc');
    const noScript = await newContext(env.browser, { viewport: TABLET, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await expect(page.locator('.ages button').allTextContents()).resolves.toEqual(
      Array.from({ length: 14 }, (_, i) => String(4 + i)),
    );
    await expect(page.locator('#step-start').textContent()).resolves.toBe('Hello! We want to hear from you');
    await expect(page.locator('.brand').textContent()).resolves.toBe(wave.authorityName);
    const drawn = await page.locator('#app').innerHTML();
    await noScript.close();

    // The app drawing the same screen itself, from the plain page (as the service worker serves it offline).
    const ctx = await newContext(env.browser, { viewport: TABLET });
    const app = await ctx.newPage();
    const shell = await (await fetch(`${env.srv.base}/survey/index.html`)).text();
    await app.route(`${env.srv.base}/s/${wave.code}`, (route) => route.fulfill({ body: shell, contentType: 'text/html' }));
    await app.goto(`${env.srv.base}/s/${wave.code}`);
    await app.locator('#step-start').waitFor();
    expect(await app.evaluate(() => document.getElementById('hearme-wave'))).toBeNull();
    const same = await app.evaluate((html) => {
      const t = document.createElement('template');
      t.innerHTML = html;
      return t.content.firstElementChild!.isEqualNode(document.getElementById('app')!.firstElementChild);
    }, drawn);
    expect(same).toBe(true);
    await ctx.close();
  });

  it('keeps an age tapped before the app has run, and goes on from it to the first question', async () => {
    const wave = await env.srv.wave('ylyc');
    const ctx = await newContext(env.browser, { viewport: TABLET });
    const page = await ctx.newPage();
    const refused: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && refused.push(m.text()));
    const release = await holdAppScript(page);
    await page.goto(`${env.srv.base}/s/${wave.code}`, { waitUntil: 'commit' });
    const nine = page.locator('.ages button').filter({ hasText: /^9$/ });
    await nine.click();
    // Then 14, before the app has run: one tap answers one question, so only the first is kept.
    await page.locator('.ages button').filter({ hasText: /^14$/ }).click();
    expect(await appStarted(page)).toBe(false);
    await expect(nine.getAttribute('class')).resolves.toBe('choice early');
    expect(await screenId(page)).toBe('step-start');
    release();
    await page.waitForFunction((id) => document.querySelector('main h1')?.id === id, FIRST_8_11);
    expect(await appStarted(page)).toBe(true);
    // The first question of 8-11, answered by nothing yet.
    expect(await page.locator('.choices button[aria-pressed=true]').count()).toBe(0);
    // The page's inline script ran under the Content Security Policy (allowed by its hash): nothing was refused.
    expect(refused).toEqual([]);
    await ctx.close();
  });

  it('still asks "Are you still answering?" first when a survey was left, and a tap made before does not touch it', async () => {
    const wave = await env.srv.wave('ylyc');
    const ctx = await newContext(env.browser, { viewport: TABLET });
    let page = await ctx.newPage();
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 14);
    await walk(page, i1117, { gender: 'female' }, { stopAt: `q-${visibleQuestions(i1117, { age: 14, gender: 'female' })[2]!.id}` });
    const leftAt = await screenId(page);
    await page.close();

    page = await ctx.newPage();
    const release = await holdAppScript(page);
    await page.goto(`${env.srv.base}/s/${wave.code}`, { waitUntil: 'commit' });
    // The drawn start screen holds nothing of the earlier child; a new child taps an age on it.
    await page.locator('.ages button').filter({ hasText: /^9$/ }).click();
    expect(await page.locator('main').innerText()).not.toMatch(/Girl|of \d+/);
    release();
    await page.locator('#step-still-there').waitFor();
    expect(await appStarted(page)).toBe(true);
    // The tap did not start a survey over the one left, nor change it.
    await stillThere(page, true);
    expect(await screenId(page)).toBe(leftAt);
    await ctx.close();
  });
});
