import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, makeTempDir, removeTempDir, runCli, writeCsv } from '../helpers/cli.js';
import { A, AUTHORITIES, WORRYING_TEXT, reportCsv } from '../helpers/report-data.js';
import { zipEntries } from '../helpers/zip.js';

// The Word report (`--format docx`) read back by LibreOffice (Debian's
// package, headless): it must open, and say what the HTML report says,
// with the charts as pictures. soffice runs once for the file.
let dir: string;
let docx: Buffer;
let text: string;

beforeAll(async () => {
  dir = makeTempDir('hearme-docx-');
  const { env } = freshDatabase(dir);
  for (const a of AUTHORITIES) expect((await runCli(['authority', 'add', '--code', a.code, '--name', a.name], env)).code).toBe(0);
  expect((await runCli(['import', writeCsv(dir, 'data.csv', reportCsv())], env)).code).toBe(0);
  // published figures, one with n (tested) and one without
  const national = 'source,period,programme,band,indicator,percent,n\nNational survey,2024,ylyc,11-17,feels_safe,70,400\nBright Spots,2023,ylyc,11-17,likes_bedroom,60,\n';
  expect((await runCli(['reference', 'import', writeCsv(dir, 'national.csv', national)], env)).code).toBe(0);
  const out = join(dir, 'report.docx');
  // the format follows the file's extension
  const made = await runCli(['report', '--authority', A.code, '--period', '2024', '--out', out], env);
  expect(made.stderr).toBe(`wrote ${out} (100 responses)\n`);
  expect(made.code).toBe(0);
  docx = readFileSync(out);
  // A profile of its own, so a LibreOffice already running elsewhere is not asked instead.
  await promisify(execFile)(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, out],
    { timeout: 170_000 },
  );
  text = readFileSync(join(dir, 'report.txt'), 'utf8');
}, 180_000);
afterAll(() => removeTempDir(dir));

describe('hearme report --format docx', () => {
  it('opens in LibreOffice with the HTML report\'s sections, figures and words', () => {
    for (const heading of [
      'How children in care in Middlesbrough say their lives are going',
      'Summary',
      'What got better since 2023',
      'Who answered',
      'Recovery',
      'Well-being scores',
      'Trends',
      'Breakdowns by gender and placement',
      'What children said',
      'How to read this report',
      'Many comparisons at once',
    ])
      expect(text, heading).toContain(heading);
    // A 2024: feel_safe 55 of 100 (2023: 30 of 100), +25 points; a table row holds them in order
    expect(text).toMatch(/Feels safe where they live\s+11-17\s+100\s+55\.0%[\s\S]{0,40}30\.0%\s+▲ \+25\.0 points\s+significantly better/);
    expect(text).toContain('100 children and young people answered');
    // breakdown cells in words, and what "small number" means
    expect(text).toContain('it does not mean that few children gave that answer');
    // children's words as text (masked), never the one the safeguarding list caught
    expect(text).toContain('<img src=x onerror="document.title=1">');
    expect(text).not.toContain('07700 900123');
    expect(text).not.toContain(WORRYING_TEXT);
    expect(text).toContain('1 answer is not shown here: the safeguarding word list caught it');
  });

  it('shows the published reference figures beside the benchmark, as the HTML report does', () => {
    expect(text).toContain('Published reference figures (from outside this system), beside Middlesbrough');
    // A: 55% feel safe against the national 70% of 400: -15 points, p = 0.0043 (worked in test/cli/reference.test.ts)
    expect(text).toMatch(/Feels safe where they live\s+11-17\s+National survey 2024\s+70\.0%\s+of 400\s+▼ -15\.0 points\s+significantly worse, p = 0\.004/);
    // no n: the difference (55 - 60), not tested
    expect(text).toMatch(/Likes their bedroom\s+11-17\s+Bright Spots 2023\s+60\.0%\s+-5\.0 points\s+not tested \(no number answered given\)/);
  });

  it('carries every chart as a picture with its description', () => {
    const files = zipEntries(docx);
    const pictures = [...files.keys()].filter((n) => /^word\/media\/.+\.png$/.test(n));
    // five domain bar charts and one trend chart per domain with two rounds shown (2023, 2024)
    expect(pictures.length).toBeGreaterThanOrEqual(6);
    for (const name of pictures) {
      const png = files.get(name)!;
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // drawn at twice its width on the page (600 px, or 295 for a trend panel), so it prints sharp
      expect(png.readUInt32BE(16), name).toBeGreaterThanOrEqual(2 * 295);
    }
    const body = files.get('word/document.xml')!.toString('utf8');
    expect(body.match(/<wp:docPr [^>]*descr="Bar chart of [^"]+"/g)).toHaveLength(5);
    expect(body).toMatch(/descr="Line chart of /);
  });

  it('fits the page: fixed column widths within the margins, pictures no larger than a page, trend panels two to a line, headings kept with what follows', () => {
    const body = zipEntries(docx).get('word/document.xml')!.toString('utf8');
    // A4 less 1-inch margins: 9026 twips wide; pictures in EMU (9525 a pixel): 600 px wide, 820 tall at most
    const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.length).toBeGreaterThan(1);
      expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9026);
    }
    const pictures = [...body.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => ({ width: Number(m[1]) / 9525, height: Number(m[2]) / 9525 }));
    expect(pictures.length).toBeGreaterThanOrEqual(6);
    for (const p of pictures) {
      expect(p.width).toBeLessThanOrEqual(600);
      expect(p.height).toBeLessThanOrEqual(820);
    }
    // a domain's trend panels (a line chart per age band) share a paragraph, each at most half the page's width: two to a line
    const paragraphs = [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    const trendLines = paragraphs.filter((p) => p.includes('descr="Line chart of '));
    expect(trendLines.length).toBeGreaterThan(0);
    for (const p of trendLines) for (const [, cx] of p.matchAll(/<wp:extent cx="(\d+)"/g)) expect(Number(cx) / 9525).toBeLessThanOrEqual(300);
    // every heading is kept with what follows it, so none is left alone at a page's foot
    const headings = paragraphs.filter((p) => /<w:pStyle w:val="Heading[12]"\/>/.test(p));
    expect(headings.length).toBeGreaterThan(10);
    for (const h of headings) expect(h).toContain('<w:keepNext/>');
  });

  it('needs --out: a Word document is not written to standard output (exit 2)', async () => {
    const r = await runCli(['report', '--authority', A.code, '--period', '2024', '--format', 'docx'], freshDatabase(dir, 'other').env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format docx needs --out FILE');
  });
});
