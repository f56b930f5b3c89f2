// hearme export then hearme import into an empty database gives the same
// data back: the second database exports byte for byte the same CSV.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_CSV_COLUMNS,
  answerCount,
  buildCsv,
  freshDatabase,
  makeTempDir,
  query,
  removeTempDir,
  responseRow,
  runCli,
  tableCounts,
  uuidFor,
  writeCsv,
  type CsvCell,
} from '../helpers/cli.js';

/** Exported with a ' in front, as spreadsheets would run it; import takes the ' off again. */
const FORMULA = '=1+2 is not a formula here, ",,," either';

/** Texts that test the quoting: commas, quotes, line breaks, spaces at either end, Welsh and emoji. */
const TEXTS = [
  'More time with my social worker, please, and fewer meetings',
  'She said "you\'ll be fine" and I was',
  'Line one\nline two',
  'Windows line\r\nends too',
  '   three leading spaces',
  'a trailing space ',
  'Dw i eisiau gweld fy mrawd yn amlach; mae’r ŵyl yn hwyl 🙂',
  '🐶🏠 "',
  FORMULA,
];

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

async function databaseWithAuthority() {
  const db = freshDatabase(dir);
  expect((await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env)).code).toBe(0);
  return db;
}

/**
 * 12 responses in 2024: every instrument (both programmes), three seeds
 * each, every text answer one of TEXTS, some questions skipped.
 */
function rows(): Record<string, CsvCell>[] {
  const textQuestion: Record<string, string> = {
    'ylyc-4-7': 'anything_else',
    'ylyc-8-11': 'make_care_better',
    'ylyc-11-17': 'make_care_better',
    'ylbc-16-25': 'make_life_better',
  };
  let n = 0;
  return Object.entries(textQuestion).flatMap(([instrument, question], i) =>
    [0, 1, 2].map((seed) => {
      n++;
      return responseRow({
        n: 300 + ((n * 7) % 12), // not in uuid order, so the export's ordering is exercised
        instrument,
        seed: seed + i,
        submittedOn: `2024-0${1 + i}-${String(10 + seed * 9).padStart(2, '0')}`,
        answers: {
          [question]: TEXTS[(n - 1) % TEXTS.length],
          // A skipped question: the first row of each instrument leaves gender empty.
          ...(seed === 0 ? { gender: undefined } : {}),
        },
      });
    }),
  );
}

describe('export then import into an empty database', () => {
  it('round-trips byte for byte, keeping every answer, skip and date', async () => {
    const source = await databaseWithAuthority();
    const original = rows();
    const imported = await runCli(['import', writeCsv(dir, 'original.csv', buildCsv(ALL_CSV_COLUMNS, original))], source.env);
    expect(imported.stdout).toMatch(/^imported 12 responses from /);

    const first = await runCli(['export', '--authority', 'E06000002', '--period', '2024'], source.env);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');

    // Into a database with only the authority: the waves come from the file.
    const target = await databaseWithAuthority();
    const exportedFile = writeCsv(dir, 'exported.csv', first.stdout);
    const again = await runCli(['import', exportedFile], target.env);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    // The waves are listed in the order their first rows appear in the file.
    expect(again.stdout).toMatch(
      new RegExp(`^imported 12 responses from ${exportedFile}; created waves (E06000002 ylyc 2024, E06000002 ylbc 2024|E06000002 ylbc 2024, E06000002 ylyc 2024)\n$`),
    );

    const outFile = join(dir, 'second-export.csv');
    const second = await runCli(['export', '--authority', 'E06000002', '--period', '2024', '--out', outFile], target.env);
    expect(second).toEqual({ code: 0, stdout: '', stderr: `exported 12 responses to ${outFile}\n` });
    expect(readFileSync(outFile, 'utf8')).toBe(first.stdout);

    // The export is the import format itself: our file, rows in response_id order,
    // the formula-like text with a ' in front.
    const sorted = [...original].sort((a, b) => String(a.response_id).localeCompare(String(b.response_id)));
    const asWritten = sorted.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === FORMULA ? `'${FORMULA}` : v])));
    expect(first.stdout).toContain(`"'=1+2 is not a formula here, "",,,"" either"`);
    expect(first.stdout).toBe(buildCsv(ALL_CSV_COLUMNS, asWritten));

    // Same answers, same dates, same running counts in both databases.
    const answers = (path: string) =>
      query(path, 'SELECT r.uuid, a.question, a.value FROM answers a JOIN responses r ON r.id = a.response_id ORDER BY 1, 2');
    expect(answers(target.path)).toEqual(answers(source.path));
    expect(answers(target.path)).toHaveLength(answerCount(original));
    const dates = (path: string) => query(path, 'SELECT uuid, submitted_on, instrument, instrument_version, band FROM responses ORDER BY uuid');
    expect(dates(target.path)).toEqual(dates(source.path));
    expect(dates(target.path)).toEqual(
      sorted.map((r) => expect.objectContaining({ uuid: r.response_id, submitted_on: r.submitted_on })),
    );
    const counts = (path: string) =>
      query(
        path,
        `SELECT w.programme, c.instrument, c.question, c.value, c.n
           FROM answer_counts c JOIN waves w ON w.id = c.wave_id ORDER BY 1, 2, 3, 4`,
      );
    expect(counts(target.path)).toEqual(counts(source.path));
  });

  it('keeps the texts exactly, every character', async () => {
    const source = await databaseWithAuthority();
    await runCli(['import', writeCsv(dir, 'texts.csv', buildCsv(ALL_CSV_COLUMNS, rows()))], source.env);
    const stored = query<{ value: string }>(
      source.path,
      "SELECT DISTINCT value FROM answers WHERE question IN ('anything_else', 'make_care_better', 'make_life_better') ORDER BY value",
    ).map((r) => r.value);
    expect(stored).toEqual([...TEXTS].sort());
  });

  it('with --programme exports only that programme, in its own columns, and still round-trips', async () => {
    const source = await databaseWithAuthority();
    await runCli(['import', writeCsv(dir, 'both.csv', buildCsv(ALL_CSV_COLUMNS, rows()))], source.env);
    const leavers = await runCli(['export', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylbc'], source.env);
    expect(leavers.code).toBe(0);
    const lines = leavers.stdout.split('\r\n');
    // The header has no ylyc-only question (such as sw_know) but has the care leavers' pa_know.
    expect(lines[0]!.split(',')).toContain('pa_know');
    expect(lines[0]!.split(',')).not.toContain('sw_know');

    const target = await databaseWithAuthority();
    const r = await runCli(['import', writeCsv(dir, 'leavers.csv', leavers.stdout)], target.env);
    expect(r.stdout).toMatch(/^imported 3 responses from .*; created waves E06000002 ylbc 2024\n$/);
    const back = await runCli(['export', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylbc'], target.env);
    expect(back.stdout).toBe(leavers.stdout);
    expect(tableCounts(target.path).responses).toBe(3);
  });

  it('exports only the period and authority asked for', async () => {
    const source = await databaseWithAuthority();
    await runCli(['authority', 'add', '--code', 'E06000004', '--name', 'Stockton-on-Tees'], source.env);
    const mixed = [
      responseRow({ n: 1, instrument: 'ylyc-8-11' }),
      responseRow({ n: 2, instrument: 'ylyc-8-11', period: '2023', submittedOn: '2023-05-01' }),
      responseRow({ n: 3, instrument: 'ylyc-8-11', authority: 'E06000004' }),
    ];
    expect((await runCli(['import', writeCsv(dir, 'mixed.csv', buildCsv(ALL_CSV_COLUMNS, mixed))], source.env)).code).toBe(0);
    const r = await runCli(['export', '--authority', 'E06000002', '--period', '2024'], source.env);
    const body = r.stdout.split('\r\n').slice(1, -1);
    expect(body).toHaveLength(1);
    expect(body[0]!.startsWith(`${uuidFor(1)},E06000002,ylyc,2024,ylyc-8-11,1,2024-05-01,`)).toBe(true);
  });

  it('a round without responses exports just the header', async () => {
    const source = await databaseWithAuthority();
    expect((await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024'], source.env)).code).toBe(0);
    const r = await runCli(['export', '--authority', 'E06000002', '--period', '2024'], source.env);
    expect(r).toEqual({ code: 0, stdout: ALL_CSV_COLUMNS.join(',') + '\r\n', stderr: '' });
  });

  it('a period without a round is exit code 2 with the reason, as for hearme report, not an empty file', async () => {
    const source = await databaseWithAuthority();
    expect((await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024'], source.env)).code).toBe(0);
    const all = await runCli(['export', '--authority', 'E06000002', '--period', '1999'], source.env);
    expect(all).toEqual({ code: 2, stdout: '', stderr: 'hearme export: no wave for E06000002 in 1999\n' });
    const leavers = await runCli(['export', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylbc'], source.env);
    expect(leavers).toEqual({ code: 2, stdout: '', stderr: 'hearme export: no ylbc wave for E06000002 in 2024\n' });
    const report = await runCli(['report', '--authority', 'E06000002', '--period', '1999'], source.env);
    expect(report.code).toBe(2);
  });
});
