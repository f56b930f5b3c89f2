// For a file of portal browser tests: the real app on a temporary SQLite
// file on a free port, the file's own data (seed), one Chromium, and pages
// signed in as a user, started before its tests and closed after them.
// Each page's console errors and uncaught exceptions are kept in
// `problems` for the tests to assert on. The portal's counterpart of
// surveyInBrowser() (survey-server.ts).
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { testApp, type TestApp } from './app.js';
import { releaseBrowser, useBrowser } from './browser.js';
import { sessionOf } from './portal.js';

export interface PortalBrowser {
  t: TestApp;
  base: string;
  browser: Browser;
  /** Console errors and page errors of every page opened, in order. */
  problems: string[];
  /**
   * A new browser context signed in as this user (a real session row, as
   * sign-in makes, without the deliberately slow password check), at
   * /portal#route when a route is given.
   */
  pageAs: (email: string, route?: string) => Promise<Page>;
}

export function portalInBrowser(env: Record<string, string>, seed: (t: TestApp) => Promise<void>): PortalBrowser {
  // A browser on a shared two-core machine: generous limits (each wait still gives up after 30 s, naming it).
  vi.setConfig({ testTimeout: 180_000 });
  const p = { problems: [] as string[] } as PortalBrowser;
  p.pageAs = async (email, route) => {
    const context = await p.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(30_000);
    const { cookie } = await sessionOf(p.t, email);
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: p.base }]);
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && p.problems.push(m.text()));
    page.on('pageerror', (e) => p.problems.push(e.message));
    if (route !== undefined) await page.goto(`${p.base}/portal#${route}`);
    return page;
  };
  beforeAll(async () => {
    // Chromium starts while the app is built and seeded.
    const launching = useBrowser();
    try {
      p.t = await testApp(env);
      await p.t.app.listen({ port: 0, host: '127.0.0.1' });
      p.base = `http://127.0.0.1:${(p.t.app.server.address() as AddressInfo).port}`;
      await seed(p.t);
    } finally {
      p.browser = await launching;
    }
  }, 120_000);
  afterAll(async () => {
    await releaseBrowser(p.browser);
    await p.t?.close();
  });
  return p;
}
