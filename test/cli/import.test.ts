// hearme import: all rows or none, problems named by line and column,
// safe to run twice, --dry-run, waves created on demand, and running
// counts that agree with the answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_INSTRUMENTS, scaleOf } from '../../surveys/index.js';
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

const INSTRUMENT_IDS = ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17', 'ylbc-16-25'] as const;
/** Every free-text question: not counted in answer_counts. */
const TEXT_QUESTIONS = [
  ...new Set(BUILT_IN_INSTRUMENTS.flatMap((i) => i.questions.filter((q) => scaleOf(q).kind === 'text').map((q) => q.id))),
];

let dir: string;
let fileCounter = 0;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

function csvFile(rows: Record<string, CsvCell>[], columns: readonly string[] = ALL_CSV_COLUMNS): string {
  return writeCsv(dir, `file-${++fileCounter}.csv`, buildCsv(columns, rows));
}

/** A database holding authority E06000002 (Middlesbrough) and nothing else. */
async function databaseWithAuthority() {
  const db = freshDatabase(dir);
  const r = await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env);
  expect(r.code).toBe(0);
  return db;
}

/**
 * The base file: 4 instruments x seeds 0-3 = 16 responses in 2024, on
 * dates from 2024-03-04 to 2024-03-19 (one a day, in row order).
 */
function baseRows() {
  return INSTRUMENT_IDS.flatMap((instrument, i) =>
    [0, 1, 2, 3].map((seed) => {
      const n = 100 + i * 4 + seed; // uuids ...064 to ...073 (hex)
      const day = String(4 + i * 4 + seed).padStart(2, '0');
      return responseRow({ n, instrument, seed, submittedOn: `2024-03-${day}` });
    }),
  );
}

describe('importing a valid file', () => {
  it('stores every row with its answers, creates the waves, and says so', async () => {
    const { path, env } = await databaseWithAuthority();
    const rows = baseRows();
    const file = csvFile(rows);
    const r = await runCli(['import', file], env);
    expect(r).toEqual({
      code: 0,
      stdout: `imported 16 responses from ${file}; created waves E06000002 ylyc 2024, E06000002 ylbc 2024\n`,
      stderr: '',
    });
    const counts = tableCounts(path);
    expect(counts.responses).toBe(16);
    expect(counts.waves).toBe(2);
    expect(counts.answers).toBe(answerCount(rows));
    // 12 ylyc responses (three instruments x 4 seeds) and 4 ylbc ones.
    expect(
      query(path, 'SELECT w.programme, count(*) AS n FROM responses r JOIN waves w ON w.id = r.wave_id GROUP BY 1 ORDER BY 1'),
    ).toEqual([
      { programme: 'ylbc', n: 4 },
      { programme: 'ylyc', n: 12 },
    ]);
  });

  it('creates a missing wave closed, from the earliest to the latest date of its rows', async () => {
    const { path, env } = await databaseWithAuthority();
    const rows = [
      responseRow({ n: 1, instrument: 'ylyc-8-11', period: '2023', submittedOn: '2023-03-14' }),
      responseRow({ n: 2, instrument: 'ylyc-8-11', period: '2023', submittedOn: '2023-01-09' }),
      responseRow({ n: 3, instrument: 'ylyc-4-7', period: '2023', submittedOn: '2023-06-30' }),
      responseRow({ n: 4, instrument: 'ylbc-16-25', period: '2023', submittedOn: '2023-02-20' }),
    ];
    expect((await runCli(['import', csvFile(rows)], env)).code).toBe(0);
    expect(query(path, 'SELECT programme, period, opens_on, closes_on FROM waves ORDER BY programme')).toEqual([
      { programme: 'ylbc', period: '2023', opens_on: '2023-02-20', closes_on: '2023-02-20' },
      { programme: 'ylyc', period: '2023', opens_on: '2023-01-09', closes_on: '2023-06-30' },
    ]);
    // Closed: it ended on its last row's date, which is past, so no child can answer it now.
    const today = new Date().toISOString().slice(0, 10);
    for (const w of query<{ closes_on: string }>(path, 'SELECT closes_on FROM waves')) expect(w.closes_on < today).toBe(true);
  });

  it('uses the wave that already exists, leaving its dates alone', async () => {
    const { path, env } = await databaseWithAuthority();
    const created = await runCli(
      ['wave', 'create', '--authority', 'E06000002', '--period', '2024', '--opens', '2024-01-01', '--closes', '2024-12-31'],
      env,
    );
    const waveId = (JSON.parse(created.stdout) as { id: number }).id;
    const r = await runCli(['import', csvFile([responseRow({ n: 1, instrument: 'ylyc-11-17' })])], env);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/created waves/);
    expect(query(path, 'SELECT id, opens_on, closes_on FROM waves')).toEqual([
      { id: waveId, opens_on: '2024-01-01', closes_on: '2024-12-31' },
    ]);
    expect(query(path, 'SELECT wave_id, submitted_on FROM responses')).toEqual([{ wave_id: waveId, submitted_on: '2024-05-01' }]);
  });

  it('reads columns in any order and cells with surrounding spaces in option and number columns', async () => {
    const { path, env } = await databaseWithAuthority();
    const columns = ['submitted_on', 'age', 'instrument_version', 'instrument', 'gender', 'period', 'programme', 'authority', 'response_id'];
    const row = {
      response_id: uuidFor(7).toUpperCase(),
      authority: 'e06000002',
      programme: 'ylyc',
      period: '2024',
      instrument: 'ylyc-8-11',
      instrument_version: 1,
      submitted_on: '2024-02-29',
      age: ' 9 ',
      gender: ' female',
    };
    const r = await runCli(['import', csvFile([row], columns)], env);
    expect(r.code).toBe(0);
    expect(query(path, 'SELECT uuid, submitted_on FROM responses')).toEqual([{ uuid: uuidFor(7), submitted_on: '2024-02-29' }]);
    expect(query(path, 'SELECT question, value FROM answers ORDER BY question')).toEqual([
      { question: 'age', value: '9' },
      { question: 'gender', value: 'female' },
    ]);
  });

  it('reads a file saved with a byte order mark (as Excel saves "CSV UTF-8")', async () => {
    const { path, env } = await databaseWithAuthority();
    const csv = '\uFEFF' + buildCsv(ALL_CSV_COLUMNS, [responseRow({ n: 1, instrument: 'ylyc-4-7' })]);
    const r = await runCli(['import', writeCsv(dir, 'bom.csv', csv)], env);
    expect(r.code).toBe(0);
    expect(query(path, 'SELECT uuid FROM responses')).toEqual([{ uuid: uuidFor(1) }]);
  });

  it('a file with only the header imports nothing and succeeds', async () => {
    const { path, env } = await databaseWithAuthority();
    const file = writeCsv(dir, 'header-only.csv', ALL_CSV_COLUMNS.join(',') + '\r\n');
    const r = await runCli(['import', file], env);
    expect(r).toEqual({ code: 0, stdout: `imported 0 responses from ${file}\n`, stderr: '' });
    expect(tableCounts(path)).toMatchObject({ waves: 0, responses: 0 });
  });
});

describe('running counts after an import', () => {
  it('equal a recount of the stored answers, text questions excepted', async () => {
    const { path, env } = await databaseWithAuthority();
    expect((await runCli(['import', csvFile(baseRows())], env)).code).toBe(0);

    const recount = query(
      path,
      `SELECT r.wave_id, r.instrument, a.question, a.value, count(*) AS n
         FROM answers a JOIN responses r ON r.id = a.response_id
        WHERE a.question NOT IN (${TEXT_QUESTIONS.map(() => '?').join(', ')})
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      ...TEXT_QUESTIONS,
    );
    const counts = query(path, 'SELECT wave_id, instrument, question, value, n FROM answer_counts ORDER BY 1, 2, 3, 4');
    expect(counts).toEqual(recount);
    expect(counts.length).toBeGreaterThan(0);
    expect(query(path, `SELECT count(*) AS n FROM answer_counts WHERE question IN ('anything_else', 'make_care_better', 'make_life_better')`)).toEqual([
      { n: 0 },
    ]);
  });

  it('hold the numbers worked out from the seeds', async () => {
    const { path, env } = await databaseWithAuthority();
    expect((await runCli(['import', csvFile(baseRows())], env)).code).toBe(0);
    const count = (instrument: string, question: string) =>
      query(path, 'SELECT value, n FROM answer_counts WHERE instrument = ? AND question = ? ORDER BY value', instrument, question);

    // sw_know is yes_no_unsure: seeds 0-3 pick yes, no, not_sure, yes.
    expect(count('ylyc-8-11', 'sw_know')).toEqual([
      { value: 'no', n: 1 },
      { value: 'not_sure', n: 1 },
      { value: 'yes', n: 2 },
    ]);
    // sw_trust (freq4) is not asked after "no" (seed 1): seeds 0, 2, 3 pick all_or_most, hardly_ever, never.
    expect(count('ylyc-8-11', 'sw_trust')).toEqual([
      { value: 'all_or_most', n: 1 },
      { value: 'hardly_ever', n: 1 },
      { value: 'never', n: 1 },
    ]);
    // age in 4-7 is 4 + seed: one child each of 4, 5, 6 and 7.
    expect(count('ylyc-4-7', 'age')).toEqual([
      { value: '4', n: 1 },
      { value: '5', n: 1 },
      { value: '6', n: 1 },
      { value: '7', n: 1 },
    ]);
  });
});

describe('importing the same file again', () => {
  it('reports the rows as already present and stores nothing new', async () => {
    const { path, env } = await databaseWithAuthority();
    const file = csvFile(baseRows());
    expect((await runCli(['import', file], env)).code).toBe(0);
    const before = tableCounts(path);

    const again = await runCli(['import', file], env);
    expect(again).toEqual({
      code: 0,
      stdout: `imported 0 responses from ${file}; 16 were already present and skipped\n`,
      stderr: '',
    });
    expect(tableCounts(path)).toEqual(before);
  });

  it('stores only the new rows of a file that overlaps an earlier one', async () => {
    const { path, env } = await databaseWithAuthority();
    const rows = baseRows();
    expect((await runCli(['import', csvFile(rows.slice(0, 10))], env)).code).toBe(0);
    const r = await runCli(['import', csvFile(rows)], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported 6 responses from .*; 10 were already present and skipped; created waves E06000002 ylbc 2024\n$/);
    expect(tableCounts(path).responses).toBe(16);
    expect(tableCounts(path).answers).toBe(answerCount(rows));
  });

  it('refuses a response_id already stored with different answers, storing nothing from the file', async () => {
    const { path, env } = await databaseWithAuthority();
    const rows = baseRows();
    expect((await runCli(['import', csvFile(rows)], env)).code).toBe(0);
    const before = tableCounts(path);

    const changed = { ...rows[5]!, gender: rows[5]!.gender === 'male' ? 'female' : 'male' };
    const fresh = responseRow({ n: 999, instrument: 'ylyc-8-11' });
    const r = await runCli(['import', csvFile([fresh, changed])], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'line 3, column response_id: already in the database with different answers\n' +
        'hearme import: nothing imported: 1 problem in the file\n',
    );
    expect(tableCounts(path)).toEqual(before);
  });
});

describe('--dry-run', () => {
  it('reports what it would import and stores nothing; the real import then stores it', async () => {
    const { path, env } = await databaseWithAuthority();
    const rows = [1, 2, 3].map((n) => responseRow({ n, instrument: 'ylyc-11-17', period: '2022', submittedOn: `2022-10-0${n}` }));
    const file = csvFile(rows);
    const before = tableCounts(path);

    const dry = await runCli(['import', file, '--dry-run'], env);
    expect(dry).toEqual({
      code: 0,
      stdout: `would import 3 responses from ${file}; would create waves E06000002 ylyc 2022 (dry run: nothing stored)\n`,
      stderr: '',
    });
    expect(tableCounts(path)).toEqual(before);

    const real = await runCli(['import', file], env);
    expect(real.stdout).toBe(`imported 3 responses from ${file}; created waves E06000002 ylyc 2022\n`);
    expect(tableCounts(path)).toMatchObject({ waves: 1, responses: 3, answers: answerCount(rows) });
  });

  it('reports the problems of a bad file the same way, with exit code 2', async () => {
    const { path, env } = await databaseWithAuthority();
    const before = tableCounts(path);
    const r = await runCli(['import', '--dry-run', csvFile([responseRow({ n: 1, instrument: 'ylyc-4-7', answers: { age: 12 } })])], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^line 2, column age: age 12 is outside this survey's ages \(4 to 7\)$/m);
    expect(tableCounts(path)).toEqual(before);
  });
});

describe('a file with one bad row stores nothing and names line and column', () => {
  // Each file: the header (line 1), a good row whose text spans lines 2-3,
  // then the row under test on line 4, all for the new period 2023.
  const good = () =>
    responseRow({ n: 500, instrument: 'ylyc-8-11', period: '2023', answers: { make_care_better: 'More visits,\nplease' } });
  const bad = (instrument: string, answers: Record<string, CsvCell>, extra: Partial<Record<string, CsvCell>> = {}) => ({
    ...responseRow({ n: 501, instrument, period: '2023', answers }),
    ...extra,
  });

  let db: Awaited<ReturnType<typeof databaseWithAuthority>>;
  beforeAll(async () => {
    db = await databaseWithAuthority();
    // Something stored already, so "nothing" is measured against real counts.
    expect((await runCli(['import', csvFile(baseRows())], db.env)).code).toBe(0);
  });

  type Case = { rows: Record<string, CsvCell>[]; columns?: string[]; edit?: (csv: string) => string };
  const cases: [string, () => Case, string][] = [
    [
      'an unknown column, on line 1',
      () => ({ rows: [good(), bad('ylyc-8-11', {})], columns: [...ALL_CSV_COLUMNS, 'favourite_colour'] }),
      'line 1, column favourite_colour: unknown column',
    ],
    [
      'an option not on the scale',
      () => ({ rows: [good(), bad('ylyc-8-11', { gender: 'robot' })] }),
      'line 4, column gender: "robot" is not an option (expected one of male, female, another_way, prefer_not_to_say)',
    ],
    [
      'a number out of range',
      () => ({ rows: [good(), bad('ylyc-8-11', { happy_yesterday_faces: 6 })] }),
      'line 4, column happy_yesterday_faces: 6 is out of range (1 to 5)',
    ],
    [
      'an age outside the instrument band',
      () => ({ rows: [good(), bad('ylyc-11-17', { age: 18 })] }),
      "line 4, column age: age 18 is outside this survey's ages (11 to 17)",
    ],
    [
      'a number that is not a whole number',
      () => ({ rows: [good(), bad('ylbc-16-25', { life_satisfaction: '7.5' })] }),
      'line 4, column life_satisfaction: "7.5" is not a whole number',
    ],
    [
      'a response_id that is not a UUID',
      () => ({ rows: [good(), bad('ylyc-8-11', {}, { response_id: 'paper-042' })] }),
      'line 4, column response_id: not a UUID',
    ],
    [
      'the same response_id twice in the file',
      () => ({ rows: [good(), bad('ylyc-4-7', {}, { response_id: uuidFor(500) })] }),
      'line 4, column response_id: the same response_id is on line 2',
    ],
    [
      'an answer to a question the instrument does not ask',
      () => ({ rows: [good(), bad('ylyc-8-11', { leaver_home: 'own_place' })] }),
      'line 4, column leaver_home: ylyc-8-11 does not ask this question; leave it empty',
    ],
    [
      'an answer whose condition is not met',
      () => ({ rows: [good(), bad('ylyc-8-11', { sw_know: 'no', sw_trust: 'sometimes', sw_contact: undefined })] }),
      'line 4, column sw_trust: not asked when sw_know is no',
    ],
    [
      'an authority that does not exist',
      () => ({ rows: [good(), bad('ylyc-8-11', {}, { authority: 'W06000015' })] }),
      'line 4, column authority: no authority W06000015; add it first with hearme authority add',
    ],
    [
      'a date that does not exist',
      () => ({ rows: [good(), bad('ylyc-8-11', {}, { submitted_on: '2023-02-29' })] }),
      'line 4, column submitted_on: not a real date',
    ],
    [
      'an instrument version that was never published',
      () => ({ rows: [good(), bad('ylyc-8-11', {}, { instrument_version: 2 })] }),
      'line 4, column instrument_version: ylyc-8-11 has no version 2',
    ],
    [
      'an instrument of the other programme',
      () => ({ rows: [good(), bad('ylyc-8-11', {}, { programme: 'ylbc' })] }),
      'line 4, column instrument: ylyc-8-11 is not an instrument of ylbc (ylbc-16-25)',
    ],
    [
      'a row with one field fewer than the header',
      () => ({
        rows: [good(), bad('ylyc-8-11', {})],
        // The last column (make_life_better) is empty for ylyc rows: drop its comma from line 4.
        edit: (csv) => csv.replace(/,\r\n$/, '\r\n'),
      }),
      `line 4: ${ALL_CSV_COLUMNS.length - 1} fields where the header has ${ALL_CSV_COLUMNS.length}`,
    ],
    [
      'a missing required age',
      () => ({ rows: [good(), bad('ylyc-4-7', { age: undefined })] }),
      'line 4, column age: required',
    ],
  ];

  it.each(cases)('%s', async (_, build, problem) => {
    const { rows, columns = ALL_CSV_COLUMNS, edit = (csv: string) => csv } = build();
    const before = tableCounts(db.path);
    const file = writeCsv(dir, `bad-${++fileCounter}.csv`, edit(buildCsv(columns, rows)));
    const r = await runCli(['import', file], db.env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${problem}\nhearme import: nothing imported: 1 problem in the file\n`);
    expect(tableCounts(db.path)).toEqual(before);
    expect(query(db.path, "SELECT count(*) AS n FROM waves WHERE period = '2023'")).toEqual([{ n: 0 }]);
  });

  it('lists every problem of the file, in line order', async () => {
    const rows = [
      bad('ylyc-8-11', { gender: 'robot' }, { response_id: uuidFor(601) }),
      good(), // lines 3-4
      bad('ylyc-4-7', { happy_yesterday_faces: 0, feel_safe: 'maybe' }, { response_id: uuidFor(602) }),
    ];
    const r = await runCli(['import', csvFile(rows)], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      'line 2, column gender: "robot" is not an option (expected one of male, female, another_way, prefer_not_to_say)',
      'line 5, column feel_safe: "maybe" is not an option (expected one of yes, sometimes, no)',
      'line 5, column happy_yesterday_faces: 0 is out of range (1 to 5)',
      'hearme import: nothing imported: 3 problems in the file',
      '',
    ]);
  });
});

describe('line numbers count the lines of quoted texts', () => {
  let db: Awaited<ReturnType<typeof databaseWithAuthority>>;
  beforeAll(async () => {
    db = await databaseWithAuthority();
  });

  const text = (n: number, make_care_better: string) =>
    responseRow({ n, instrument: 'ylyc-11-17', answers: { make_care_better } });
  const robot = (n: number) => responseRow({ n, instrument: 'ylyc-11-17', answers: { gender: 'robot' } });

  it('texts with line feeds (as Excel writes them) and a blank line between rows', async () => {
    const csv =
      buildCsv(ALL_CSV_COLUMNS, [text(1, 'two\nlines')]) + // lines 1-3
      '\r\n' + // line 4, blank
      buildCsv(ALL_CSV_COLUMNS, [text(2, 'three\nshort\nlines'), robot(3)]).split('\r\n').slice(1).join('\r\n'); // lines 5-7, 8
    const r = await runCli(['import', writeCsv(dir, 'lf.csv', csv)], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^line 8, column gender: "robot" is not an option/);
  });

  it('texts with CRLF line ends inside the quotes', async () => {
    const rows = [
      text(11, 'first\r\nsecond'), // lines 2-3
      robot(12), // line 4
      text(13, 'one\r\ntwo\r\nthree'), // lines 5-7
      robot(14), // line 8
    ];
    const r = await runCli(['import', csvFile(rows)], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^line 4, column gender: /),
      expect.stringMatching(/^line 8, column gender: /),
    ]);
  });

  it('a bad row that itself spans lines is named by its first line', async () => {
    const rows = [
      text(21, 'a\nb'), // lines 2-3
      { ...text(22, 'c\r\nd'), gender: 'robot' }, // lines 4-5
      { ...text(23, 'e\nf'), gender: 'robot' }, // lines 6-7
    ];
    const r = await runCli(['import', csvFile(rows)], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^line 4, column gender: /),
      expect.stringMatching(/^line 6, column gender: /),
    ]);
  });
});

describe('a long file', () => {
  it('reports progress on stderr every 10,000 rows', async () => {
    const db = await databaseWithAuthority();
    // Age alone: the smallest valid row, so the file is long but quick.
    const rows = Array.from({ length: 10_001 }, (_, n) => ({
      response_id: uuidFor(n + 1),
      authority: 'E06000002',
      programme: 'ylyc',
      period: '2024',
      instrument: 'ylyc-8-11',
      instrument_version: 1,
      submitted_on: '2024-05-01',
      age: 8 + (n % 4),
    }));
    const file = csvFile(rows, [...ALL_CSV_COLUMNS.slice(0, 7), 'age']);
    const r = await runCli(['import', file], db.env);
    expect(r.code).toBe(0);
    // The file is read as it is checked: progress is a share of its bytes.
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^checked 10000 rows \((9\d|100)% of the file\)$/)]);
    expect(r.stdout).toMatch(/^imported 10001 responses/);
    // by hand: ages 8, 9, 10, 11 in turn over 10,001 rows: 2,501 eights and 2,500 of each other age
    expect(query(db.path, "SELECT value, n FROM answer_counts WHERE question = 'age' ORDER BY value")).toEqual([
      { value: '10', n: 2500 },
      { value: '11', n: 2500 },
      { value: '8', n: 2501 },
      { value: '9', n: 2500 },
    ]);
  });
});
