// Exit codes of `hearme` (contract: 0 success, 1 failure while running,
// 2 bad usage or invalid input, with a one-line reason on stderr), run
// in-process through main().
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../server/main.js';
import { freshDatabase, makeTempDir, removeTempDir, runCli, writeCsv } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

/** A database with authority E06000002 and its ylyc 2024 wave. */
async function seeded() {
  const db = freshDatabase(dir);
  expect((await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env)).code).toBe(0);
  expect((await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024'], db.env)).code).toBe(0);
  return db;
}

/** stderr for a usage error: one line naming the command, nothing on stdout. */
function expectOneLineReason(r: { stdout: string; stderr: string }, reason: RegExp) {
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(reason);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('hearme exits 0 on success', () => {
  it('hearme wave --help lists the commands of the group', async () => {
    const r = await runCli(['wave', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('hearme wave create');
    expect(r.stdout).toContain('hearme wave population');
  });

  it('hearme --help prints the overview listing every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(r.stdout).toContain(name);
    expect(r.stderr).toBe('');
  });

  it.each(Object.keys(COMMANDS))('hearme %s --help prints its usage and exits 0', async (name) => {
    const db = freshDatabase(dir);
    const r = await runCli([...name.split(' '), '--help'], db.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: hearme ${name}\\b`));
    expect(r.stderr).toBe('');
    // --help does nothing else: not even create the database.
    expect(existsSync(db.path)).toBe(false);
  });

  it('--help wins over otherwise invalid flags', async () => {
    const r = await runCli(['wave', 'create', '--period', 'nonsense', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: hearme wave create/);
  });
});

describe('hearme exits 2 on bad usage, with the reason on stderr', () => {
  it('no command at all says so on stderr, with the overview', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^hearme: no command given\n/);
    expect(r.stderr).toContain('wave create');
  });

  it('an unknown command', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /unknown command frobnicate/);
  });

  it('a group without a known subcommand names the subcommands', async () => {
    const r = await runCli(['wave', 'delete']);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /expected one of create, population/);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['authority add without --name', ['authority', 'add', '--code', 'E06000002'], /--name/],
    ['authority add with a bad ONS code', ['authority', 'add', '--code', 'X123', '--name', 'Nowhere'], /--code: expected an ONS code/],
    ['authority add with an unknown flag', ['authority', 'add', '--code', 'E06000002', '--name', 'M', '--colour', 'red'], /--colour/],
    ['authority add with a stray argument', ['authority', 'add', 'E06000002', '--code', 'E06000002', '--name', 'M'], /unexpected argument '?E06000002/i],
    ['wave create without --period', ['wave', 'create', '--authority', 'E06000002'], /--period/],
    ['wave create with a bad period', ['wave', 'create', '--authority', 'E06000002', '--period', '24'], /--period: expected a period/],
    ['wave create with a bad programme', ['wave', 'create', '--authority', 'E06000002', '--period', '2024', '--programme', 'abc'], /--programme/],
    ['wave create with a date that does not exist', ['wave', 'create', '--authority', 'E06000002', '--period', '2024', '--opens', '2024-02-30'], /--opens: not a real date/],
    ['wave create closing before it opens', ['wave', 'create', '--authority', 'E06000002', '--period', '2024', '--opens', '2024-06-01', '--closes', '2024-05-01'], /--closes: closes before it opens/],
    ['wave population without --band', ['wave', 'population', '--authority', 'E06000002', '--period', '2024'], /--band/],
    ['wave population with --band lacking a number', ['wave', 'population', '--authority', 'E06000002', '--period', '2024', '--band', '4-7'], /--band: expected BAND=NUMBER/],
    ['wave population with an unknown band', ['wave', 'population', '--authority', 'E06000002', '--period', '2024', '--band', '5-9=10'], /--band/],
    ['wave population with a negative number', ['wave', 'population', '--authority', 'E06000002', '--period', '2024', '--band', '4-7=-5'], /--band/],
    ['import without a file', ['import'], /give the CSV file/],
    ['import with an unknown flag', ['import', 'x.csv', '--force'], /--force/],
    ['export without --period', ['export', '--authority', 'E06000002'], /--period/],
    ['backup without a file', ['backup'], /give the FILE/],
    ['migrate with an argument', ['migrate', 'now'], /unexpected argument '?now/i],
  ];

  it.each(usageErrors)('%s', async (_, args, reason) => {
    const db = freshDatabase(dir);
    const r = await runCli(args, db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, reason);
    // Flags are checked before the database is touched.
    expect(existsSync(db.path)).toBe(false);
  });

  it('adding an authority that already exists', async () => {
    const db = await seeded();
    const r = await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Again'], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /authority E06000002 already exists/);
  });

  it('the same authority code in lower case is still a duplicate', async () => {
    const db = await seeded();
    const r = await runCli(['authority', 'add', '--code', 'e06000002', '--name', 'Again'], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /already exists/);
  });

  it('a wave for an authority that does not exist', async () => {
    const db = await seeded();
    const r = await runCli(['wave', 'create', '--authority', 'W06000001', '--period', '2024'], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /no authority W06000001/);
  });

  it('a second wave for the same authority, programme and period', async () => {
    const db = await seeded();
    const r = await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylyc'], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /already has a ylyc wave for 2024/);
  });

  it('a population for a wave that does not exist', async () => {
    const db = await seeded();
    const r = await runCli(['wave', 'population', '--authority', 'E06000002', '--period', '2023', '--band', '4-7=10'], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /no ylyc wave for E06000002 in 2023/);
  });

  it('a population for a band the programme does not have', async () => {
    const db = await seeded();
    const r = await runCli(['wave', 'population', '--authority', 'E06000002', '--period', '2024', '--band', '16-25=5'], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /16-25 is not a band of ylyc \(4-7, 8-11, 11-17\)/);
  });

  it('an export into a folder that does not exist', async () => {
    const db = await seeded();
    const out = join(dir, 'no-such-folder', 'x.csv');
    const r = await runCli(['export', '--authority', 'E06000002', '--period', '2024', '--out', out], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /folder .*no-such-folder does not exist/);
  });

  it('a backup when there is no database at DATABASE_PATH, which it does not create', async () => {
    const missing = join(dir, 'missing.sqlite');
    const r = await runCli(['backup', join(dir, 'copy.sqlite')], { DATABASE_PATH: missing });
    expect(r.code).toBe(2);
    expectOneLineReason(r, /no database at .*missing\.sqlite/);
    expect(existsSync(missing)).toBe(false);
  });

  it('a report on a database with no authority names the file and what to run (README without DATABASE_PATH after npm run demo)', async () => {
    const db = freshDatabase(dir);
    const args = ['report', '--authority', 'E06000002', '--period', '2024'];
    const first = await runCli(args, db.env);
    expect(first.code).toBe(2);
    expectOneLineReason(
      first,
      new RegExp(`unknown authority E06000002.*; the database ${db.path} \\(DATABASE_PATH\\) did not exist and was created empty: for the demo's data run the command with DATABASE_PATH=data/demo.sqlite after npm run demo, or start your own with hearme authority add`),
    );
    expectOneLineReason(await runCli(args, db.env), new RegExp(`the database ${db.path} \\(DATABASE_PATH\\) is empty: `));
  });

  it('a report for an unknown authority says it is unknown; for a period it has no round in, which periods it has', async () => {
    const db = await seeded();
    const unknown = await runCli(['report', '--authority', 'E06000099', '--period', '2024'], db.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('hearme report: unknown authority E06000099: no authority has this code here\n');
    const period = await runCli(['report', '--authority', 'E06000002', '--period', '2023'], db.env);
    expect(period.stderr).toBe('hearme report: no ylyc wave for E06000002 in 2023 (it has 2024)\n');
    const programme = await runCli(['report', '--authority', 'E06000002', '--period', '2024', '--programme', 'ylbc'], db.env);
    expect(programme.stderr).toBe('hearme report: no ylbc wave for E06000002 in 2024 (it has no ylbc waves)\n');
  });

  it('an export for an authority that does not exist', async () => {
    const db = await seeded();
    const r = await runCli(['export', '--authority', 'W06000001', '--period', '2024'], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /no authority W06000001/);
  });

  it('importing a file that does not exist', async () => {
    const db = await seeded();
    const r = await runCli(['import', join(dir, 'no-such-file.csv')], db.env);
    expect(r.code).toBe(2);
    expectOneLineReason(r, /cannot read .*no-such-file\.csv: ENOENT/);
  });

  it('importing a folder: the read error is the reason (and the import does not hang)', async () => {
    const db = await seeded();
    const r = await runCli(['import', dir], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^line 1: .*EISDIR/m);
    expect(r.stderr).toMatch(/nothing imported: 1 problem in the file/);
  });

  it('importing a file that is not valid CSV (a quote never closed)', async () => {
    const db = await seeded();
    const header = 'response_id,authority,programme,period,instrument,instrument_version,submitted_on';
    const file = writeCsv(dir, 'unclosed.csv', `${header}\r\n"abc,E06000002,ylyc,2024,ylyc-8-11,1,2024-05-01\r\n`);
    const r = await runCli(['import', file], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^line \d+: .*quote/m);
    expect(r.stderr).toMatch(/nothing imported: 1 problem in the file/);
  });

  it('importing an empty file', async () => {
    const db = await seeded();
    const r = await runCli(['import', writeCsv(dir, 'empty.csv', '')], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 1: the file is empty/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MIN_BASE', '0'],
    ['LOG_LEVEL', 'chatty'],
  ])('an invalid environment variable %s=%s, naming the variable', async (name, value) => {
    const db = freshDatabase(dir);
    const r = await runCli(['migrate'], { ...db.env, [name]: value });
    expect(r.code).toBe(2);
    expectOneLineReason(r, new RegExp(`environment variable ${name}`));
    expect(existsSync(db.path)).toBe(false);
  });

  it('an invalid environment variable fails every command that opens the database', async () => {
    const db = await seeded();
    for (const args of [
      ['authority', 'add', '--code', 'E06000003', '--name', 'Stockton'],
      ['wave', 'create', '--authority', 'E06000002', '--period', '2025'],
      ['export', '--authority', 'E06000002', '--period', '2024'],
      ['backup', join(dir, 'never-written.sqlite')],
    ]) {
      const r = await runCli(args, { ...db.env, PORT: 'abc' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/PORT/);
    }
    expect(existsSync(join(dir, 'never-written.sqlite'))).toBe(false);
  });
});

describe('hearme exits 1 on a failure while running', () => {
  it('a DATABASE_PATH that is a folder cannot be opened', async () => {
    const folder = join(dir, 'a-folder.sqlite');
    mkdirSync(folder);
    const r = await runCli(['migrate'], { DATABASE_PATH: folder });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^hearme migrate: failed: /);
  });

  it('a DATABASE_PATH that is not a SQLite file', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    const r = await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'M'], { DATABASE_PATH: junk });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed: .*not a database/);
  });
});
