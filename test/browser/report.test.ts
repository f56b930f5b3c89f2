import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { freshDatabase, makeTempDir, removeTempDir, runCli, writeCsv } from '../helpers/cli.js';
import { A, AUTHORITIES, reportCsv } from '../helpers/report-data.js';

// The HTML report in real Chromium: it must draw every chart without a
// console error, keep children's text inert, and print to A4 pages.
// REPORT_SCREENSHOTS=folder keeps the screenshots and PDF for a person to look at.
let dir: string;
let browser: Browser;
let htmlPath: string;

beforeAll(async () => {
  dir = makeTempDir('hearme-report-browser-');
  const { env } = freshDatabase(dir);
  for (const a of AUTHORITIES) await runCli(['authority', 'add', '--code', a.code, '--name', a.name], env);
  expect((await runCli(['import', writeCsv(dir, 'data.csv', reportCsv())], env)).code).toBe(0);
  htmlPath = join(dir, 'report.html');
  expect((await runCli(['report', '--authority', A.code, '--period', '2024', '--format', 'html', '--out', htmlPath], env)).code).toBe(0);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  removeTempDir(dir);
});

const keep = process.env.REPORT_SCREENSHOTS;

describe('HTML report in Chromium', () => {
  it('draws every chart, with no console errors, no network requests and no accessibility violations', async () => {
    // a context of its own: axe needs one made with browser.newContext()
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request ${r.url()}`));
    await page.goto(`file://${htmlPath}`);
    await page.waitForSelector('html[data-charts="drawn"]', { timeout: 10_000 });

    const charts = (await page.evaluate(`(() => {
      const specs = JSON.parse(document.getElementById('report-chart-data').textContent);
      return [...document.querySelectorAll('canvas')].map((c) => {
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
        // a chart, or a row of small charts, is followed by the table of its figures
        const next = (c.closest('.chart-row') || c.parentElement).nextElementSibling;
        return { id: c.id, width: c.width, height: c.height, inked, tableAfter: next && next.tagName === 'TABLE', specs: specs.length };
      });
    })()`)) as { id: string; width: number; height: number; inked: number; tableAfter: boolean; specs: number }[];
    // five domain bar charts and, with two rounds, trend lines for the domains that have two shown points
    expect(charts.length).toBe(charts[0]!.specs);
    expect(charts.filter((c) => c.id.startsWith('chart-'))).toHaveLength(5);
    expect(charts.some((c) => c.id.startsWith('trend-'))).toBe(true);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(300);
      // a drawn chart has axes, bars and labels: far more than a few stray pixels
      expect(c.inked / (c.width * c.height), c.id).toBeGreaterThan(0.02);
      expect(c.tableAfter, `${c.id} is followed by its data table`).toBe(true);
    }
    // children's text stays text: no element made from it, nothing run
    expect(await page.evaluate(`document.querySelectorAll('blockquote *').length`)).toBe(0);
    expect(await page.title()).toBe('Hear Me 2024: Middlesbrough');
    expect(await page.locator('blockquote', { hasText: 'Ring me' }).textContent()).toContain('<img src=x onerror=');
    expect(problems).toEqual([]);
    // and axe finds no accessibility problem (contrast, table headers, labels, scrollable regions…)
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);

    if (keep) {
      await page.screenshot({ path: join(keep, 'report-top.png') });
      await page.locator('#chart-recovery').screenshot({ path: join(keep, 'report-chart-recovery.png') });
    }
    await context.close();
  });

  it('prints to A4: the summary alone on page 1, each section from a new page', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${htmlPath}`);
    await page.waitForSelector('html[data-charts="drawn"]');
    await page.emulateMedia({ media: 'print' });
    const sections = (await page.evaluate(`document.querySelectorAll('section.page-break').length`)) as number;
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    if (keep) writeFileSync(join(keep, 'report.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
    // page 1 is the summary; "who answered" starts page 2; every page-break section starts a page of its own
    expect(sections).toBe(10);
    expect(pages).toBeGreaterThanOrEqual(2 + sections);
    // …and none runs away: each section fits in at most three pages here
    expect(pages).toBeLessThanOrEqual(2 + 3 * sections);
    // A4 is 210 × 297 mm, 595 × 842 points, on every page
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, w, h] of boxes) {
      expect(Number(w)).toBeCloseTo(595, 0);
      expect(Number(h)).toBeCloseTo(842, 0);
    }
    await page.close();
  });

  it('is one self-contained file', () => {
    const html = readFileSync(htmlPath, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain('Chart.js v4');
  });
});
