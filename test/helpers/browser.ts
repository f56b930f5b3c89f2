// One way to start Debian's Chromium for browser tests, through
// playwright-core (never a downloaded browser): CHROMIUM_PATH or
// /usr/bin/chromium, headless, with nothing that reaches the network.
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
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
