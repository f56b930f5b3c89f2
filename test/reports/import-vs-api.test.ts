import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/build.js';
import { renderCsv } from '../../reports/render/csv.js';
import { renderJson } from '../../reports/render/json.js';
import { addAuthority } from '../../server/repos/authorities.js';
import { createWave } from '../../server/repos/waves.js';
import { QUESTION_IDS, scaleOf, getInstrument } from '../../surveys/index.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { freshDatabase, makeTempDir, query, removeTempDir, runCli, writeCsv } from '../helpers/cli.js';
import { AUTHORITIES, reportCsv, reportRows } from '../helpers/report-data.js';

// The same responses reach one database through `hearme import` and another
// through POST /api/responses: every report must come out the same.
let dir: string;
let env: { DATABASE_PATH: string };
let t: TestApp;

beforeAll(async () => {
  dir = makeTempDir('hearme-report-paths-');
  env = freshDatabase(dir).env;
  for (const a of AUTHORITIES) expect((await runCli(['authority', 'add', '--code', a.code, '--name', a.name], env)).code).toBe(0);
  expect((await runCli(['import', writeCsv(dir, 'data.csv', reportCsv())], env)).code).toBe(0);

  t = await testApp({ SUBMIT_RATE_LIMIT: '100000' });
  const codes = new Map<string, string>();
  for (const a of AUTHORITIES) {
    const authority = await addAuthority(t.db, { ...a, region: null });
    for (const period of ['2023', '2024']) {
      const wave = await createWave(t.db, { authority_id: authority.id, programme: 'ylyc', period, opens_on: null, closes_on: null });
      codes.set(`${a.code} ${period}`, wave.access_code);
    }
  }
  for (const row of reportRows()) {
    const inst = getInstrument(String(row.instrument), Number(row.instrument_version))!;
    const answers: Record<string, string | number> = {};
    for (const q of QUESTION_IDS) {
      const v = row[q];
      if (v === undefined || v === '') continue;
      const question = inst.questions.find((x) => x.id === q)!;
      const kind = scaleOf(question).kind;
      answers[q] = kind === 'integer' || kind === 'age' ? Number(v) : String(v);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { id: row.response_id, code: codes.get(`${row.authority} ${row.period}`), instrument: inst.id, version: inst.version, answers },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Closed, as imported rounds are (they close on their last answer's date): benchmarks pool closed rounds only.
  await t.db.updateTable('waves').set({ closes_on: '2024-12-31' }).execute();
});
afterAll(async () => {
  await t?.close();
  removeTempDir(dir);
});

describe('a report from imported data equals one from the same data submitted through the API', () => {
  it('JSON and CSV, for every authority', async () => {
    for (const a of AUTHORITIES) {
      const imported = await runCli(['report', '--authority', a.code, '--period', '2024', '--format', 'json'], env);
      expect(imported.code).toBe(0);
      const viaApi = await buildReport(t.db, { authority: a.code, programme: 'ylyc', period: '2024', minBase: 10, freeText: t.app.safeguarding });
      expect(renderJson(viaApi)).toBe(imported.stdout);
      const csv = await runCli(['report', '--authority', a.code, '--period', '2024', '--format', 'csv'], env);
      expect(renderCsv(viaApi)).toBe(csv.stdout);
    }
  });

  it('and both paths kept the same running counts and breakdown counts', () => {
    // Wave ids differ between the databases: compare by authority and period.
    const counts = (path: string | undefined, table: string, columns: string) => {
      const sql = `SELECT a.code, w.period, ${columns}, c.n FROM ${table} c JOIN waves w ON w.id = c.wave_id
                   JOIN authorities a ON a.id = w.authority_id ORDER BY 1, 2, ${columns}`;
      return path ? query(path, sql) : t.sqlite.prepare(sql).all();
    };
    for (const [table, columns] of [
      ['answer_counts', 'c.instrument, c.question, c.value'],
      ['answer_counts_by', 'c.instrument, c.by_question, c.by_value, c.question, c.value'],
    ] as const) {
      const imported = counts(env.DATABASE_PATH, table, columns);
      expect(imported.length, table).toBeGreaterThan(100);
      expect(counts(undefined, table, columns), table).toEqual(imported);
    }
  });
});
