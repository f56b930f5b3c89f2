/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// The child survey never loses an answer, in real Chromium: skip and back,
// conditions, reload and resume, offline then online, server errors, a
// refusal shown to the adult, help that keeps the place, right-to-left
// Arabic, and a reset that leaves nothing behind.
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentInstrument, type Instrument } from '../../surveys/index.js';
import { expectFocusOn } from '../helpers/browser.js';
import { answer, asStored, begin, deviceStorage, nextScreen, planFor, screenId, send, stillThere, walk, newContext } from '../helpers/survey-driver.js';
import { surveyInBrowser, type SurveyServer } from '../helpers/survey-server.js';

const env = surveyInBrowser();

const inst = (id: string): Instrument => currentInstrument(id)!;
const q = (i: Instrument, id: string) => i.questions.find((x) => x.id === id)!;
const i8 = inst('ylyc-8-11');

async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ ctx: BrowserContext; page: Page; wave: Awaited<ReturnType<SurveyServer['wave']>> }> {
  const ctx = await newContext(env.browser, { viewport: { width: 375, height: 667 }, ...options });
  const page = await ctx.newPage();
  const wave = await env.srv.wave('ylyc');
  await page.goto(`${env.srv.base}/s/${wave.code}`);
  return { ctx, page, wave };
}

async function waitForResponses(waveId: number, n: number) {
  for (let i = 0; i < 200; i++) {
    if ((await env.srv.responses(waveId)).length >= n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} responses`);
}

const pressed = (page: Page) => page.locator('.choices button[aria-pressed=true]');

describe('moving through the survey', () => {
  it('skips, goes back and shows the earlier answer, and leaves skipped questions out', async () => {
    const { ctx, page, wave } = await open();
    await begin(page, 9);
    expect(await screenId(page)).toBe('q-gender');
    await expect(page.locator('.progress-text').textContent()).resolves.toBe('1 of 27');
    await answer(page, q(i8, 'gender'), 'skip');
    expect(await nextScreen(page, 'q-gender')).toBe('q-placement');
    await answer(page, q(i8, 'placement'), 'childrens_home');
    expect(await nextScreen(page, 'q-placement')).toBe('q-time_in_care');
    await expect(page.locator('.progress-text').textContent()).resolves.toBe('3 of 27');
    await page.locator('.nav button').first().click();
    expect(await nextScreen(page, 'q-time_in_care')).toBe('q-placement');
    await expect(pressed(page).textContent()).resolves.toBe("In a children's home");
    await page.locator('.nav button').first().click();
    expect(await nextScreen(page, 'q-placement')).toBe('q-gender');
    expect(await pressed(page).count()).toBe(0);
    // The new question's heading has focus.
    await expectFocusOn(page, 'q-gender');
    await answer(page, q(i8, 'gender'), 'female');
    await nextScreen(page, 'q-gender');
    const rest = await walk(page, i8, { placement: 'childrens_home' });
    expect(rest).toEqual({ placement: 'childrens_home' });
    await send(page);
    await waitForResponses(wave.waveId, 1);
    expect((await env.srv.responses(wave.waveId))[0]!.answers).toEqual({ age: '9', gender: 'female', placement: 'childrens_home' });
    await ctx.close();
  });

  it('hides questions whose condition is not met, and shows them again when the answer changes', async () => {
    const { ctx, page, wave } = await open();
    await begin(page, 10);
    await walk(page, i8, { gender: 'male', placement: 'foster_care', time_in_care: 'over_5_years' }, { stopAt: 'q-sw_know' });
    await answer(page, q(i8, 'sw_know'), 'no');
    // sw_trust and sw_contact are asked only when the child knows their social worker.
    expect(await nextScreen(page, 'q-sw_know')).toBe('q-sw_alone');
    // The total stays 27: the two hidden questions are passed over, not taken off.
    await expect(page.locator('.progress-text').textContent()).resolves.toBe('7 of 27');
    await page.locator('.nav button').first().click();
    await nextScreen(page, 'q-sw_alone');
    await answer(page, q(i8, 'sw_know'), 'yes');
    expect(await nextScreen(page, 'q-sw_know')).toBe('q-sw_trust');
    await expect(page.locator('.progress-text').textContent()).resolves.toBe('5 of 27');
    await answer(page, q(i8, 'sw_trust'), 'sometimes');
    await nextScreen(page, 'q-sw_trust');
    // Back to "no": the sw_trust answer no longer applies and must not be sent.
    await page.locator('.nav button').first().click();
    await nextScreen(page, 'q-sw_contact');
    await page.locator('.nav button').first().click();
    await nextScreen(page, 'q-sw_trust');
    await answer(page, q(i8, 'sw_know'), 'no');
    await nextScreen(page, 'q-sw_know');
    await walk(page, i8, {});
    await send(page);
    await waitForResponses(wave.waveId, 1);
    expect((await env.srv.responses(wave.waveId))[0]!.answers).toEqual({
      age: '10', gender: 'male', placement: 'foster_care', time_in_care: 'over_5_years', sw_know: 'no',
    });
    await ctx.close();
  });
});

describe('never losing an answer', () => {
  it('resumes at the same question with the same answers after a reload', async () => {
    const { ctx, page, wave } = await open();
    await begin(page, 8, { locale: 'cy' });
    await walk(page, i8, { gender: 'another_way', placement: 'family_or_friends' }, { stopAt: 'q-time_in_care' });
    await page.reload();
    await stillThere(page, true);
    expect(await screenId(page)).toBe('q-time_in_care');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    await page.locator('.nav button').first().click();
    await nextScreen(page, 'q-time_in_care');
    await expect(pressed(page).textContent()).resolves.toBe('Gyda theulu neu ffrindiau');
    await answer(page, q(i8, 'placement'), 'family_or_friends');
    await nextScreen(page, 'q-placement');
    await walk(page, i8, {});
    await send(page);
    await waitForResponses(wave.waveId, 1);
    expect((await env.srv.responses(wave.waveId))[0]!.answers).toEqual({ age: '8', gender: 'another_way', placement: 'family_or_friends' });
    await ctx.close();
  });

  it('finishes offline (even after a reload), says so, and stores exactly one response once back online', async () => {
    const { ctx, page, wave } = await open({ serviceWorkers: 'allow' });
    // The service worker must have the app shell before the network goes.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    await begin(page, 9);
    await walk(page, i8, { gender: 'female' }, { stopAt: 'q-placement' });
    await ctx.setOffline(true);
    await page.reload();
    await stillThere(page, true);
    expect(await screenId(page)).toBe('q-placement');
    const plan = planFor(i8);
    const given = await walk(page, i8, plan);
    await send(page);
    // The first try fails at once offline; until then the status says "Sending…".
    const status = page.locator('.status.waiting[role=status]');
    await status.waitFor();
    await expect(status.textContent()).resolves.toBe("Saved on this tablet, it will be sent when you're back online.");
    expect(await env.srv.responses(wave.waveId)).toHaveLength(0);
    await ctx.setOffline(false);
    await page.locator('.status.sent').waitFor();
    await waitForResponses(wave.waveId, 1);
    // Once the tablet has let go of the answers it has nothing left to send again.
    await expect.poll(async () => (await deviceStorage(page)).idb, { timeout: 15_000 }).toEqual([]);
    const stored = await env.srv.responses(wave.waveId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual(asStored({ age: 9, gender: 'female', ...given }));
    await ctx.close();
  });

  it('retries after the server answers 503 twice, then stores the response once', async () => {
    // Service workers are blocked so that page.route sees every POST the app makes.
    const { ctx, page, wave } = await open();
    const statuses: number[] = [];
    let failures = 0;
    await page.route('**/api/responses', async (route) => {
      if (failures < 2) {
        failures++;
        statuses.push(503);
        return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"busy"}' });
      }
      const response = await route.fetch();
      statuses.push(response.status());
      return route.fulfill({ response });
    });
    await begin(page, 11, { secondary: false });
    await walk(page, i8, { gender: 'male' }, { stopAt: 'q-time_in_care' });
    await walk(page, i8, {});
    await send(page);
    await page.locator('.status.sent').waitFor({ timeout: 15_000 });
    expect(statuses).toEqual([503, 503, 201]);
    expect(await env.srv.responses(wave.waveId)).toHaveLength(1);
    expect((await deviceStorage(page)).idb).toEqual([]);
    await ctx.close();
  });

  it('counts a 200 duplicate as sent when the first acknowledgement was lost on the way back', async () => {
    const { ctx, page, wave } = await open();
    const statuses: number[] = [];
    await page.route('**/api/responses', async (route) => {
      const response = await route.fetch();
      statuses.push(response.status());
      // The server stored the first try, but the tablet never hears so.
      if (statuses.length === 1) return route.fulfill({ status: 502, contentType: 'text/plain', body: 'bad gateway' });
      return route.fulfill({ response });
    });
    await begin(page, 13);
    await walk(page, inst('ylyc-11-17'), { gender: 'male', placement: 'foster_care' });
    await send(page);
    await page.locator('.status.sent').waitFor({ timeout: 15_000 });
    expect(statuses).toEqual([201, 200]);
    expect(await env.srv.responses(wave.waveId)).toHaveLength(1);
    expect((await deviceStorage(page)).idb).toEqual([]);
    await ctx.close();
  });

  it('shows a refusal (4xx) to the adult in plain words and keeps the answers', async () => {
    const { ctx, page, wave } = await open();
    await begin(page, 12);
    await walk(page, inst('ylyc-11-17'), { gender: 'female' }, { stopAt: 'q-placement' });
    // The wave closes while the child is answering.
    await sql`update waves set closes_on = '2000-01-01' where id = ${wave.waveId}`.execute(env.srv.t.db);
    await walk(page, inst('ylyc-11-17'), {});
    await send(page);
    await page.locator('.status.rejected').waitFor();
    await expect(page.locator('.refused p').textContent()).resolves.toContain('This survey has closed');
    expect((await deviceStorage(page)).idb).toHaveLength(1);
    await ctx.close();
  });
});

describe('help, languages and the next child', () => {
  it("shows the council's own contact when the council has given one", async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 375, height: 667 } });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    env.srv.t.sqlite.prepare("UPDATE authorities SET contact = 'Freephone 01632 960001' WHERE id = (SELECT authority_id FROM waves WHERE id = ?)").run(wave.waveId);
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await page.locator('.help-button').click();
    const dialog = page.locator('dialog.help[open]');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(`children's services at ${wave.authorityName}: Freephone 01632 960001`);
    await ctx.close();
  });

  it('opens help from a question and comes back to the same place', async () => {
    const { ctx, page } = await open();
    await begin(page, 9);
    await walk(page, i8, { gender: 'male', placement: 'foster_care' }, { stopAt: 'q-time_in_care' });
    await page.locator('.help-button').click();
    const dialog = page.locator('dialog.help[open]');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('0800 1111');
    await expect(dialog.locator('a[href="https://www.childline.org.uk"]').count()).resolves.toBe(1);
    await expect(dialog.textContent()).resolves.toContain(`children's services at Authority`);
    await dialog.locator('.primary').click();
    await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await page.locator('dialog.help[open]').count()).toBe(0);
    expect(await screenId(page)).toBe('q-time_in_care');
    await page.locator('.nav button').first().click();
    await nextScreen(page, 'q-time_in_care');
    await expect(pressed(page).textContent()).resolves.toBe('With a foster family');
    await ctx.close();
  });

  it('lays Arabic out right to left, faces and progress included', async () => {
    const { ctx, page } = await open();
    await begin(page, 5, { locale: 'ar' });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await walk(page, inst('ylyc-4-7'), {}, { stopAt: 'q-carer_trust' });
    expect(await page.locator('main h1').textContent()).toBe('هل تثق بالبالغين الذين تعيش معهم؟');
    const faces = page.locator('.choices button.choice');
    const first = (await faces.nth(0).boundingBox())!;
    const second = (await faces.nth(1).boundingBox())!;
    expect(first.x).toBeGreaterThan(second.x);
    const track = (await page.locator('.progress').boundingBox())!;
    const fill = (await page.locator('.progress span').boundingBox())!;
    expect(fill.x + fill.width).toBeCloseTo(track.x + track.width, 0);
    expect(fill.width).toBeLessThan(track.width);
    await ctx.close();
  });

  it('resets for the next child on its own, leaving no answers on the device', async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 768, height: 1024 } });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 16, { locale: 'cy' });
    await walk(page, inst('ylyc-11-17'), planFor(inst('ylyc-11-17')));
    expect((await deviceStorage(page)).idb).toEqual(['current']);
    // Fake timers from here only: the reset's timer starts when the answers are sent.
    await page.clock.install();
    await send(page);
    await page.locator('.status.sent').waitFor();
    await page.clock.fastForward(21_000);
    await page.locator('#step-start').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await deviceStorage(page)).toEqual({ idb: [], local: [] });
    expect(await env.srv.responses(wave.waveId)).toHaveLength(1);
    await ctx.close();
  });
});
