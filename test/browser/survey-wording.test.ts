/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// Wording in Welsh and Arabic (issue 10, point 7): Welsh answers a question
// with its own verb ("Wyt ti…?" Ydw / Nac ydw, "Oes…?" Oes / Nac oes); in
// Arabic a council's name and contact (Latin script) keep their own
// order inside the right-to-left sentence, and a girl is spoken to
// in the feminine once she has said she is a girl (and never on the screen
// that asks whether the last child is still there).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentInstrument } from '../../surveys/index.js';
import { flattenLocale } from '../../surveys/i18n-keys.js';
import { keepScreenshot } from '../helpers/browser.js';
import { answer, axe, begin, newContext, nextScreen, send, stillThere, walk } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();
const i811 = currentInstrument('ylyc-8-11')!;
const q = (id: string) => i811.questions.find((x) => x.id === id)!;
const words = (locale: string) =>
  flattenLocale(JSON.parse(readFileSync(new URL(`../../surveys/locales/${locale}.json`, import.meta.url), 'utf8'))) as Record<string, string>;
const ar = words('ar');

async function at811(locale: string) {
  const ctx = await newContext(env.browser, { viewport: { width: 768, height: 1024 } });
  const page = await ctx.newPage();
  const wave = await env.srv.wave('ylyc');
  await page.goto(`${env.srv.base}/s/${wave.code}`);
  await begin(page, 9, { locale });
  return { ctx, page, wave };
}

const labels = (page: Page) => page.locator('.choices button.choice').allTextContents();
const heading = async (page: Page) => (await page.locator('main h1').textContent())!.trim();

/**
 * The characters of `text` (spaces aside) in the order they are drawn, line
 * by line, left to right, inside the first element `selector` matches. A
 * Latin text drawn whole in a right-to-left page reads back as itself.
 */
function drawnOrder(page: Page, selector: string, text: string) {
  return page.evaluate(
    ({ selector, text }) => {
      const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const drawn: { ch: string; top: number; left: number }[] = [];
        for (let i = 0; i < text.length; i++) {
          if (text[i] === ' ') continue;
          const range = document.createRange();
          range.setStart(node, at + i);
          range.setEnd(node, at + i + 1);
          const r = range.getBoundingClientRect();
          drawn.push({ ch: text[i]!, top: Math.round(r.top), left: r.left });
        }
        return drawn.sort((a, b) => a.top - b.top || a.left - b.left).map((d) => d.ch).join('');
      }
      throw new Error(`${text} not found in ${selector}`);
    },
    { selector, text },
  );
}

const drawnWhole = async (page: Page, selector: string, text: string) =>
  expect(await drawnOrder(page, selector, text), `${text} in ${selector}`).toBe(text.replace(/ /g, ''));

describe('Welsh answers', () => {
  it('answer yes and no with the question\'s own verb', async () => {
    const { ctx, page } = await at811('cy');
    await walk(page, i811, {}, { stopAt: 'q-sw_know' });
    expect(await labels(page)).toEqual(['Ydw', 'Nac ydw', 'Ddim yn siŵr']);
    await walk(page, i811, { sw_know: 'yes' }, { stopAt: 'q-good_friend' });
    expect(await labels(page)).toEqual(['Oes', 'Nac oes']);
    // Each answer's own Listen says the same words.
    expect(await page.locator('.choices .listen-one').first().getAttribute('aria-label')).toMatch(/: Oes$/);
    await ctx.close();
  });
});

describe('Arabic', () => {
  it("draws a council's name and contact whole inside Arabic sentences", async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 768, height: 1024 } });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    // A name that starts with a number: without isolates its 3 is drawn at the far end of it.
    const name = '3 Rivers District Council';
    const contact = '+44 117 922 2000';
    env.srv.t.sqlite
      .prepare('UPDATE authorities SET name = ?, contact = ? WHERE id = (SELECT authority_id FROM waves WHERE id = ?)')
      .run(name, contact, wave.waveId);
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await page.locator('#step-start').waitFor();
    await page.locator('.languages button[lang=ar]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.start p', { hasText: name }).waitFor();
    await drawnWhole(page, '.start', name);
    await drawnWhole(page, 'header .brand', name);
    await page.locator('.help-button').click();
    await page.locator('dialog.help[open]').waitFor();
    await drawnWhole(page, 'dialog.help', name);
    await drawnWhole(page, 'dialog.help', contact);
    expect(await axe(page)).toEqual([]);
    await keepScreenshot(page, 'wording-ar-help');
    await ctx.close();
  });

  it('speaks to a girl in the feminine after she says she is a girl, and to anyone otherwise', async () => {
    const { ctx, page } = await at811('ar');
    expect(await heading(page)).toBe(ar['questions.gender']);
    await answer(page, q('gender'), 'female');
    await nextScreen(page, 'q-gender');
    expect(await heading(page)).toBe(ar['questions.placement_female']);
    expect(await page.locator('button.listen').textContent()).toBe(ar['survey.listen_female']);
    expect(await page.locator('main button.skip').textContent()).toBe(ar['common.skip_female']);
    await walk(page, i811, {}, { stopAt: 'q-sw_know' });
    expect(await heading(page)).toBe(ar['questions.sw_know_female']);
    expect((await labels(page))[2]).toBe(ar['scales.yes_no_unsure.not_sure_female']);
    expect(await axe(page)).toEqual([]);
    // The next person at the tablet: the screen asking whether she is still there shows nothing of her.
    await page.reload();
    await page.locator('#step-still-there').waitFor();
    expect(await page.locator('button.listen').textContent()).toBe(ar['survey.listen']);
    await stillThere(page, true);
    expect(await heading(page)).toBe(ar['questions.sw_know_female']);
    // A boy, or a child who would rather not say: the common forms.
    for (let id = 'q-sw_know'; id !== 'q-gender'; ) {
      await page.locator('.nav button').first().click();
      id = await nextScreen(page, id);
    }
    await answer(page, q('gender'), 'prefer_not_to_say');
    await nextScreen(page, 'q-gender');
    expect(await heading(page)).toBe(ar['questions.placement']);
    expect(await page.locator('button.listen').textContent()).toBe(ar['survey.listen']);
    await ctx.close();
  });

  it('thanks a girl in the feminine on the last screens, and the next person in the common forms', async () => {
    const { ctx, page } = await at811('ar');
    await answer(page, q('gender'), 'female');
    await nextScreen(page, 'q-gender');
    await walk(page, i811, {});
    expect(await page.locator('section:has(#step-review) > p').first().textContent()).toBe(ar['survey.review_body_female']);
    await send(page);
    expect(await heading(page)).toBe(ar['common.thanks_female']);
    await expect(page.locator('.end p').allTextContents()).resolves.toEqual(
      expect.arrayContaining([ar['common.thanks_detail_female'], expect.stringContaining('اسمكِ ليس مكتوبًا على إجاباتكِ.')]),
    );
    await page.locator('.end .status.sent').waitFor();
    expect(await page.locator('.end .status').textContent()).toBe(ar['survey.status_sent_female']);
    expect(await page.locator('.end button.primary').textContent()).toBe(ar['survey.next_person_female']);
    expect(await page.locator('button.listen').textContent()).toBe(ar['survey.listen_female']);
    // The next person starts afresh, in English, spoken to as anyone.
    await page.locator('.end button.primary').click();
    await page.locator('#step-start').waitFor();
    await page.locator('.languages button[lang=ar]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.locator('button.listen').textContent()).toBe(ar['survey.listen']);
    await ctx.close();
  });
});
