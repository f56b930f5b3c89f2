/// <reference lib="dom" />
// The DOM types are for the callbacks that page.evaluate runs in the browser.
// Drives the child survey in a real browser the way a child would: one
// tap a screen. Questions are recognised by their heading's id (q-<id>),
// answers chosen by position, so the same driver works in every locale.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { scaleOf, type Instrument, type Question } from '../../surveys/index.js';
import { axeViolations } from './browser.js';

/**
 * A fresh context (its own storage) whose every wait gives up after 30 s
 * with the step named, well inside the test's own time limit, so a slow
 * shared CI machine reports what it was waiting for.
 *
 * Without the service worker unless asked (`serviceWorkers: 'allow'`): on
 * every round it opens, the worker keeps every locale's spoken clips for
 * offline use, hundreds of requests that only the tests of offline use
 * need, and that otherwise load the server and the browser under every
 * other test (and go on after the test, until its context is closed).
 */
export async function newContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ serviceWorkers: 'block', ...options });
  ctx.setDefaultTimeout(30_000);
  return ctx;
}

export type Plan = Record<string, string | number | 'skip'>;

/** Which screen shows: `q-<question>`, `step-<name>`, or `school-heading`. Waits for a heading. */
export async function screenId(page: Page): Promise<string> {
  const h1 = page.locator('main h1');
  await h1.waitFor();
  return (await h1.getAttribute('id')) ?? '';
}

/** Waits until the screen is no longer `previous`. */
export async function nextScreen(page: Page, previous: string): Promise<string> {
  await page.waitForFunction((prev) => document.querySelector('main h1')?.id !== prev, previous);
  return screenId(page);
}

/** A varied, valid answer for every question but age (answered at the start); every fifth is skipped. */
export function planFor(inst: Instrument, skipEvery = 5): Plan {
  const plan: Plan = {};
  inst.questions.forEach((q, i) => {
    if (q.id === 'age') return;
    if (i % skipEvery === skipEvery - 1) return void (plan[q.id] = 'skip');
    const scale = scaleOf(q);
    if (scale.kind === 'options') plan[q.id] = scale.options[i % scale.options.length]!;
    else if (scale.kind === 'integer') plan[q.id] = scale.min + (i % (scale.max - scale.min + 1));
    else if (scale.kind === 'text') plan[q.id] = `Answer to ${q.id}: more time with my friends`;
  });
  return plan;
}

/** Gives one answer on the current question screen by position, or skips it. */
export async function answer(page: Page, q: Question, value: string | number | 'skip'): Promise<void> {
  const section = page.locator('section.question');
  if (value === 'skip') return section.locator('.nav button').nth(1).click();
  const scale = scaleOf(q);
  if (scale.kind === 'text') {
    await section.locator('textarea').fill(String(value));
    return section.locator('button[type=submit]').click();
  }
  const index = scale.kind === 'options' ? (scale.options as readonly string[]).indexOf(String(value)) : Number(value) - (scale.kind === 'integer' ? scale.min : 0);
  if (index < 0) throw new Error(`${String(value)} is not an answer to ${q.id}`);
  await section.locator('.choices button.choice').nth(index).click();
}

/** Starts at the start screen: picks the language (if given) and the age, and for 11 the school. */
export async function begin(page: Page, age: number, opts: { locale?: string; secondary?: boolean } = {}): Promise<void> {
  await page.locator('#step-start').waitFor();
  if (opts.locale) {
    await page.locator(`.languages button[lang=${opts.locale}]`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, opts.locale);
  }
  await page.locator('.ages button').filter({ hasText: new RegExp(`^${age}$`) }).click();
  if (opts.secondary !== undefined) {
    await page.locator('#school-heading').waitFor();
    await page.locator('.choices button').nth(opts.secondary ? 1 : 0).click();
  }
  await page.waitForFunction(() => !['step-start', 'school-heading', ''].includes(document.querySelector('main h1')?.id ?? ''));
}

export interface WalkOptions {
  /** Called on every screen before it is answered (for axe, screenshots). */
  onScreen?: (id: string) => Promise<void>;
  /** Stop (without answering) when this screen shows. */
  stopAt?: string;
}

/** What one step of a walk taps: the nth element matching a selector, after typing `text` into the question's box. */
interface Tap {
  selector: string;
  nth: number;
  text?: string;
}

/** The tap that gives this answer on a question screen (by position, as answer() does). */
function tapFor(q: Question, value: string | number | 'skip'): Tap {
  if (value === 'skip') return { selector: 'section.question .nav button', nth: 1 };
  const scale = scaleOf(q);
  if (scale.kind === 'text') return { selector: 'section.question button[type=submit]', nth: 0, text: String(value) };
  const nth = scale.kind === 'options' ? (scale.options as readonly string[]).indexOf(String(value)) : Number(value) - (scale.kind === 'integer' ? scale.min : 0);
  if (nth < 0) throw new Error(`${String(value)} is not an answer to ${q.id}`);
  return { selector: 'section.question .choices button.choice', nth };
}

/**
 * Taps and waits for the next screen in one round trip to the page, for
 * walks through screens a test is not about: Playwright's click and wait
 * take about ten, which made walking the suite's largest cost. The tap
 * still has to land: the button must be on screen and the topmost thing at
 * its centre (what a finger would hit), as Playwright's click checks. It is
 * a click without a pointer (as a switch or keyboard gives), which the
 * one-tap guard always counts; taps by finger are tested with answer().
 */
async function tapThenNext(page: Page, tap: Tap, current: string): Promise<string> {
  return page.evaluate(
    async ({ tap, current }) => {
      if (tap.text !== undefined) {
        const box = document.querySelector<HTMLTextAreaElement>('section.question textarea')!;
        box.value = tap.text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        // The screen takes the words when it next renders, before the tap.
        await new Promise((r) => setTimeout(r, 0));
      }
      return new Promise<string>((resolve, reject) => {
        const target = document.querySelectorAll<HTMLElement>(tap.selector)[tap.nth];
        if (!target) return reject(new Error(`${current}: no ${tap.selector} number ${tap.nth + 1}`));
        target.scrollIntoView({ block: 'center' });
        const r = target.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        if (!hit || !target.contains(hit)) return reject(new Error(`${current}: ${tap.selector} number ${tap.nth + 1} is covered by ${hit?.outerHTML.slice(0, 100)}`));
        const seen = () => {
          const id = document.querySelector('main h1')?.id;
          if (!id || id === current) return false;
          observer.disconnect();
          clearTimeout(timer);
          resolve(id);
          return true;
        };
        const observer = new MutationObserver(seen);
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${current}: no next screen 30 s after the tap`));
        }, 30_000);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['id'] });
        target.click();
        seen();
      });
    },
    { tap, current },
  );
}

/** Answers screens by the plan until the review screen (or `stopAt`); returns the answers given. */
export async function walk(page: Page, inst: Instrument, plan: Plan, opts: WalkOptions = {}): Promise<Record<string, string | number>> {
  const given: Record<string, string | number> = {};
  let id = await screenId(page);
  for (let guard = 0; guard < 200; guard++) {
    await opts.onScreen?.(id);
    if (id === opts.stopAt || id === 'step-review') return given;
    let tap: Tap = { selector: 'main .primary', nth: 0 };
    if (id.startsWith('q-')) {
      const q = inst.questions.find((x) => x.id === id.slice(2));
      if (!q) throw new Error(`unknown question screen ${id}`);
      const value = plan[q.id] ?? 'skip';
      tap = tapFor(q, value);
      if (value !== 'skip') given[q.id] = value;
    }
    id = await tapThenNext(page, tap, id);
  }
  throw new Error('survey did not end');
}

/** Answers "Are you still answering?" (shown for a survey left on the device): Yes, carry on (or No, start again). */
export async function stillThere(page: Page, carryOn: boolean): Promise<void> {
  await page.locator('#step-still-there').waitFor();
  await page.locator('.still-there .choices button').nth(carryOn ? 0 : 1).click();
  await page.waitForFunction(() => !['step-still-there', ''].includes(document.querySelector('main h1')?.id ?? ''));
}

/**
 * Lets a new screen's effects run before a test jumps the page's fake clock
 * (page.clock). Preact runs effects just after paint, on a timer that the
 * fake clock holds too: a jump taken before it fires leaves the screen's own
 * timer (idle, "still there") set after the jump, due only after its whole
 * length in real time.
 */
export async function settle(page: Page): Promise<void> {
  await page.clock.runFor(500);
}

/** Sends from the review screen and waits for the thank-you. */
export async function send(page: Page): Promise<void> {
  await page.locator('#step-review').waitFor();
  await page.locator('main .primary').click();
  await page.locator('#step-end').waitFor();
}

/**
 * For a page whose Listen is heard to its end: the shipped clips play at
 * sixteen times their speed (the most Chromium allows), so a screen read
 * aloud takes a second, not ten; what is played, and in what order, is unchanged.
 */
export async function playClipsFast(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      this.playbackRate = 16;
      return play.call(this);
    };
  });
}

/** Stands in for a tablet that has an English voice (an init script): notes what it was asked to say, each line said in 50 ms. */
export const ENGLISH_VOICE = `
  window.__said = [];
  const voice = { lang: 'en-GB', name: 'Tablet English', default: true, localService: true, voiceURI: 'tablet-en' };
  speechSynthesis.getVoices = () => [voice];
  speechSynthesis.speak = (u) => { window.__said.push(u.text); setTimeout(() => u.onend && u.onend(new Event('end')), 50); };
`;

/** Taps a speaker (Listen) and waits until it has finished: pressed while speaking, then not. */
export async function hear(page: Page, selector: string): Promise<void> {
  const button = page.locator(selector).first();
  await button.click();
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-pressed') === 'true', selector, { polling: 'raf' });
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-pressed') === 'false', selector);
}

/** axe-core with the WCAG 2.2 AA rules; returns the violations, summarised. */
export async function axe(page: Page): Promise<string[]> {
  const violations = await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Everything the app keeps on the device: IndexedDB's entries (key and value),
 * localStorage's keys, and how many service workers are registered.
 */
export async function deviceContents(page: Page): Promise<{ idb: [IDBValidKey, unknown][]; local: string[]; workers: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('hearme-survey', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('kv');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
      const tx = db.transaction('kv');
      const k = tx.objectStore('kv').getAllKeys();
      const v = tx.objectStore('kv').getAll();
      tx.oncomplete = () => resolve([k.result, v.result]);
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const idb = keys.map((key, i) => [key, values[i]] as [IDBValidKey, unknown]);
    return { idb, local: Object.keys(localStorage), workers: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0 };
  });
}

/** Everything the app keeps in IndexedDB (its keys) and localStorage. */
export async function deviceStorage(page: Page): Promise<{ idb: unknown[]; local: string[] }> {
  const { idb, local } = await deviceContents(page);
  return { idb: idb.map(([key]) => key), local };
}

/** Puts an entry in the app's device store, as the app would (a finished survey waiting in the outbox, say). */
export async function putOnDevice(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('hearme-survey', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onsuccess = () => {
          const tx = req.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(v, k);
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    [key, value] as const,
  );
}

/** The stored form of answers: text, as the answers table holds them. */
export function asStored(answers: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, String(v)]));
}
