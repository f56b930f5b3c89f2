/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// The survey in a child's hands, in real Chromium. A tablet handed from
// child to child: an unfinished survey is never carried on without asking
// "Are you still answering?", which shows nothing of it; "No, start again",
// "Leave now" and an unanswered question delete it from the device
// (IndexedDB and the localStorage fallback); finished answers waiting to be
// sent still go. A double tap answers one question, not two. Ages 4-7
// answer on faces and pictures throughout. The free-text question says who
// reads the words and whom to call, in every language and aloud. And the
// smaller faults seen on the way (issue 10, point 7).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flattenLocale } from '../../surveys/i18n-keys.js';
import { currentInstrument, type Instrument } from '../../surveys/index.js';
import { IDLE_MS, RESET_AFTER_MS, STILL_THERE_MS } from '../../web/survey/idle.js';
import { TAP_GUARD_MS } from '../../web/survey/one-tap.js';
import { answer, asStored, axe, begin, deviceStorage, nextScreen, screenId, send, settle, stillThere, walk, newContext } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const env = surveyInBrowser();

const inst = (id: string): Instrument => currentInstrument(id)!;
const q = (i: Instrument, id: string) => i.questions.find((x) => x.id === id)!;
const i811 = inst('ylyc-8-11');
const i1117 = inst('ylyc-11-17');
const i47 = inst('ylyc-4-7');
const words = (locale: string) =>
  flattenLocale(JSON.parse(readFileSync(new URL(`../../surveys/locales/${locale}.json`, import.meta.url), 'utf8'))) as Record<string, string>;
const TABLET = { width: 768, height: 1024 };
const PHONE = { width: 360, height: 740 };

async function waitForResponses(waveId: number, n: number) {
  for (let i = 0; i < 200; i++) {
    if ((await env.srv.responses(waveId)).length >= n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} responses`);
}

/** What the screen shows, as a person would read it. */
const shown = (page: Page) => page.evaluate(() => document.body.innerText);

describe('a survey left unfinished on the tablet', () => {
  it('is carried on only after "Are you still answering?", which shows none of the answers', async () => {
    const ctx = await newContext(env.browser, { viewport: TABLET });
    let page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 14);
    await walk(page, i1117, { gender: 'female', placement: 'childrens_home', time_in_care: 'over_5_years', disability: 'yes' }, { stopAt: 'q-sw_know' });
    // The child closes the tab; the next one opens the survey's address, or the plain one.
    await page.close();
    for (const path of [`/s/${wave.code}`, '/']) {
      page = await ctx.newPage();
      await page.goto(`${env.srv.base}${path}`);
      await page.locator('#step-still-there').waitFor();
      const text = await shown(page);
      expect(text).toContain('Are you still answering?');
      for (const earlier of ['Girl', "In a children's home", 'More than 5 years', 'Do you know who your social worker is?', ' of '])
        expect(text).not.toContain(earlier);
      expect(await page.locator('main [aria-pressed=true], main .progress').count()).toBe(0);
      await expect(page.locator('.still-there .choices button').allTextContents()).resolves.toEqual(['Yes, carry on', 'No, start again']);
      expect(await page.locator('.still-there .listen').count()).toBe(1);
      expect(await axe(page)).toEqual([]);
      if (path === '/') break;
      await page.close();
    }
    // Only now does the survey come back, at the same question.
    await stillThere(page, true);
    expect(new URL(page.url()).pathname).toBe(`/s/${wave.code}`);
    expect(await screenId(page)).toBe('q-sw_know');
    await page.locator('.nav button').first().click();
    await nextScreen(page, 'q-sw_know');
    await expect(page.locator('.choices button[aria-pressed=true]').textContent()).resolves.toBe('Yes');
    await ctx.close();
  });

  it('"No, start again" deletes it from the device for good (Welsh, on a phone)', async () => {
    const ctx = await newContext(env.browser, { viewport: PHONE });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 9, { locale: 'cy' });
    await walk(page, i811, { gender: 'male', placement: 'foster_care' }, { stopAt: 'q-time_in_care' });
    expect((await deviceStorage(page)).idb).toEqual(['current']);
    await page.reload();
    await page.locator('#step-still-there').waitFor();
    await expect(page.locator('main h1').textContent()).resolves.toBe("Wyt ti'n dal i ateb?");
    await expect(page.locator('.still-there .choices button').allTextContents()).resolves.toEqual(['Ydw, dal ati', 'Nac ydw, dechrau eto']);
    expect(await axe(page)).toEqual([]);
    await stillThere(page, false);
    expect(await screenId(page)).toBe('step-start');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await deviceStorage(page)).toEqual({ idb: [], local: [] });
    await page.reload();
    expect(await screenId(page)).toBe('step-start');
    await ctx.close();
  });

  it('"No, start again" empties the localStorage fallback where IndexedDB will not open', async () => {
    const ctx = await newContext(env.browser, { viewport: TABLET });
    await ctx.addInitScript(() => {
      indexedDB.open = () => {
        throw new DOMException('blocked', 'InvalidStateError');
      };
    });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 10, { locale: 'ar' });
    await walk(page, i811, { gender: 'female' }, { stopAt: 'q-placement' });
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['hearme-survey:current']);
    await page.reload();
    await page.locator('#step-still-there').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await axe(page)).toEqual([]);
    await stillThere(page, false);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await ctx.close();
  });
});

describe('a tablet put down mid-survey', () => {
  it(`asks after ${IDLE_MS / 60_000} minutes without a touch, aloud, and deletes the answers when nobody answers`, async () => {
    const ctx = await newContext(env.browser, { viewport: TABLET });
    // Records what the tablet's voice would say: the clips are test/browser/survey-audio.test.ts's subject.
    await ctx.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(u.text);
      // A tablet with a voice for each language (Chromium here has none, and would play the shipped clips).
      speechSynthesis.getVoices = () => ['en-GB', 'cy-GB', 'ar'].map((lang) => ({ lang }) as SpeechSynthesisVoice);
    });
    const page = await ctx.newPage();
    await page.clock.install();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 10);
    await settle(page);
    // A touch restarts the wait: almost the whole time twice over is not enough.
    await page.clock.fastForward(IDLE_MS - 5_000);
    await answer(page, q(i811, 'gender'), 'male');
    await nextScreen(page, 'q-gender');
    await page.clock.fastForward(IDLE_MS - 5_000);
    expect(await screenId(page)).toBe('q-placement');
    await page.clock.fastForward(10_000);
    await page.locator('#step-still-there').waitFor();
    await page.waitForFunction(() => (window as unknown as { spoken: string[] }).spoken.length > 0);
    expect(await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken)).toEqual([
      'Are you still answering? Yes, carry on. No, start again.',
    ]);
    expect(await shown(page)).not.toContain('Boy');
    // Yes carries on where the child was.
    await stillThere(page, true);
    expect(await screenId(page)).toBe('q-placement');
    // Put down again, and this time nobody answers.
    await settle(page);
    await page.clock.fastForward(IDLE_MS + 1_000);
    await page.locator('#step-still-there').waitFor();
    await settle(page);
    await page.clock.fastForward(STILL_THERE_MS + 1_000);
    await page.locator('#step-start').waitFor();
    expect(await deviceStorage(page)).toEqual({ idb: [], local: [] });
    await ctx.close();
  });
});

describe('Leave now', () => {
  it('is on every screen; clears it at once and forgets the unfinished answers; finished ones are still sent, never shown', async () => {
    const ctx = await newContext(env.browser, { viewport: PHONE, serviceWorkers: 'allow' });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    const missing: string[] = [];
    const leaveShown = async (id: string) => {
      if (!(await page.locator('header .leave-now').isVisible())) missing.push(id);
    };
    await page.goto(`${env.srv.base}/`);
    await page.locator('#step-code').waitFor();
    await leaveShown('code');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await page.locator('#step-start').waitFor();
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    await leaveShown('start');
    await page.locator('.ages button').filter({ hasText: /^11$/ }).click();
    await page.locator('#school-heading').waitFor();
    await leaveShown('school');
    await page.locator('main .nav button').click();
    // The first child finishes offline: the answers wait in the outbox.
    await begin(page, 6);
    await ctx.setOffline(true);
    const secret = 'I want to move back to my nan';
    const given = await walk(page, i47, { gender: 'female', carer_trust: 'no', anything_else: secret }, { onScreen: leaveShown });
    await send(page);
    await page.locator('.status.waiting').waitFor();
    await leaveShown('end');
    await page.locator('main .primary').click();
    // The next child starts (still offline), then leaves in a hurry.
    await begin(page, 5);
    await page.locator('main .primary').click();
    await nextScreen(page, 'step-adult-intro');
    await answer(page, q(i47, 'gender'), 'male');
    await nextScreen(page, 'q-gender');
    await page.locator('header .leave-now').click();
    // Cleared by the time the tap has been handled: no question, no answer.
    expect(await page.evaluate(() => document.querySelector('main h1')?.id ?? '')).not.toMatch(/^q-/);
    expect(await page.locator('main .choices').count()).toBe(0);
    await page.locator('#step-start').waitFor();
    const left = await deviceStorage(page);
    expect(left.local).toEqual([]);
    expect(left.idb).toHaveLength(1);
    expect(String(left.idb[0])).toMatch(/^outbox:/);
    expect(await shown(page)).not.toContain(secret);
    expect(missing).toEqual([]);
    // Back online, the first child's answers go, and only theirs.
    await ctx.setOffline(false);
    await waitForResponses(wave.waveId, 1);
    const stored = await env.srv.responses(wave.waveId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual(asStored({ age: 6, ...given }));
    await ctx.close();
  });
});

describe('one tap, one question', () => {
  it('ignores the second tap of a double tap 80, 150 or 250 ms apart (4-7 faces, touch)', async () => {
    const ctx = await newContext(env.browser, { viewport: TABLET, hasTouch: true });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 5);
    await walk(page, i47, {}, { stopAt: 'q-carer_trust' });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
    const tapFace = async (n: number) => {
      const box = (await page.locator('.choices button.choice').nth(n).boundingBox())!;
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    };
    const gaps: number[] = [];
    for (const [gap, from, next, after] of [
      [80, 'q-carer_trust', 'q-carer_notice', 'q-good_friend'],
      [150, 'q-good_friend', 'q-understand_why', 'q-like_school'],
      [250, 'q-like_school', 'q-fun_weekends', 'q-feel_safe'],
    ] as const) {
      expect(await screenId(page)).toBe(from);
      await sleep(TAP_GUARD_MS + 100);
      const box = (await page.locator('.choices button.choice').first().boundingBox())!;
      const t0 = Date.now();
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await sleep(gap - (Date.now() - t0));
      gaps.push(Date.now() - t0);
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      expect(await nextScreen(page, from)).toBe(next);
      // Once the question has been on screen long enough, a tap answers it: "no", the third face.
      await sleep(TAP_GUARD_MS + 100);
      expect(await screenId(page)).toBe(next);
      expect(await page.locator('.choices button[aria-pressed=true]').count()).toBe(0);
      await tapFace(2);
      expect(await nextScreen(page, next)).toBe(after);
    }
    // The second taps really came 80, 150 and 250 ms after the first (give or take a busy machine).
    gaps.forEach((g, i) => expect(g).toBeLessThan([80, 150, 250][i]! + 100));
    await walk(page, i47, {});
    await send(page);
    await waitForResponses(wave.waveId, 1);
    expect((await env.srv.responses(wave.waveId))[0]!.answers).toEqual({
      age: '5', carer_trust: 'yes', carer_notice: 'no', good_friend: 'yes', understand_why: 'no', like_school: 'yes', fun_weekends: 'no',
    });
    await ctx.close();
  });
});

describe('ages 4-7', () => {
  it.each([
    ['en', TABLET],
    ['ar', PHONE],
  ] as const)('(%s) a face or picture on every answer, an icon on skip, and a hand-over that says so', async (locale, viewport) => {
    const ctx = await newContext(env.browser, { viewport });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 7, { locale });
    await walk(page, i47, {}, { stopAt: 'step-handover' });
    const handover = await page.locator('main p').first().textContent();
    expect(handover).toBe(words(locale)['survey.handover_child']);
    if (locale === 'en') expect(handover).toMatch(/tap the face or picture .* tap the arrow to skip/);
    const bare: string[] = [];
    await page.locator('main .primary').click();
    await nextScreen(page, 'step-handover');
    await walk(page, i47, {}, {
      onScreen: async (id) => {
        const question = i47.questions.find((x) => `q-${x.id}` === id);
        if (!question) return;
        if ((await page.locator('.nav button.skip svg').count()) !== 1) bare.push(`${id}: skip`);
        if (question.scale === 'text') return;
        const choices = page.locator('.choices button.choice');
        for (let n = 0; n < (await choices.count()); n++)
          if ((await choices.nth(n).locator('svg').count()) !== 1) bare.push(`${id}: ${await choices.nth(n).textContent()}`);
      },
    });
    expect(bare).toEqual([]);
    await ctx.close();
  });
});

describe('the free-text question', () => {
  it('says who reads it, that nobody replies here, and whom to call, aloud too, in en, cy and ar', async () => {
    const ctx = await newContext(env.browser, { viewport: PHONE });
    await ctx.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(u.text);
      // A tablet with a voice for each language (Chromium here has none, and would play the shipped clips).
      speechSynthesis.getVoices = () => ['en-GB', 'cy-GB', 'ar'].map((lang) => ({ lang }) as SpeechSynthesisVoice);
    });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylbc');
    const contact = 'Freephone 01632 960001';
    env.srv.t.sqlite.prepare('UPDATE authorities SET contact = ? WHERE id = (SELECT authority_id FROM waves WHERE id = ?)').run(contact, wave.waveId);
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    const problems: Record<string, string[]> = {};
    for (const locale of ['en', 'cy', 'ar']) {
      const w = words(locale);
      await begin(page, 19, { locale });
      await walk(page, inst('ylbc-16-25'), {}, { stopAt: 'q-make_life_better' });
      const notice = await page.locator('#text-notice').innerText();
      // In Arabic the council's own words are set apart by isolates (FSI … PDI), drawn in their own order.
      const own = (v: string) => (locale === 'ar' ? `\u2068${v}\u2069` : v);
      const expected = [
        w['survey.text_readers']!.replace('{{authority}}', own(wave.authorityName)),
        w['survey.text_not_safe']!,
        w['help.council_contact']!.replace('{{authority}}', own(wave.authorityName)).replace('{{contact}}', own(contact)),
        w['help.emergency']!,
      ];
      for (const line of expected) expect(notice).toContain(line);
      expect(await page.locator('textarea').getAttribute('aria-describedby')).toContain('text-notice');
      await page.locator('main .listen').click();
      await page.waitForFunction(() => (window as unknown as { spoken: string[] }).spoken.length > 0);
      const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.splice(0));
      for (const line of expected) expect(spoken.join(' ')).toContain(line.replace(/[.!?]$/, ''));
      const v = await axe(page);
      if (v.length) problems[locale] = v;
      if (locale === 'en') {
        // The thank-you no longer promises that nobody can know: a name written here can be read.
        await page.locator('.nav button.skip').click();
        await send(page);
        expect(await shown(page)).not.toContain('Nobody will know');
        await page.locator('main .primary').click();
      } else await page.locator('header .leave-now').click();
    }
    expect(problems).toEqual({});
    await ctx.close();
  });
});

describe('smaller faults', () => {
  it('care leavers are not told about young children or children in care; offline, the thank-you still resets on time', async () => {
    const ctx = await newContext(env.browser, { viewport: TABLET, serviceWorkers: 'allow' });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylbc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await page.locator('#step-start').waitFor();
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    expect(await shown(page)).not.toContain('young child');
    expect(await axe(page)).toEqual([]);
    await begin(page, 20);
    await walk(page, inst('ylbc-16-25'), { leaver_home: 'own_place' });
    await ctx.setOffline(true);
    await page.clock.install();
    await send(page);
    await page.locator('.status.waiting').waitFor();
    const text = await shown(page);
    expect(text).not.toContain('children and young people');
    expect(text).toContain('young people leaving care');
    // Retries while offline flip the status to "Sending…" and back; the wait must not start again each time.
    for (let s = 0; s <= RESET_AFTER_MS / 1000 && (await page.locator('#step-end').count()); s++) {
      await page.clock.fastForward(1_000);
      await page.locator('.status.waiting, #step-start').first().waitFor();
    }
    await page.locator('#step-start').waitFor({ timeout: 1_000 });
    await ctx.close();
  });

  it('counts progress on across the 4-7 hand-over, and reads it with each question', async () => {
    const ctx = await newContext(env.browser, { viewport: PHONE });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 4);
    await walk(page, i47, {}, { stopAt: 'q-placement' });
    await expect(page.locator('.progress-text').textContent()).resolves.toBe('2 of 16');
    await walk(page, i47, { sw_know: 'no' }, { stopAt: 'q-carer_trust' });
    // sw_trust was passed over (the child does not know their social worker): 6 of the same 16.
    await expect(page.locator('.progress-text').textContent()).resolves.toBe('6 of 16');
    const described = await page.locator('main h1').getAttribute('aria-describedby');
    await expect(page.locator(`#${described}`).textContent()).resolves.toBe('6 of 16');
    await ctx.close();
  });

  it('an unknown code offers another code, not a pointless "Try again", as a button big enough to tap', async () => {
    const ctx = await newContext(env.browser, { viewport: PHONE });
    const page = await ctx.newPage();
    await page.goto(`${env.srv.base}/s/ZZZZZZZZ`);
    await page.getByText("We couldn't find a survey with this code.", { exact: false }).waitFor();
    expect(await page.locator('main button', { hasText: 'Try again' }).count()).toBe(0);
    const link = (await page.locator('main button.link-button', { hasText: 'Type a different code' }).boundingBox())!;
    expect(link.height).toBeGreaterThanOrEqual(48);
    expect(await axe(page)).toEqual([]);
    await ctx.close();
  });
});
