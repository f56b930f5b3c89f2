/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// Ways in other than a finger: the keyboard (and so switch access), the
// speaker button, the screens for a mistyped or unknown code, small
// screens, and browsers where IndexedDB will not open.
import { describe, expect, it } from 'vitest';
import { expectFocusOn } from '../helpers/browser.js';
import { currentInstrument } from '../../surveys/index.js';
import { axe, begin, nextScreen, planFor, screenId, send, stillThere, walk, newContext } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();

describe('keyboard', () => {
  it('starts, answers and opens and closes help with Tab, Enter, Space and Escape alone, focus on each new heading', async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 768, height: 1024 } });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await page.locator('#step-start').waitFor();
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim());
    // Tab through the page until the age 9 button has focus.
    for (let i = 0; i < 40 && (await focused()) !== '9'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('9');
    await page.keyboard.press('Enter');
    expect(await nextScreen(page, 'step-start')).toBe('q-gender');
    await expectFocusOn(page, 'q-gender');
    // From the heading: Listen, then each answer and its own Listen button. Space on the second answer ("Girl").
    for (let i = 0; i < 6 && (await focused()) !== 'Girl'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Girl');
    await page.keyboard.press('Space');
    expect(await nextScreen(page, 'q-gender')).toBe('q-placement');
    await expectFocusOn(page, 'q-placement');
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
  it('speaks the question and its answers in the chosen language with the tablet’s own voice when it has one', async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 375, height: 667 } });
    // Records what would be spoken, on a tablet with a Welsh voice (Chromium here has none).
    await ctx.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang });
      speechSynthesis.getVoices = () => [{ lang: 'cy-GB' } as SpeechSynthesisVoice];
    });
    const page = await ctx.newPage();
    const audio: string[] = [];
    page.on('request', (r) => r.url().includes('/survey/audio/') && audio.push(new URL(r.url()).pathname));
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 5, { locale: 'cy' });
    await page.locator('main .primary').click();
    await nextScreen(page, 'step-adult-intro');
    await page.locator('.listen').click();
    await page.waitForFunction(() => (window as unknown as { spoken: unknown[] }).spoken.length > 0);
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken).toEqual([
      { lang: 'cy-GB', text: "Ydy'r plentyn yn fachgen, yn ferch, neu mewn ffordd arall? Bachgen. Merch. Mewn ffordd arall. Byddai'n well gen i beidio â dweud." },
    ]);
    // No clip was fetched: the tablet's voice speaks (and nothing is asked for that the manifest does not list).
    expect(audio.filter((path) => path.endsWith('.mp3'))).toEqual([]);
    await ctx.close();
  });
});

describe('codes', () => {
  it('explains a mistyped code and an unknown one, accessibly', async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 375, height: 667 } });
    const page = await ctx.newPage();
    await page.goto(`${env.srv.base}/`);
    await page.locator('#code').fill('ABC');
    await page.locator('main .primary').click();
    await expect(page.locator('#code-error').textContent()).resolves.toBe("That code doesn't look right. Check it and type it again.");
    expect(await axe(page)).toEqual([]);
    await page.locator('#code').fill('zzzz-zzzz');
    await page.locator('main .primary').click();
    await page.waitForURL(`${env.srv.base}/s/ZZZZZZZZ`);
    await page.getByText("We couldn't find a survey with this code.", { exact: false }).waitFor();
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });

  it('says when a survey is not open', async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 375, height: 667 } });
    const page = await ctx.newPage();
    const w = await env.srv.wave('ylbc');
    const { sql } = await import('kysely');
    await sql`update waves set opens_on = '2999-01-01' where id = ${w.waveId}`.execute(env.srv.t.db);
    await page.goto(`${env.srv.base}/s/${w.code.toLowerCase()}`);
    await page.getByText('This survey is not open at the moment.').waitFor();
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });
});

describe('small screens and old browsers', () => {
  it('fits every kind of screen in 320px portrait and phone landscape, every button at least 48x48', async () => {
    for (const viewport of [{ width: 320, height: 568 }, { width: 667, height: 375 }]) {
      const ctx = await newContext(env.browser, { viewport });
      const page = await ctx.newPage();
      const problems: string[] = [];
      const measure = async (id: string) => {
        const found = await page.evaluate(() => {
          const out: string[] = [];
          const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
          if (overflow > 0) out.push(`${overflow}px wider than the screen`);
          for (const b of Array.from(document.querySelectorAll('main button, header button'))) {
            const r = b.getBoundingClientRect();
            if (r.width > 0 && (r.width < 48 || r.height < 48)) out.push(`${b.textContent?.trim()}: ${r.width}x${r.height}`);
          }
          return out;
        });
        problems.push(...found.map((f) => `${viewport.width}x${viewport.height} ${id}: ${f}`));
      };
      const wave = await env.srv.wave('ylyc');
      await page.goto(`${env.srv.base}/s/${wave.code}`);
      await page.locator('#step-start').waitFor();
      await measure('start');
      await begin(page, 5, { locale: 'cy' });
      const i47 = currentInstrument('ylyc-4-7')!;
      await walk(page, i47, planFor(i47, 100), { onScreen: measure });
      await send(page);
      await measure('end');
      await page.locator('main .primary').click();
      await begin(page, 16);
      const i1117 = currentInstrument('ylyc-11-17')!;
      await walk(page, i1117, planFor(i1117, 100), { onScreen: measure, stopAt: 'q-life_satisfaction' });
      expect(problems).toEqual([]);
      await ctx.close();
    }
  });

  it('keeps answers in localStorage where IndexedDB cannot be opened, and resumes from it', async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 375, height: 667 } });
    // As in some private-browsing modes: IndexedDB exists but refuses to open.
    await ctx.addInitScript(() => {
      indexedDB.open = () => {
        throw new DOMException('blocked', 'InvalidStateError');
      };
    });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 9);
    const i811 = currentInstrument('ylyc-8-11')!;
    await walk(page, i811, { gender: 'female', placement: 'foster_care' }, { stopAt: 'q-time_in_care' });
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['hearme-survey:current']);
    await page.reload();
    await stillThere(page, true);
    expect(await screenId(page)).toBe('q-time_in_care');
    await walk(page, i811, {});
    await send(page);
    await page.locator('.status.sent').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect((await env.srv.responses(wave.waveId))[0]!.answers).toEqual({ age: '9', gender: 'female', placement: 'foster_care' });
    await ctx.close();
  });
});
