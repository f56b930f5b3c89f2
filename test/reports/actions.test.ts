// "What we said we would do, and what changed": actions made at an earlier
// round, in the next round's report (JSON, CSV, HTML), with before and
// after worked out by hand from the report data set (test/helpers/report-data.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../reports/schema.js';
import { CSV_COLUMNS } from '../../reports/render/csv.js';
import { ALL_CSV_COLUMNS, buildCsv, freshDatabase, makeTempDir, removeTempDir, responseRow, runCli, writeCsv } from '../helpers/cli.js';
import { A, AUTHORITIES, B, reportRows } from '../helpers/report-data.js';

let dir: string;
let env: { DATABASE_PATH: string };
const ids: Record<string, number> = {};

async function addAction(name: string, args: string[]) {
  const r = await runCli(['action', 'add', '--owner', 'QA manager', '--due', '2024-03-31', ...args], env);
  expect(r.stderr).toBe('');
  ids[name] = JSON.parse(r.stdout).id;
}

beforeAll(async () => {
  dir = makeTempDir('hearme-actions-');
  env = freshDatabase(dir).env;
  for (const a of AUTHORITIES) expect((await runCli(['authority', 'add', '--code', a.code, '--name', a.name], env)).code).toBe(0);
  // B, 2023: five responses, all feeling safe: a base under MIN_BASE (10).
  const rows = [...reportRows(), ...Array.from({ length: 5 }, (_, k) => responseRow({ n: 1000 + k, instrument: 'ylyc-11-17', authority: B.code, period: '2023', submittedOn: '2023-05-01', answers: { feel_safe: 'all_or_most' } }))];
  expect((await runCli(['import', writeCsv(dir, 'data.csv', buildCsv(ALL_CSV_COLUMNS, rows))], env)).code).toBe(0);
  await addAction('safe', ['--authority', A.code, '--period', '2023', '--indicator', 'feels_safe', '--band', '11-17', '--pledge', 'Every child will <b>know</b> who to call']);
  await addAction('bedroom', ['--authority', A.code, '--period', '2023', '--indicator', 'likes_bedroom', '--pledge', 'A say in how their bedroom looks']);
  await addAction('thisRound', ['--authority', A.code, '--period', '2024', '--indicator', 'feels_settled', '--pledge', 'Fewer moves']);
  await addAction('small', ['--authority', B.code, '--period', '2023', '--indicator', 'feels_safe', '--band', '11-17', '--pledge', 'Safety plans']);
  expect((await runCli(['action', 'update', '--id', String(ids.safe), '--status', 'done'], env)).code).toBe(0);
});
afterAll(() => removeTempDir(dir));

async function report(authority: string, format: 'json' | 'csv' | 'html') {
  const r = await runCli(['report', '--authority', authority, '--period', '2024', '--format', format], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('actions in the next round’s report', () => {
  let a: Report;
  beforeAll(async () => {
    a = ReportSchema.parse(JSON.parse(await report(A.code, 'json')));
  });

  it('lists the actions of earlier rounds only, in the order they were made', () => {
    expect(a.actions.map((x) => x.id)).toEqual([ids.safe, ids.bedroom]);
  });

  it('feels safe (11-17): 30 of 100 before, 55 of 100 after, +25 points, significant', () => {
    // pooled p = (30 + 55) / 200 = 0.425; se = sqrt(0.425 · 0.575 · (1/100 + 1/100)) = 0.0699107;
    // z = (0.55 − 0.30) / 0.0699107 = 3.5760; two-sided p = 2 · (1 − Φ(3.576)) = 0.000349
    expect(a.actions[0]).toEqual({
      id: ids.safe,
      indicator: 'feels_safe',
      band: '11-17',
      pledge: 'Every child will <b>know</b> who to call',
      owner: 'QA manager',
      due: '2024-03-31',
      status: 'done',
      madeAt: '2023',
      before: { period: '2023', n: 100, percent: 30 },
      after: { period: '2024', n: 100, percent: 55 },
      change: 25,
      pValue: 0.000349,
      significant: true,
    });
  });

  it('likes their bedroom (all ages, only 11-17 answered): 50 of 100 to 55 of 100, not significant', () => {
    // pooled p = 105 / 200 = 0.525; se = sqrt(0.525 · 0.475 · 0.02) = 0.0706222; z = 0.05 / 0.0706222 = 0.70799;
    // two-sided p = 2 · (1 − Φ(0.708)) = 0.479
    expect(a.actions[1]).toMatchObject({
      band: null,
      status: 'planned',
      before: { period: '2023', n: 100, percent: 50 },
      after: { period: '2024', n: 100, percent: 55 },
      change: 5,
      pValue: 0.479,
      significant: false,
    });
  });

  it('a before with a base under MIN_BASE shows no figure and no test', async () => {
    const b = ReportSchema.parse(JSON.parse(await report(B.code, 'json')));
    expect(b.actions).toEqual([
      expect.objectContaining({
        id: ids.small,
        before: { period: '2023', n: null, percent: null },
        after: { period: '2024', n: 20, percent: 50 },
        change: null,
        pValue: null,
        significant: null,
      }),
    ]);
  });

  it('CSV: one row per action after the indicator rows, before and after in the previous and own columns', async () => {
    const lines = (await report(A.code, 'csv')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + a.indicators.length + 2 + a.scores.length);
    const at = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const row = lines[1 + a.indicators.length]!.split(',');
    expect([row[at('indicator')], row[at('band')], row[at('n')], row[at('percent')], row[at('compare_period')], row[at('previous_n')], row[at('previous_percent')]]).toEqual(['feels_safe', '11-17 years', '100', '55', '2023', '100', '30']);
    expect([row[at('change_points')], row[at('change_p_value')], row[at('change_significant')], row[at('action_id')], row[at('action_status')]]).toEqual(['25', '0.000349', 'true', String(ids.safe), 'done']);
    expect(lines[1]!.split(',')[at('action_id')]).toBe('');
  });

  it('HTML: the section comes before the indicators, with the pledge escaped', async () => {
    const html = await report(A.code, 'html');
    const section = html.indexOf('What we said we would do, and what changed');
    expect(section).toBeGreaterThan(0);
    expect(section).toBeLessThan(html.indexOf('id="chart-relationships-h"'));
    expect(html).toContain('Every child will &lt;b&gt;know&lt;/b&gt; who to call');
    expect(html).toContain('+25.0 points');
  });
});
