// hearme export then hearme import into an empty database gives the same
// data back: the second database exports byte for byte the same CSV.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_CSV_COLUMNS,
  FIXED_CSV_COLUMNS,
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

describe('council questionnaires and local questions in the export', () => {
  /** Middlesbrough's local questions on ylyc-11-17: pa_know is also a core id (of ylbc), so it must get its own column. */
  const LOCAL = {
    id: 'mb-local',
    version: 1,
    title: { en: 'Middlesbrough’s own questions' },
    audience: 'young_people',
    locales: ['en'],
    extends: { instrument: 'ylyc-11-17', version: 1 },
    questions: [
      { id: 'youth_club', type: 'agree5', text: { en: 'The youth club is a good place for me' } },
      { id: 'pa_know', type: 'yes_no_unsure', text: { en: 'Do you know the youth worker?' } },
      { id: 'local_idea', type: 'text', text: { en: 'What should Middlesbrough do next?' } },
    ],
    scores: ['youth_club'],
  };
  /** The README's staff questionnaire (for everyone): its anything_else is a core id too. */
  const STAFF = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));
  const LOCAL_COLUMNS = ['local_instrument', 'local_version', 'mb-local.youth_club', 'mb-local.pa_know', 'mb-local.local_idea'];
  const STAFF_COLUMNS = ['bh-staff.role', 'bh-staff.time_for_children', 'bh-staff.reflective_supervision', 'bh-staff.anything_else'];
  const IDEA = '=HYPERLINK("http://x"), a later bus home';

  async function databaseWithQuestionnaires() {
    const db = await databaseWithAuthority();
    const local = writeCsv(dir, 'local.json', JSON.stringify(LOCAL));
    const staff = writeCsv(dir, 'staff.json', JSON.stringify(STAFF));
    expect((await runCli(['questionnaire', 'add', local, '--authority', 'E06000002'], db.env)).code).toBe(0);
    expect((await runCli(['questionnaire', 'add', staff], db.env)).code).toBe(0);
    return db;
  }

  const staffRow = (n: number, answers: Record<string, CsvCell>): Record<string, CsvCell> => ({
    response_id: uuidFor(n),
    authority: 'E06000002',
    programme: 'bh-staff',
    period: '2024',
    instrument: 'bh-staff',
    instrument_version: 1,
    submitted_on: '2024-06-03',
    ...answers,
  });
  /** Two core rounds' rows with local questions, one without, a care leaver's and two staff rows. */
  const ROWS: Record<string, CsvCell>[] = [
    { ...responseRow({ n: 501, instrument: 'ylyc-11-17' }), local_instrument: 'mb-local', local_version: 1, 'mb-local.youth_club': 4, 'mb-local.pa_know': 'yes', 'mb-local.local_idea': IDEA },
    { ...responseRow({ n: 502, instrument: 'ylyc-11-17', seed: 2 }), local_instrument: 'mb-local', local_version: 1, 'mb-local.youth_club': 2, 'mb-local.local_idea': 'Line one\nline two' },
    responseRow({ n: 503, instrument: 'ylyc-11-17', seed: 3 }),
    responseRow({ n: 504, instrument: 'ylbc-16-25' }),
    staffRow(505, { 'bh-staff.role': 'sw', 'bh-staff.time_for_children': 4, 'bh-staff.anything_else': 'Less time on forms, please' }),
    staffRow(506, { 'bh-staff.role': 'pm', 'bh-staff.reflective_supervision': 3 }),
  ];
  const ALL_COLUMNS = [...ALL_CSV_COLUMNS, ...LOCAL_COLUMNS.slice(0, 2), ...STAFF_COLUMNS, ...LOCAL_COLUMNS.slice(2)];
  const lines = (csv: string) => csv.split('\r\n').slice(0, -1);

  it('exports their answers in columns of their own after the core columns, and round-trips', async () => {
    const source = await databaseWithQuestionnaires();
    const imported = await runCli(['import', writeCsv(dir, 'questionnaires.csv', buildCsv(ALL_COLUMNS, ROWS))], source.env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^imported 6 responses from /);
    // Stored as the survey stores them: the core instrument naming its local questions.
    expect(query(source.path, 'SELECT uuid, instrument, local_instrument, local_version FROM responses WHERE uuid IN (?, ?) ORDER BY uuid', uuidFor(501), uuidFor(503))).toEqual([
      { uuid: uuidFor(501), instrument: 'ylyc-11-17', local_instrument: 'mb-local', local_version: 1 },
      { uuid: uuidFor(503), instrument: 'ylyc-11-17', local_instrument: null, local_version: null },
    ]);

    const all = await runCli(['export', '--authority', 'E06000002', '--period', '2024'], source.env);
    expect(all.stderr).toBe('');
    // Free text as the core's: verbatim, quoted, the formula neutralised with a '.
    const asWritten = ROWS.map((r) => (r['mb-local.local_idea'] === IDEA ? { ...r, 'mb-local.local_idea': `'${IDEA}` } : r));
    expect(all.stdout).toBe(buildCsv(ALL_COLUMNS, asWritten));
    // A row without council questions is the line an export without questionnaires has, then empty cells.
    expect(lines(all.stdout)[3]).toBe(lines(buildCsv(ALL_CSV_COLUMNS, [ROWS[2]!]))[1] + ','.repeat(LOCAL_COLUMNS.length + STAFF_COLUMNS.length));

    const ylyc = await runCli(['export', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylyc'], source.env);
    const header = lines(ylyc.stdout)[0]!.split(',');
    expect(header.slice(-LOCAL_COLUMNS.length)).toEqual(LOCAL_COLUMNS);
    expect(header).toContain('sw_know');
    expect(header).not.toContain('pa_know'); // ylbc's core question
    expect(lines(ylyc.stdout)).toHaveLength(1 + 3);

    const staff = await runCli(['export', '--authority', 'E06000002', '--period', '2024', '--programme', 'bh-staff'], source.env);
    expect(staff.stdout).toBe(buildCsv([...FIXED_CSV_COLUMNS, ...STAFF_COLUMNS], ROWS.slice(4)));

    // Into a database with the authority and the questionnaires: the same export again.
    const target = await databaseWithQuestionnaires();
    const again = await runCli(['import', writeCsv(dir, 'exported-questionnaires.csv', all.stdout)], target.env);
    expect(again.stderr).toBe('');
    expect((await runCli(['export', '--authority', 'E06000002', '--period', '2024'], target.env)).stdout).toBe(all.stdout);
    const stored = (path: string) =>
      query(path, 'SELECT r.uuid, r.instrument, r.local_instrument, r.local_version, r.band, a.question, a.value FROM answers a JOIN responses r ON r.id = a.response_id ORDER BY 1, 6');
    expect(stored(target.path)).toEqual(stored(source.path));
    const counts = (path: string) => query(path, 'SELECT w.programme, c.instrument, c.question, c.value, c.n FROM answer_counts c JOIN waves w ON w.id = c.wave_id ORDER BY 1, 2, 3, 4');
    expect(counts(target.path)).toEqual(counts(source.path));
    expect(counts(target.path)).toContainEqual({ programme: 'ylyc', instrument: 'mb-local', question: 'youth_club', value: '4', n: 1 });
  });

  it('refuses a council’s answer in a core column, a local answer without its local questions, and another authority’s local questions', async () => {
    const db = await databaseWithQuestionnaires();
    expect((await runCli(['authority', 'add', '--code', 'E06000004', '--name', 'Stockton-on-Tees'], db.env)).code).toBe(0);
    const bad = [
      staffRow(601, { anything_else: 'In the core column' }),
      { ...responseRow({ n: 602, instrument: 'ylyc-11-17' }), 'mb-local.youth_club': 3 },
      { ...responseRow({ n: 603, instrument: 'ylyc-11-17', authority: 'E06000004' }), local_instrument: 'mb-local', local_version: 1 },
      { ...responseRow({ n: 604, instrument: 'ylyc-11-17' }), local_instrument: 'mb-local', local_version: 1, 'mb-local.youth_club': 6 },
    ];
    const r = await runCli(['import', writeCsv(dir, 'bad-questionnaires.csv', buildCsv([...ALL_COLUMNS, 'nobody.q'], bad))], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 1)).toEqual(['line 1, column nobody.q: unknown column: no questionnaire nobody (add it first with hearme questionnaire add)']);
    const rows = await runCli(['import', writeCsv(dir, 'bad-questionnaires.csv', buildCsv(ALL_COLUMNS, bad))], db.env);
    expect(rows.stderr.split('\n').slice(0, 4)).toEqual([
      'line 2, column anything_else: bh-staff\'s own question anything_else goes in column bh-staff.anything_else; leave this one empty',
      'line 3, column mb-local.youth_club: this row does not answer mb-local; leave it empty',
      'line 4, column local_instrument: mb-local belongs to another authority',
      expect.stringMatching(/^line 5, column mb-local\.youth_club: /),
    ]);
    expect(tableCounts(db.path).responses).toBe(0);
  });
});
