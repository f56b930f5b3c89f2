/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// Offline for every age band, in real Chromium: a tablet that opened a round
// online can start and finish any band's survey offline, not only the one
// it happened to open; the response waits on the tablet and is sent once
// the network is back. The spoken clips are kept too, so Listen works offline.
import { describe, expect, it } from 'vitest';
import { currentInstrument, type Instrument } from '../../surveys/index.js';
import { begin, hear, planFor, send, walk, newContext } from '../helpers/survey-driver.js';
import { surveyInBrowser } from '../helpers/survey-server.js';

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
  it('after an 8-11 survey online, starts and finishes a 4-7 survey offline, and sends it when back online', async () => {
    const ctx = await newContext(env.browser, { viewport: { width: 768, height: 1024 }, serviceWorkers: 'allow' });
    const page = await ctx.newPage();
    const wave = await env.srv.wave('ylyc');
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
    await ctx.close();
  });
});
