import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../reports/schema.js';
import { freshDatabase, makeTempDir, removeTempDir, runCli, writeCsv } from '../helpers/cli.js';
import { A, AUTHORITIES, reportCsv } from '../helpers/report-data.js';

// `hearme reference import`: published figures from outside this
// installation, all or nothing, shown in the report beside the benchmark.
let dir: string;
let env: { DATABASE_PATH: string };

beforeAll(async () => {
  dir = makeTempDir('hearme-reference-');
  env = freshDatabase(dir).env;
  for (const a of AUTHORITIES) expect((await runCli(['authority', 'add', '--code', a.code, '--name', a.name], env)).code).toBe(0);
  expect((await runCli(['import', writeCsv(dir, 'data.csv', reportCsv())], env)).code).toBe(0);
});
afterAll(() => removeTempDir(dir));

async function report(format = 'json'): Promise<string> {
  const r = await runCli(['report', '--authority', A.code, '--period', '2024', '--format', format], env);
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('hearme reference import', () => {
  it('refuses a file with a bad row, with its line and column, and stores nothing (exit 2)', async () => {
    const file = writeCsv(
      dir,
      'bad.csv',
      'source,period,programme,band,indicator,percent,n\nNational survey,2024,ylyc,11-17,feels_safe,70,400\nNational survey,2024,ylyc,11-17,likes_bedroom,120,\nNational survey,2024,ylyc,11-17,no_such,50,\n',
    );
    const r = await runCli(['reference', 'import', file], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 3, column percent: above 100');
    expect(r.stderr).toContain('line 4, column indicator: not an indicator of the question bank');
    expect(r.stderr).toContain('nothing stored');
    const a = ReportSchema.parse(JSON.parse(await report()));
    expect(a.indicators.every((i) => i.reference.length === 0)).toBe(true);
    // a missing column is named
    const noPercent = await runCli(['reference', 'import', writeCsv(dir, 'cols.csv', 'source,period,programme,band,indicator\nX,2024,ylyc,11-17,feels_safe\n')], env);
    expect(noPercent.code).toBe(2);
    expect(noPercent.stderr).toContain('line 1: missing column percent');
  });

  it('stores published figures; the report shows them beside the benchmark, tested only where n is given', async () => {
    const file = writeCsv(
      dir,
      'national.csv',
      'source,period,programme,band,indicator,percent,n\nNational survey,2024,ylyc,11-17,feels_safe,70,400\nBright Spots,2023,ylyc,11-17,likes_bedroom,60,\n',
    );
    const r = await runCli(['reference', 'import', file], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ imported: 2 });
    const a: Report = ReportSchema.parse(JSON.parse(await report()));
    const safe = a.indicators.find((i) => i.id === 'feels_safe' && i.band === '11-17')!;
    // A: 55 of 100 feel safe; the national 70% of 400 is 280. Pooled p = 335/500 = 0.67,
    // se = sqrt(0.67 × 0.33 × (1/400 + 1/100)) = 0.05257, z = 0.15 / 0.05257 = 2.853, two-sided p = 0.0043
    expect(safe.reference).toHaveLength(1);
    expect(safe.reference[0]).toMatchObject({ source: 'National survey', period: '2024', percent: 70, n: 400, difference: -15, significant: true });
    expect(safe.reference[0]!.pValue).toBeCloseTo(0.0043, 4);
    // no n: a difference (55 - 60 = -5 points), but no test
    const bedroom = a.indicators.find((i) => i.id === 'likes_bedroom' && i.band === '11-17')!;
    expect(bedroom.reference).toEqual([{ source: 'Bright Spots', period: '2023', percent: 60, n: null, difference: -5, pValue: null, significant: null }]);
    // importing again replaces, not duplicates
    expect((await runCli(['reference', 'import', writeCsv(dir, 'again.csv', 'source,period,programme,band,indicator,percent\nBright Spots,2023,ylyc,11-17,likes_bedroom,62\n')], env)).code).toBe(0);
    const again = ReportSchema.parse(JSON.parse(await report()));
    expect(again.indicators.find((i) => i.id === 'likes_bedroom' && i.band === '11-17')!.reference.map((f) => f.percent)).toEqual([62]);
    // the HTML labels each with its source
    const html = await report('html');
    expect(html).toContain('Published reference figures (from outside this system)');
    expect(html).toMatch(/<td>National survey 2024<\/td><td class="num">70\.0%<br><span class="note">of 400<\/span><\/td><td class="num"><span class="up-bad">▼ -15\.0 points/);
    expect(html).toContain('not tested (no number answered given)');
    // the one-page summary: the notable ones (tested and significant first), with the figure here beside the published one
    const summary = await report('summary-html');
    expect(summary).toContain('<h2>Against published figures</h2>');
    const rows = [...summary.matchAll(/<tr><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]+) <span class="lede">([^<]+)<\/span><\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['Feels safe where they live (11-17)', '55.0%', '70.0%', 'National survey 2024', '-15.0 points, significantly worse'],
      ['Likes their bedroom (11-17)', '55.0%', '62.0%', 'Bright Spots 2023', '-7.0 points, not tested (no number answered given)'],
    ]);
  });
});
