// One way to start Debian's Chromium for browser tests, through
// playwright-core (never a downloaded browser): CHROMIUM_PATH or
// /usr/bin/chromium, headless, with nothing that reaches the network.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The features playwright-core (1.65) turns off with its own
 * `--disable-features`. Chromium keeps only the last of several such
 * switches, so ours must repeat them (test/unit/dependencies.test.ts checks
 * this list against the installed playwright-core).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Headless Chromium is the whole browser: every context opens a window
 * whose address bar preloads two pages of its own (chrome://omnibox-popup,
 * each in a renderer process of its own), about half a CPU-second a
 * context, a sixth of what a context costs. Nobody types into that address bar.
 */
const ADDRESS_BAR_POPUPS = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_POPUPS].join(',')}`,
];

/** A Chromium of its own (for benchmarks; tests share one through useBrowser()). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

let shared: Promise<Browser> | undefined;

/**
 * The test worker's Chromium, started by the first file that needs it and
 * kept for the files the worker runs after it (files share their worker's
 * modules: `isolate: false` in vitest.config.ts). Starting Chromium costs
 * about three CPU-seconds, a tenth of a browser test file's whole cost.
 * Each file keeps to its own contexts and gives the browser back with
 * releaseBrowser(); Playwright closes Chromium when the worker exits.
 */
export async function useBrowser(): Promise<Browser> {
  const current = shared && (await shared.catch(() => undefined));
  if (current?.isConnected()) return current;
  shared = launchBrowser();
  return shared;
}

/** Ends a file's use of the shared browser: closes every context (and page) it opened. */
export async function releaseBrowser(browser: Browser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((c) => c.close()));
}

/**
 * Asserts that the element with this id has focus. The pages move focus in
 * an effect, just after the new content is painted, so this waits a moment
 * for it before asserting.
 */
export async function expectFocusOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 }).catch(() => undefined);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The accessibility violations axe-core finds in the page: all its rules,
 * or those with these tags. axe-core is run in the page itself, put there
 * once per document. (@axe-core/playwright, used before, injected it into
 * the page and into a new blank page on every check, to finish the run
 * there: about ten times the cost of the check itself, a third of the time
 * of the browser tests.) Our pages have no frames, so one run sees it all.
 */
export async function axeViolations(page: Page, tags?: string[]): Promise<AxeResults['violations']> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { resultTypes: ['violations'], ...(tags && { runOnly: { type: 'tag', values: tags } }) };
  const results = await page.evaluate((o) => (window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }).axe.run(document, o), options);
  return results.violations;
}

/**
 * Keeps a screenshot for a person to look at, in the folder that
 * SCREENSHOTS names (`SCREENSHOTS=.scratch/screens npx vitest run test/browser`),
 * and only then: no test asserts on a picture, and a whole page's picture
 * costs Chromium about as much as the checks on that page.
 */
export async function keepScreenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await ('goto' in target ? target.screenshot({ path, ...options }) : target.screenshot({ path }));
}
