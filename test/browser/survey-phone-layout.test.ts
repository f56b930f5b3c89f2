/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// On a 360 px phone (issue 10, point 7): the five happiness faces keep their
// words inside their buttons in en, cy and ar, and 0-10 lies out as two rows
// 0-5 / 6-10 with "0 = ..." over the 0 and "10 = ..." under the 10.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentInstrument } from '../../surveys/index.js';
import { keepScreenshot } from '../helpers/browser.js';
import { begin, newContext, walk } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();
const PHONE = { width: 360, height: 740 };
const box = (page: Page, selector: string) =>
  page.evaluate((s) => Array.from(document.querySelectorAll(s)).map((e) => e.getBoundingClientRect().toJSON() as DOMRect), selector);

describe('a 360 px phone', () => {
  it('keeps each happiness face\'s words inside its button, in en, cy and ar', async () => {
    const wave = await env.srv.wave('ylyc');
    for (const locale of ['en', 'cy', 'ar']) {
      // A fresh device each time: an unfinished survey would ask "Are you still answering?".
      const ctx = await newContext(env.browser, { viewport: PHONE });
      const page = await ctx.newPage();
      await page.goto(`${env.srv.base}/s/${wave.code}`);
      await begin(page, 9, { locale });
      await walk(page, currentInstrument('ylyc-8-11')!, {}, { stopAt: 'q-happy_yesterday_faces' });
      const buttons = await box(page, '.choices.faces button.choice');
      const labels = await box(page, '.choices.faces button.choice > span');
      expect(buttons).toHaveLength(5);
      // All five in one row, every one at least 48 px wide, inside the screen.
      expect(new Set(buttons.map((b) => Math.round(b.top))).size).toBe(1);
      for (const [i, b] of buttons.entries()) {
        expect(b.width).toBeGreaterThanOrEqual(48);
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(PHONE.width);
        const l = labels[i]!;
        expect(l.left, `${locale} label ${i + 1}`).toBeGreaterThanOrEqual(b.left);
        expect(l.right, `${locale} label ${i + 1}`).toBeLessThanOrEqual(b.right);
        expect(l.bottom).toBeLessThanOrEqual(b.bottom);
      }
      await keepScreenshot(page, `phone-faces-${locale}`);
      await ctx.close();
    }
  });

  it('lays 0-10 out as 0-5 over 6-10, "0 = ..." over the 0 and "10 = ..." under the 10', async () => {
    const ctx = await newContext(env.browser, { viewport: PHONE });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 14);
    await walk(page, currentInstrument('ylyc-11-17')!, {}, { stopAt: 'q-happy_yesterday' });
    const n = await box(page, '.choices.numbers button.choice');
    const [zero, ten] = await box(page, '.choices.numbers .ends span');
    expect(n).toHaveLength(11);
    const rows = (from: number, to: number) => new Set(n.slice(from, to).map((b) => Math.round(b.top)));
    expect(rows(0, 6).size).toBe(1);
    expect(rows(6, 11).size).toBe(1);
    expect(n[6]!.top).toBeGreaterThan(n[0]!.top);
    for (const b of n) expect(b.right).toBeLessThanOrEqual(PHONE.width);
    // "0 = Not at all" sits above the 0, starting where it starts.
    expect(zero!.bottom).toBeLessThanOrEqual(n[0]!.top);
    expect(Math.abs(zero!.left - n[0]!.left)).toBeLessThanOrEqual(2);
    // "10 = Completely" sits under the 10, ending where it ends.
    expect(ten!.top).toBeGreaterThanOrEqual(n[10]!.bottom);
    expect(Math.abs(ten!.right - n[10]!.right)).toBeLessThanOrEqual(2);
    await keepScreenshot(page, 'phone-numbers', { fullPage: true });
    await ctx.close();
  });
});
