/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// Offline for every age band, in real Chromium: a tablet that opened a round
// online can start and finish any band's survey offline, not only the one
// it happened to open; the response waits on the tablet and is sent once
// the network is back. The spoken clips are kept too, so Listen works offline.
// On that tablet, whose service worker is installed and controls the survey's
// pages, a council's questionnaire previewed by staff (/s/preview/…) is the
// preview, never a kept survey, and leaves the child's survey and outbox alone.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { storeQuestionnaire } from '../../server/repos/questionnaires.js';
import { currentInstrument, type Instrument } from '../../surveys/index.js';
import { addUser, sessionOf } from '../helpers/portal.js';
import { begin, deviceContents, hear, planFor, putOnDevice, send, walk, newContext, playClipsFast } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

const STAFF = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));

const env = surveyInBrowser();
const inst = (id: string): Instrument => currentInstrument(id)!;

async function waitForResponses(waveId: number, n: number) {
  for (let i = 0; i < 300; i++) {
    if ((await env.srv.responses(waveId)).length >= n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} responses`);
}

describe('offline for every age band', () => {
  /** The tablet of the first test: its service worker installed, the round and every clip kept. */
  let ctx: BrowserContext;
  let page: Page;
  let wave: Awaited<ReturnType<typeof env.srv.wave>>;

  it('after an 8-11 survey online, starts and finishes a 4-7 survey offline, and sends it when back online', async () => {
    ctx = await newContext(env.browser, { viewport: { width: 768, height: 1024 }, serviceWorkers: 'allow' });
    page = await ctx.newPage();
    await playClipsFast(page);
    wave = await env.srv.wave('ylyc');
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    await begin(page, 9);
    await walk(page, inst('ylyc-8-11'), planFor(inst('ylyc-8-11')));
    await send(page);
    await page.locator('.status.sent').waitFor();
    // The service worker keeps every clip the manifest lists once the round is open.
    await page.waitForFunction(async () => {
      const m = (await (await fetch('/survey/audio/manifest.json')).json()) as { locales: Record<string, Record<string, { pieces: string[] }>> };
      const want = new Set(Object.values(m.locales).flatMap((l) => Object.values(l).flatMap((e) => e.pieces.filter((p) => !p.startsWith('{{')))));
      let kept = 0;
      for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) if (want.has(new URL(r.url).pathname.slice('/survey/audio/'.length))) kept++;
      return kept >= want.size;
    }, null, { polling: 500, timeout: 60_000 });
    // The next child, on a tablet that has lost its connection.
    await ctx.setOffline(true);
    await page.reload();
    await begin(page, 6);
    // Heard offline, from the clips the tablet kept (Chromium has no voice of its own).
    await hear(page, 'button.listen');
    expect(await page.locator('button.listen').first().getAttribute('class')).not.toContain('none');
    const i4 = inst('ylyc-4-7');
    const given = await walk(page, i4, planFor(i4));
    await send(page);
    await page.locator('.status.waiting').waitFor();
    expect(await env.srv.responses(wave.waveId)).toHaveLength(1);
    await ctx.setOffline(false);
    await page.locator('.status.sent').waitFor();
    await waitForResponses(wave.waveId, 2);
    const stored = await env.srv.responses(wave.waveId);
    expect(stored.map((r) => r.instrument).sort()).toEqual(['ylyc-4-7', 'ylyc-8-11']);
    const young = stored.find((r) => r.instrument === 'ylyc-4-7')!;
    expect(young.answers.age).toBe('6');
    expect(Object.keys(young.answers).length).toBe(Object.keys(given).length + 1);
  });

  it('on that tablet, a preview of a questionnaire is the preview (not a kept survey), and leaves the survey left half-way and the outbox alone', async () => {
    await storeQuestionnaire(env.srv.t.db, STAFF, null);
    await addUser(env.srv.t, 'officer@example.org', 'programme_admin');
    const [name, value] = (await sessionOf(env.srv.t, 'officer@example.org')).cookie.split('=') as [string, string];
    await ctx.addCookies([{ name, value, url: env.srv.base }]);
    // A child's survey left half-way on the tablet, and a finished one waiting to be sent.
    await page.goto(`${env.srv.base}/s/${wave.code}`);
    await begin(page, 9);
    const waiting = { body: { id: 'waiting-on-this-tablet', code: wave.code, instrument: 'ylyc-8-11', version: 1, answers: { age: 9 } } };
    await putOnDevice(page, `outbox:${waiting.body.id}`, waiting);
    const before = await deviceContents(page);
    expect(before.idb.map(([key]) => key).sort()).toEqual(['current', 'outbox:waiting-on-this-tablet']);
    expect(before.workers).toBe(1);
    // Put away (its sender would send what waits); staff open the preview on the same tablet.
    await page.close();
    const tab = await ctx.newPage();
    const asked: string[] = [];
    tab.on('request', (r) => asked.push(`${r.method()} ${new URL(r.url()).pathname}`));
    const opened = await tab.goto(`${env.srv.base}/s/preview/bh-staff/1`);
    // The service worker controls the tab, and gave it neither the page nor a kept survey: the server's preview.
    expect(await tab.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    expect(opened?.fromServiceWorker()).toBe(false);
    const previewOn = async (id: string) => {
      await tab.locator(`main h1#${id}`).waitFor();
      expect(await tab.locator('header .preview-mark').count()).toBe(1);
    };
    await previewOn('step-start');
    await tab.locator('main .primary').click();
    await previewOn('q-role');
    await tab.locator('.choices button.choice').first().click();
    await previewOn('q-time_for_children');
    // Reloaded, it starts the preview again: not the survey left on the tablet, not the offline page.
    await tab.reload();
    await previewOn('step-start');
    expect(await tab.locator('main').textContent()).not.toContain(wave.authorityName);
    // Nothing sent, nothing asked of the round; the device's store as it was, the worker still the one.
    expect(asked.filter((a) => a.includes('/api/'))).toEqual(Array(2).fill('GET /api/portal/questionnaires/bh-staff/respondent-view'));
    expect(await env.srv.responses(wave.waveId)).toHaveLength(2);
    expect(await deviceContents(tab)).toEqual(before);
    await ctx.close();
  });
});
