/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// The child survey in real Chromium: each of the four instruments from
// start to thank-you, answers found in the database exactly as given;
// accessibility (axe) on every kind of screen in every locale.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentInstrument, type Instrument } from '../../surveys/index.js';
import { asStored, axe, begin, planFor, send, walk, newContext } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();

async function newPage(size = { width: 768, height: 1024 }): Promise<Page> {
  const ctx = await newContext(env.browser, { viewport: size });
  return ctx.newPage();
}

const inst = (id: string): Instrument => currentInstrument(id)!;

describe('completing each instrument', () => {
  const cases = [
    { id: 'ylyc-4-7', programme: 'ylyc', age: 6, locale: 'en' },
    { id: 'ylyc-8-11', programme: 'ylyc', age: 11, secondary: false, locale: 'cy' },
    { id: 'ylyc-11-17', programme: 'ylyc', age: 14, locale: 'ar' },
    { id: 'ylbc-16-25', programme: 'ylbc', age: 19, locale: 'en' },
  ] as const;

  it.each(cases)('$id ($locale): every answer reaches the database', async (c) => {
    const wave = await env.srv.wave(c.programme);
    const page = await newPage(c.id === 'ylyc-4-7' ? { width: 375, height: 667 } : { width: 768, height: 1024 });
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, c.age, { locale: c.locale, ...('secondary' in c && { secondary: c.secondary }) });
    const given = await walk(page, inst(c.id), planFor(inst(c.id)));
    await send(page);
    await page.locator('.status.sent').waitFor();
    const stored = await env.srv.responses(wave.waveId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.instrument).toBe(c.id);
    expect(stored[0]!.answers).toEqual(asStored({ age: c.age, ...given }));
    await page.context().close();
  });
});

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  it.each(['en', 'cy', 'ar'])('has no violations on any kind of screen in %s', async (locale) => {
    const ylyc = await env.srv.wave('ylyc');
    const page = await newPage({ width: 375, height: 667 });
    const problems: Record<string, string[]> = {};
    const check = async (name: string) => {
      const v = await axe(page);
      if (v.length) problems[name] = v;
    };
    // The code box and an unknown code.
    await page.goto(`${env.srv.base}/`);
    await page.locator('#step-code').waitFor();
    await check('code');
    await page.goto(`${env.srv.base}/s/${ylyc.code}`);
    await page.locator('#step-start').waitFor();
    if (locale !== 'en') {
      await page.locator(`.languages button[lang=${locale}]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    }
    await check('start');
    await page.locator('.help-button').click();
    await page.locator('dialog.help[open]').waitFor();
    await check('help');
    await page.locator('dialog.help .primary').click();
    await page.locator('.ages button').filter({ hasText: /^11$/ }).click();
    await page.locator('#school-heading').waitFor();
    await check('school');
    await page.locator('main .nav button').click();
    // 4-7: adult intro, adult list questions, handover, faces3, happy5, text, review, end.
    await begin(page, 5);
    const seen = new Set<string>();
    const kinds = (id: string, i: Instrument) => {
      const q = i.questions.find((x) => `q-${x.id}` === id);
      return q ? `${i.id}:${q.scale === 'faces3' || q.scale === 'happy5' || q.scale === 'text' || q.scale === 'scale0_10' ? q.scale : 'list'}` : id;
    };
    const onScreen = (i: Instrument) => async (id: string) => {
      const kind = kinds(id, i);
      if (seen.has(kind)) return;
      seen.add(kind);
      await check(kind);
    };
    await walk(page, inst('ylyc-4-7'), planFor(inst('ylyc-4-7'), 100), { onScreen: onScreen(inst('ylyc-4-7')) });
    await send(page);
    await page.locator('.status.sent').waitFor();
    await check('end');
    // 11-17 for the 0-10 numbers.
    await page.locator('main .primary').click();
    await begin(page, 15, { locale });
    await walk(page, inst('ylyc-11-17'), planFor(inst('ylyc-11-17'), 100), {
      onScreen: onScreen(inst('ylyc-11-17')),
      stopAt: 'q-happy_yesterday',
    });
    expect([...seen]).toEqual(
      expect.arrayContaining(['step-adult-intro', 'step-handover', 'step-review', 'ylyc-4-7:faces3', 'ylyc-4-7:happy5', 'ylyc-4-7:text', 'ylyc-4-7:list', 'ylyc-11-17:scale0_10']),
    );
    expect(problems).toEqual({});
    await page.context().close();
  });
});
