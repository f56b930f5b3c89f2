import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report, type ReportIndicator } from '../../reports/schema.js';
import { CSV_COLUMNS } from '../../reports/render/csv.js';
import { summarise } from '../../reports/render/summary.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderDocx } from '../../reports/render/docx.js';
import { renderSummaryHtml } from '../../reports/render/summary-html.js';
import { zipEntries } from '../helpers/zip.js';
import { responseRate } from '../../reports/build.js';
import { ALL_CSV_COLUMNS, buildCsv, freshDatabase, makeTempDir, removeTempDir, responseRow, runCli, writeCsv } from '../helpers/cli.js';
import { A, AUTHORITIES, B, C, D, WORRYING_TEXT, reportCsv } from '../helpers/report-data.js';

let dir: string;
let env: { DATABASE_PATH: string };

beforeAll(async () => {
  dir = makeTempDir('hearme-report-');
  env = freshDatabase(dir).env;
  for (const a of AUTHORITIES) expect((await runCli(['authority', 'add', '--code', a.code, '--name', a.name], env)).code).toBe(0);
  const imported = await runCli(['import', writeCsv(dir, 'data.csv', reportCsv())], env);
  expect(imported.stderr).not.toMatch(/line \d/);
  expect(imported.code).toBe(0);
  expect((await runCli(['wave', 'population', '--authority', A.code, '--period', '2024', '--band', '11-17=400'], env)).code).toBe(0);
});
afterAll(() => removeTempDir(dir));

async function reportJson(authority: string, extra: string[] = [], e: Record<string, string> = env): Promise<Report> {
  const r = await runCli(['report', '--authority', authority, '--period', '2024', '--format', 'json', ...extra], e);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return ReportSchema.parse(JSON.parse(r.stdout));
}

const find = (r: Report, id: string, band = '11-17'): ReportIndicator => r.indicators.find((i) => i.id === id && i.band === band)!;

describe('hearme report: figures worked by hand', () => {
  let a: Report;
  beforeAll(async () => {
    a = await reportJson(A.code);
  });

  it('counts responses and the response rate, flagging a rate under 30%', () => {
    expect(a.authority).toEqual(A);
    expect(a.comparePeriod).toBe('2023');
    expect(a.minBase).toBe(10);
    expect(a.responses).toEqual({ total: 100, byBand: { '4-7': 0, '8-11': 0, '11-17': 100 } });
    // 100 of 400 = 25.0%, under 30%
    expect(a.responseRate.byBand['11-17']).toEqual({ responses: 100, population: 400, rate: 25, low: true, populationLooksWrong: false });
    expect(a.responseRate.byBand['4-7']).toBeNull();
  });

  it('a population below the responses received is refused (exit 2), and a rate is never above 100%', async () => {
    const r = await runCli(['wave', 'population', '--authority', A.code, '--period', '2024', '--band', '11-17=5'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/5 is below the 100 responses already received for ages 11-17/);
    // the 400 entered before is still there
    expect((await reportJson(A.code)).responseRate.byBand['11-17']).toMatchObject({ population: 400, rate: 25 });
    // a population entered before this check (44 responses, 5 children) gives no rate, and says why
    expect(responseRate(44, 5)).toEqual({ responses: 44, population: 5, rate: null, low: false, populationLooksWrong: true });
    expect(responseRate(44, 44)).toEqual({ responses: 44, population: 44, rate: 100, low: false, populationLooksWrong: false });
    const html = renderHtml({ ...a, responseRate: { byBand: { ...a.responseRate.byBand, '11-17': responseRate(100, 5) } } });
    expect(html).toContain('is smaller than the number who answered, so it looks wrong and no response rate is shown');
    // no percent above 100 anywhere in the report (it has no script)
    expect(html).not.toContain('<script');
    const percents = (html.match(/\d+(\.\d)?%/g) ?? []).map((x) => Number(x.slice(0, -1)));
    expect(percents.length).toBeGreaterThan(10);
    expect(percents.filter((x) => x > 100)).toEqual([]);
  });

  it('a closed round is not provisional; an open one says so everywhere its figures appear', () => {
    // imported rounds close on their last answer's date
    expect(a.provisional).toBe(false);
    expect(a.trend.flatMap((t) => t.points).every((p) => !p.provisional)).toBe(true);
    expect(renderHtml(a)).not.toContain('Provisional');
    const open = { ...a, provisional: true, trend: a.trend.map((t) => ({ ...t, points: t.points.map((p) => ({ ...p, provisional: p.period === '2024' })) })) };
    const html = renderHtml(open);
    expect(html).toContain('Provisional: the round is still open.');
    expect(html).toMatch(/2024<br><span class="note">provisional<\/span>/);
  });

  it('one row per indicator the 11-17 instrument asks, with no rows for bands that answered nothing but suppressed ones', () => {
    const rows1117 = a.indicators.filter((i) => i.band === '11-17');
    expect(rows1117).toHaveLength(21);
    // 4-7 and 8-11 had no answers: every row is suppressed, with no comparison
    expect(a.indicators.filter((i) => i.band !== '11-17').every((i) => i.suppressed && i.previous === null)).toBe(true);
  });

  it('feels safe: 55 of 100, up from 30 of 100, significant (z ≈ 3.58); benchmark pools B and C only', () => {
    // Wilson 55/100: centre (0.55 + 0.019207)/1.038415 = 0.548154, half 1.887457 · sqrt(0.2475/100 + 0.0000960) = 0.095685
    // → 45.2% to 64.4%
    // before/after: pooled p = 0.425, se = 0.0699106, z = 3.576, p = 0.000349
    // benchmark: B 10/20 + C 5/20 = 15/40 = 37.5% (D has 5 answers, under MIN_BASE, so is left out; A is itself);
    //   pooled (15 + 55)/(40 + 100) = 0.5, se = sqrt(0.25 · (1/40 + 1/100)) = 0.0935414, z = 0.175 / 0.0935414 = 1.8708,
    //   p = 2 · (1 − Φ(1.8708)) = 0.0614: not significant
    expect(find(a, 'feels_safe')).toEqual({
      id: 'feels_safe',
      band: '11-17',
      domain: 'recovery',
      direction: 'higher',
      suppressed: false,
      n: 100,
      count: 55,
      percent: 55,
      ci: { low: 45.2, high: 64.4 },
      previous: { period: '2023', suppressed: false, n: 100, count: 30, percent: 30, change: 25, pValue: 0.000349, qValue: expect.any(Number), significant: true },
      benchmark: { authorities: 2, suppressed: false, n: 40, count: 15, percent: 37.5, difference: 17.5, pValue: 0.0614, qValue: expect.any(Number), significant: false },
      reference: [],
    });
  });

  it('qValue: Benjamini-Hochberg within each family (all before/after, all benchmark), as an independent implementation gives it', () => {
    // Written here from the definition, not from reports/stats.ts: q of a test is the smallest m·p/r over every
    // test of its family with a p at least as large, r being how many of the family have a p no larger; at most 1.
    const bh = (ps: number[]) => ps.map((p) => Math.min(1, ...ps.filter((x) => x >= p).map((x) => (ps.length * x) / ps.filter((y) => y <= x).length)));
    const families = {
      previous: [...a.indicators.map((i) => i.previous), ...a.scores.map((x) => x.previous)],
      benchmark: [...a.indicators.map((i) => i.benchmark), ...a.scores.map((x) => x.benchmark)],
    };
    for (const [name, family] of Object.entries(families)) {
      const tested = family.filter((c) => c !== null && c.pValue !== null);
      expect(tested.length, name).toBeGreaterThan(10);
      const expected = bh(tested.map((c) => c!.pValue!));
      tested.forEach((c, k) => expect(c!.qValue, `${name} ${k}`).toBeCloseTo(expected[k]!, 3));
      // a comparison not made has no q either
      for (const c of family) if (c && c.pValue === null) expect(c.qValue).toBeNull();
    }
  });

  it('the summary lists as changes only q < 0.05; p < 0.05 alone is "may be chance"', () => {
    const safe = find(a, 'feels_safe');
    const bedroom = find(a, 'likes_bedroom');
    const at = (q: number, p: number) => a.indicators.map((i) => (i === safe ? { ...i, previous: { ...i.previous!, pValue: p, qValue: q } } : i));
    const summary = (indicators: ReportIndicator[]) => summarise({ ...a, indicators, scores: [] });
    // as the report has it: p 0.000349 and q well under 0.05, a finding
    expect(safe.previous!.qValue).toBeLessThan(0.05);
    expect(summary(a.indicators).better.map((l) => l.id)).toContain('feels_safe');
    // the same change with q 0.2 (p 0.03) is listed apart, said to be better for children if real
    const chance = summary(at(0.2, 0.03));
    expect(chance.better.map((l) => l.id)).not.toContain('feels_safe');
    expect(chance.mayBeChance.find((l) => l.id === 'feels_safe')).toMatchObject({ good: true, up: true });
    // a built-in round is about children: its bands are ages, its verdicts "for children"
    expect(chance.mayBeChance.find((l) => l.id === 'feels_safe')!.text).toMatch(/^Feels safe .*\(ages \d+-\d+\): up from/);
    const html = renderHtml({ ...a, indicators: at(0.2, 0.03) });
    expect(html).toContain('(better for children, if real)');
    expect(html).toContain('<th scope="col" class="num">Children in care</th>');
    // p 0.479 (likes bedroom) is neither
    expect([...chance.better, ...chance.worse, ...chance.mayBeChance].some((l) => l.id === bedroom.id && l.text.includes('from'))).toBe(false);
  });

  it('likes bedroom: 50 of 100 → 55 of 100 is not significant', () => {
    // pooled 0.525, se 0.0706222, z 0.708, p 0.479
    expect(find(a, 'likes_bedroom').previous).toEqual({
      period: '2023', suppressed: false, n: 100, count: 50, percent: 50, change: 5, pValue: 0.479, qValue: expect.any(Number), significant: false,
    });
    // B and C (20 varied answers each) make the pool; D (5 answers) is left out
    expect(find(a, 'likes_bedroom').benchmark?.authorities).toBe(2);
  });

  it("scores: life satisfaction mean 7 against 6, Welch's t", () => {
    // 2024: 50 × 6 and 50 × 8: mean 7, sd = sqrt(100 · 1² / 99) = 1.00504; 2023 likewise around 6
    // t = 1 / sqrt(2 · 1.0101/100) = 7.0356 on 198 df: p far below 0.001
    const s = a.scores.find((x) => x.question === 'life_satisfaction' && x.band === '11-17')!;
    expect(s).toMatchObject({ n: 100, mean: 7, sd: 1.01, suppressed: false });
    expect(s.previous).toMatchObject({ period: '2023', n: 100, mean: 6, sd: 1.01, change: 1, significant: true });
    expect(s.previous!.pValue).toBeLessThan(0.001);
  });

  it('trend: each indicator across the authority’s waves', () => {
    expect(a.trend.find((t) => t.id === 'feels_safe' && t.band === '11-17')!.points).toEqual([
      { period: '2023', provisional: false, suppressed: false, n: 100, percent: 30 },
      { period: '2024', provisional: false, suppressed: false, n: 100, percent: 55 },
    ]);
  });

  it('breakdowns by gender and placement with primary and secondary suppression', () => {
    const gender = a.breakdowns.find((b) => b.indicator === 'feels_safe' && b.band === '11-17' && b.by === 'gender')!;
    // 60 boys (33 yes: 55.0%), 37 girls, 3 another way: the 3 is under MIN_BASE, so the girls (37) are hidden too,
    // or 100 − 60 − 37 would give the 3 back
    expect(gender.cells.map((c) => [c.value, c.n, c.count, c.percent, c.reason])).toEqual([
      ['male', 60, 33, 55, null],
      ['female', null, null, null, 'secondary'],
      ['another_way', null, null, null, 'base'],
      ['prefer_not_to_say', 0, 0, null, null],
      [null, 0, 0, null, null],
    ]);
    const placement = a.breakdowns.find((b) => b.indicator === 'feels_safe' && b.band === '11-17' && b.by === 'placement')!;
    // foster care 80 (53 yes), children's home 20 (2 yes: fewer than 5), so foster care's count is hidden as well
    expect(placement.cells.map((c) => [c.value, c.n, c.count, c.fewerThan5, c.reason])).toEqual([
      ['foster_care', 80, null, false, 'secondary'],
      ['family_or_friends', 0, 0, false, null],
      ['childrens_home', 20, null, true, 'small'],
      ['somewhere_else', 0, 0, false, null],
      [null, 0, 0, false, null],
    ]);
  });

  it("what children said: this authority's own text, masked, without what the safeguarding list catches", () => {
    expect(a.said.map((s) => s.text).sort()).toEqual([
      'Email me at [email removed], I live in [postcode removed]',
      'Ring me on [phone number removed] <img src=x onerror="document.title=1"> & </script> please',
    ]);
    expect(a.saidWithheld).toBe(1);
  });

  it('the HTML report says an answer was withheld, and never shows it', async () => {
    const html = (await runCli(['report', '--authority', A.code, '--period', '2024', '--format', 'html'], env)).stdout;
    expect(html).toContain("1 answer is not shown here: the safeguarding word list caught it, so it is in the portal's safeguarding queue");
    expect(html).not.toContain('hits me');
    expect(html).toContain('Email me at [email removed]');
  });

  it('SAFEGUARDING_WORDS: a list of its own decides what is withheld; a bad file is a clear error', async () => {
    const list = join(dir, 'words.json');
    writeFileSync(list, JSON.stringify({ en: ['email me'] }));
    const own = await reportJson(A.code, [], { ...env, SAFEGUARDING_WORDS: list });
    expect(own.said.map((s) => s.text)).toContain(WORRYING_TEXT);
    expect(own.said.map((s) => s.text).some((t) => t.startsWith('Email me'))).toBe(false);
    expect(own.saidWithheld).toBe(1);

    writeFileSync(list, JSON.stringify({ en: ['x'] }));
    const bad = await runCli(['report', '--authority', A.code, '--period', '2024'], { ...env, SAFEGUARDING_WORDS: list });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/SAFEGUARDING_WORDS: cannot use .*words\.json/);
    const missing = await runCli(['report', '--authority', A.code, '--period', '2024'], { ...env, SAFEGUARDING_WORDS: join(dir, 'nope.json') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/SAFEGUARDING_WORDS: cannot use .*nope\.json/);
  });
});

describe('benchmark and suppression across authorities', () => {
  it('a base under MIN_BASE suppresses the figure and any comparison that would reveal it', async () => {
    const d = await reportJson(D.code);
    // D: 5 of 5. The benchmark pools A (100), B (20) and C (20): 55 + 10 + 5 = 70 of 140 = 50.0%
    expect(find(d, 'feels_safe')).toEqual({
      id: 'feels_safe', band: '11-17', domain: 'recovery', direction: 'higher',
      suppressed: true, n: null, count: null, percent: null, ci: null, previous: null,
      benchmark: { authorities: 3, suppressed: true, n: 140, count: 70, percent: 50, difference: null, pValue: null, qValue: null, significant: null },
      reference: [],
    });
    expect(d.comparePeriod).toBeNull();
  });

  it('the benchmark leaves the authority itself out', async () => {
    const b = await reportJson(B.code);
    // B's benchmark: A 55/100 + C 5/20 = 60/120 = 50.0% (not 70/140, which would include B's own 10/20)
    expect(find(b, 'feels_safe').benchmark).toMatchObject({ authorities: 2, n: 120, count: 60, percent: 50 });
    // B itself: 10 of 20
    expect(find(b, 'feels_safe')).toMatchObject({ n: 20, count: 10, percent: 50 });
  });

  it('MIN_BASE comes from the environment', async () => {
    const b = await reportJson(B.code, [], { ...env, MIN_BASE: '25' });
    expect(b.minBase).toBe(25);
    expect(find(b, 'feels_safe')).toMatchObject({ suppressed: true, n: null, percent: null });
    // with MIN_BASE 25, only A (100) may enter B's benchmark: a pool of one authority is not shown
    expect(find(b, 'feels_safe').benchmark).toMatchObject({ authorities: 1, suppressed: true, n: null, percent: null });
    const a = await reportJson(A.code, [], { ...env, MIN_BASE: '25' });
    // A's pool: B 20, C 20 and D 5 are all under 25: no benchmark
    expect(find(a, 'feels_safe').benchmark).toBeNull();
  });

  it('--compare picks the period; a period with no wave is an error (exit 2)', async () => {
    expect((await reportJson(A.code, ['--compare', '2023'])).comparePeriod).toBe('2023');
    const r = await runCli(['report', '--authority', A.code, '--period', '2024', '--compare', '2019'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no wave .* 2019/);
  });
});

describe('CSV and HTML match the JSON', () => {
  it('CSV: UTF-8 with BOM, one row per indicator × band, comparison columns', async () => {
    const r = await runCli(['report', '--authority', A.code, '--period', '2024', '--format', 'csv'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const lines = r.stdout.slice(1).trimEnd().split('\r\n');
    const json = await reportJson(A.code);
    // one row per indicator × band, then one per score (after any actions)
    expect(lines).toHaveLength(json.indicators.length + json.actions.length + json.scores.length + 1);
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const header = lines[0]!.split(',');
    const safe = lines.find((l) => l.includes(',feels_safe,') && l.includes('11-17 years'))!.split(',');
    const col = (name: string) => safe[header.indexOf(name)];
    expect([col('n'), col('count'), col('percent'), col('ci_low'), col('ci_high')]).toEqual(['100', '55', '55', '45.2', '64.4']);
    expect([col('previous_percent'), col('change_points'), col('change_p_value'), col('change_significant')]).toEqual(['30', '25', '0.000349', 'true']);
    expect([col('benchmark_percent'), col('difference_points'), col('difference_significant')]).toEqual(['37.5', '17.5', 'false']);
    // life_satisfaction 2024: 50 × 6 and 50 × 8: mean 7, sd = √(100/99) = 1.005038; t(0.975, 99) = 1.984217,
    // half = 1.984217 · 1.005038 / 10 = 0.199421 → 6.80 to 7.20. 2023: 5 and 7, the same sd: Welch's df = 198, t = 1/0.142134 = 7.04.
    const score = (parse(r.stdout.slice(1), { columns: true }) as Record<string, string>[]).find((row) => row.question === 'life_satisfaction' && row.band === '11-17 years')!;
    const sc = (name: string) => score[name];
    expect([sc('n'), sc('mean'), sc('sd'), sc('mean_ci_low'), sc('mean_ci_high'), sc('previous_mean'), sc('change_mean'), sc('welch_t'), sc('welch_df')]).toEqual([
      '100', '7', '1.01', '6.8', '7.2', '6', '1', '7.04', '198',
    ]);
  });

  it('HTML: escapes children’s text, says what got better, and shows suppressed groups in words', async () => {
    const out = join(dir, 'a.html');
    const r = await runCli(['report', '--authority', A.code, '--period', '2024', '--out', out], env);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=&quot;document.title=1&quot;&gt; &amp; &lt;/script&gt; please');
    expect(html).toContain('Feels safe where they live (ages 11-17): up from 30% in 2023 to 55%, 25 percentage points.');
    expect(html).toContain('fewer than 5 of 20');
    // scores too: 6.0 → 7.0 is significant (Welch's t, above)
    expect(html).toContain('Average answer to “Overall, how satisfied are you with your life nowadays?” (ages 11-17): up from 6.0 in 2023 to 7.0.');
    expect(html).not.toContain('Other authority text');
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });
});

describe('hearme report --all', () => {
  it('writes every authority’s reports with progress and a summary line', async () => {
    const out = join(dir, 'all');
    const r = await runCli(['report', '--all', '--period', '2024', '--dir', out], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('4/4 E06000005');
    expect(r.stderr).toMatch(/wrote 12 files for 4 authorities \(145 responses\) to .* in \d+\.\d s\n$/);
    expect(readdirSync(out).sort()).toEqual(
      AUTHORITIES.flatMap((a) => ['csv', 'html', 'json'].map((f) => `${a.code}-ylyc-2024.${f}`)).sort(),
    );
    // each file is one authority's own report: the same as asking for it alone
    const single = await runCli(['report', '--authority', C.code, '--period', '2024', '--format', 'json'], env);
    expect(readFileSync(join(out, `${C.code}-ylyc-2024.json`), 'utf8')).toBe(single.stdout);
  });

  it('bad usage is exit code 2 with a one-line reason (and the usage for a flag)', async () => {
    const cases: [string[], RegExp][] = [
      [['report', '--period', '2024'], /--authority: required/],
      [['report', '--all', '--period', '2024'], /--dir: required with --all/],
      [['report', '--all', '--authority', A.code, '--period', '2024', '--dir', dir], /--authority: not with --all/],
      [['report', '--authority', A.code, '--period', '2024', '--format', 'pdf'], /--format/],
      [['report', '--authority', A.code, '--period', '24'], /--period/],
      [['report', '--authority', 'E09999999', '--period', '2024'], /unknown authority E09999999/],
      [['report', '--all', '--period', '2030', '--dir', join(dir, 'none')], /no ylyc waves in 2030/],
      [['report', '--authority', A.code, '--period', '2024', '--out', join(dir, 'missing', 'x.html')], /does not exist/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      // One line of reason; a flag's mistake is followed by the usage lines.
      const [, ...usage] = r.stderr.trim().split('\n');
      if (usage.length) expect(usage[0], args.join(' ')).toMatch(/^Usage: hearme report /);
    }
  });
});

describe('a care leavers’ report', () => {
  it('speaks of young people and care leavers, never of children, in every output', async () => {
    const leavers = freshDatabase(dir, 'leavers').env;
    expect((await runCli(['authority', 'add', '--code', A.code, '--name', A.name], leavers)).code).toBe(0);
    const rows = Array.from({ length: 20 }, (_, k) => responseRow({ n: 1000 + k, instrument: 'ylbc-16-25', seed: k, authority: A.code, period: '2024' }));
    expect((await runCli(['import', writeCsv(dir, 'leavers.csv', buildCsv(ALL_CSV_COLUMNS, rows))], leavers)).code).toBe(0);
    expect((await runCli(['wave', 'population', '--authority', A.code, '--period', '2024', '--programme', 'ylbc', '--band', '16-25=100'], leavers)).code).toBe(0);
    const r = await reportJson(A.code, ['--programme', 'ylbc'], leavers);
    expect(r.responses.total).toBe(20);

    const html = renderHtml(r);
    const outputs = [html, renderSummaryHtml(r), zipEntries(await renderDocx(r)).get('word/document.xml')!.toString('utf8')];
    for (const out of outputs) expect(out).not.toMatch(/child/i);
    // 20 of 100 answered: under 30%.
    expect(html).toContain('<p class="warn">Fewer than 30% of young people answered in ages 16-25: read those results with care.</p>');
    expect(html).toContain('<li><strong>20</strong>care leavers answered</li>');
    expect(html).toContain('<th scope="col" class="num">Care leavers</th>');
    expect(html).toContain('the number of answers against the number of care leavers the authority entered.');
    expect(html).toContain('<h3>Keeping young people anonymous</h3>');
    // Only 0 to 10 scales: no faces for younger children.
    expect(html).toContain('<p>Average answers on the 0 to 10 scales, with a 95% interval for the average. Higher is better.</p>');
  });
});
