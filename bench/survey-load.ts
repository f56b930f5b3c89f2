/// <reference lib="dom" />
// The DOM types are for the functions page.evaluate runs in the browser.
// How fast is the child survey on a poor tablet on a poor connection?
// Real Chromium with the network at 1.6 Mbps / 150 ms RTT and the CPU 4x
// slower (Chrome DevTools Protocol), against the real server and database.
// Prints, over several cold loads (no cache, no service worker):
//   - bytes received before the age buttons are tappable (on the wire, as
//     Chromium counts them: headers and compressed bodies),
//   - open → age buttons tappable: drawn on screen (in a painted frame,
//     with their style) with the page's tap keeper running, so a tap is
//     acted on (at once, or by the app as soon as its script has run),
//   - open → age buttons on screen: the same, but from the time the frame
//     showing them was presented (the first contentful paint's own time, or
//     their first frame if later) instead of when the page's script was told,
//     which waits behind whatever the main thread does next (the app starting),
//   - open → app running (its script has taken the screen over),
//   - age tap (made the moment the buttons are tappable) → first survey
//     question on screen: the tap really leads to the first question,
//   - tap → next question painted, for answer taps.
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/helpers/browser.js';
import { startSurveyServer } from '../test/helpers/survey-server.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, taps: { type: 'string', default: '12' } } });
const RUNS = Number(values.runs);
const TAPS = Number(values.taps);
// 1.6 Mbps down, 750 kbps up, 150 ms latency (bytes per second for CDP).
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const CPU_SLOWDOWN = 4;

/**
 * Runs in the page before its scripts. Notes (ms since navigation start)
 * when the age buttons are first tappable: they are in the page, the page's
 * tap keeper (web/survey/early-taps.ts) or the app is there to act on a tap,
 * and a frame showing them has been painted (after the first contentful
 * paint, so with their style), as the page's script learns it; and when the
 * app has taken the screen over. Also, for "on screen": when the first frame
 * that has them (with the keeper) was done (the task after its animation
 * frame), and the first contentful paint's own time (when that frame was
 * presented, not when the page was told). `__tappable` resolves a promise the
 * bench awaits through the DevTools protocol, so that nothing of the bench's
 * own (Playwright's injected script, a few hundred KB) runs in the page while
 * it loads.
 */
const WATCH_FIRST_TAPPABLE = `
  let painted = false;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') { painted = true; window.__fcp = e.startTime; }
  }).observe({ type: 'paint', buffered: true });
  let tappable;
  window.__tappableP = new Promise((resolve) => (tappable = resolve));
  const check = () => {
    const early = window.hearmeEarly;
    const there = early && document.querySelector('.ages button');
    if (there && window.__framed === undefined) {
      window.__framed = null;
      setTimeout(() => { window.__framed = performance.now(); });
    }
    if (early?.started && window.__appRunning === undefined) window.__appRunning = performance.now();
    if (window.__tappable === undefined && there && painted) tappable((window.__tappable = performance.now()));
    if (window.__tappable === undefined || window.__appRunning === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

/** Waits in the page for `__tappable` through the DevTools protocol (no Playwright script in the page); returns it. */
async function whenTappable(cdp: import('playwright-core').CDPSession): Promise<number> {
  const until = Date.now() + 60_000;
  for (;;) {
    // Right after the commit the new document's context may not be the one evaluated in yet: ask again.
    const got = await cdp
      .send('Runtime.evaluate', { expression: 'window.__tappableP', awaitPromise: true, returnByValue: true })
      .catch(() => undefined);
    if (typeof got?.result.value === 'number') return got.result.value;
    if (Date.now() > until) throw new Error('the age buttons never became tappable');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** In the page: clicks a button, waits for a new heading, then the next frame; returns the milliseconds. */
function tapAndWait(selector: string): Promise<number> {
  return new Promise((resolve) => {
    const before = document.querySelector('main h1')?.id;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      const h1 = document.querySelector('main h1');
      if (h1 && h1.id !== before) {
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, attributes: true });
    (document.querySelector(selector) as HTMLElement).click();
  });
}

/** Counts what Chromium receives, per request, and when each finished (wall clock, ms). */
async function watchBytes(cdp: import('playwright-core').CDPSession) {
  const started = new Map<string, { url: string; offset: number }>();
  const done: { url: string; bytes: number; at: number }[] = [];
  cdp.on('Network.requestWillBeSent', (e) => started.set(e.requestId, { url: e.request.url, offset: e.wallTime - e.timestamp }));
  cdp.on('Network.loadingFinished', (e) => {
    const s = started.get(e.requestId);
    if (s) done.push({ url: s.url, bytes: e.encodedDataLength, at: (e.timestamp + s.offset) * 1000 });
  });
  /** Bytes of the requests that had finished by `wallMs`. */
  return (wallMs: number) => done.filter((d) => d.at <= wallMs);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (n=${xs.length})`;

const srv = await startSurveyServer();
const browser = await launchBrowser();
try {
  const load: number[] = [];
  const onScreen: number[] = [];
  const bytes: number[] = [];
  const first: number[] = [];
  const running: number[] = [];
  const taps: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const wave = await srv.wave('ylyc');
    const ctx = await browser.newContext({ viewport: { width: 768, height: 1024 }, serviceWorkers: 'block' });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    const finishedBy = await watchBytes(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.addInitScript(WATCH_FIRST_TAPPABLE);
    await page.goto(`${srv.base}/s/${wave.code}`, { waitUntil: 'commit' });
    await whenTappable(cdp);
    // Age 9 (the 8-11 survey, whose first questions are all buttons), tapped as soon as it can be.
    const tapped = page.evaluate(tapAndWait, '.ages button:nth-child(6)');
    const at = await page.evaluate(() => ({ ms: (window as unknown as { __tappable: number }).__tappable, origin: performance.timeOrigin }));
    first.push(await tapped);
    load.push(at.ms);
    // On screen: presented in the first contentful paint, or, if they came after it, in their first frame.
    onScreen.push(
      await page.evaluate(() => {
        const w = window as unknown as { __fcp: number; __framed: number };
        return Math.max(w.__fcp, w.__framed);
      }),
    );
    running.push(await page.evaluate(() => (window as unknown as { __appRunning: number }).__appRunning));
    const got = finishedBy(at.origin + at.ms);
    bytes.push(got.reduce((a, d) => a + d.bytes, 0));
    if (run === 0) for (const d of got) console.log(`  ${String(d.bytes).padStart(7)} B at ${(d.at - at.origin).toFixed(0)} ms  ${new URL(d.url).pathname}`);
    for (let i = 0; i < TAPS; i++) taps.push(await page.evaluate(tapAndWait, '.choices button.choice'));
    await ctx.close();
  }
  console.log(`child survey, ${RUNS} cold loads, network 1.6 Mbps / 150 ms RTT, CPU ${CPU_SLOWDOWN}x slower`);
  const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  console.log(`  received before age buttons tappable: median ${kib(median(bytes))}, min ${kib(Math.min(...bytes))}, max ${kib(Math.max(...bytes))}`);
  console.log(`  open → age buttons tappable:         ${fmt(load)}`);
  console.log(`  open → age buttons on screen:        ${fmt(onScreen)}`);
  console.log(`  open → app running:                  ${fmt(running)}`);
  console.log(`  age tap at tappable → first question: ${fmt(first)}`);
  console.log(`  tap → next question painted:         ${fmt(taps)}`);
} finally {
  await browser.close();
  await srv.close();
}
