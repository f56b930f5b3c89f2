// hearme backup FILE (a consistent copy that opens and checks clean, never
// overwriting, never leaving a partial file) and hearme migrate.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations/index.js';
import {
  ALL_CSV_COLUMNS,
  buildCsv,
  freshDatabase,
  makeTempDir,
  query,
  removeTempDir,
  responseRow,
  runCli,
  tableCounts,
  writeCsv,
} from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

/** A database with E06000002 and 5 imported responses (ylyc-8-11, seeds 1-5). */
async function databaseWithResponses() {
  const db = freshDatabase(dir);
  expect((await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env)).code).toBe(0);
  const rows = [1, 2, 3, 4, 5].map((n) => responseRow({ n, instrument: 'ylyc-8-11' }));
  const file = writeCsv(dir, `${basename(db.path)}.csv`, buildCsv(ALL_CSV_COLUMNS, rows));
  expect((await runCli(['import', file], db.env)).code).toBe(0);
  return db;
}

/** Files in dir named like the target, other than the target itself: leftovers of a backup. */
const leftovers = (target: string) =>
  readdirSync(dir).filter((f) => f.startsWith(basename(target)) && f !== basename(target));

describe('hearme backup FILE', () => {
  it('writes a copy that opens, passes integrity_check and holds the responses', async () => {
    const db = await databaseWithResponses();
    const target = join(dir, 'backup-1.sqlite');
    const r = await runCli(['backup', target], db.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const printed = JSON.parse(r.stdout) as { file: string; responses: number; bytes: number; integrity: string };
    expect(printed).toMatchObject({ file: target, responses: 5, integrity: 'ok' });
    expect(printed.bytes).toBe(readFileSync(target).length);

    const copy = new SQLite(target, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    expect(tableCounts(target)).toEqual(tableCounts(db.path));
    expect(query(target, 'SELECT uuid FROM responses ORDER BY uuid')).toEqual(query(db.path, 'SELECT uuid FROM responses ORDER BY uuid'));
    expect(query(target, 'SELECT code, name FROM authorities')).toEqual([{ code: 'E06000002', name: 'Middlesbrough' }]);
    expect(leftovers(target)).toEqual([]);
  });

  it('is a consistent snapshot while another connection is writing', async () => {
    const db = await databaseWithResponses();
    const writer = new SQLite(db.path);
    try {
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare("INSERT INTO authorities (code, name) VALUES ('E06000004', 'Stockton-on-Tees')").run();
      // The write is not committed: the backup must run anyway and not see it.
      const target = join(dir, 'backup-during-write.sqlite');
      const r = await runCli(['backup', target], db.env);
      expect(r.code).toBe(0);
      expect(query(target, 'SELECT code FROM authorities')).toEqual([{ code: 'E06000002' }]);
      expect(query(target, 'SELECT count(*) AS n FROM responses')).toEqual([{ n: 5 }]);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('refuses a FILE that exists, with exit code 2, and leaves it untouched', async () => {
    const db = await databaseWithResponses();
    const target = join(dir, 'precious.txt');
    writeFileSync(target, 'do not overwrite me');
    const r = await runCli(['backup', target], db.env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(target, 'utf8')).toBe('do not overwrite me');
    expect(leftovers(target)).toEqual([]);
  });

  it('refuses a FILE in a folder that does not exist, with exit code 2', async () => {
    const db = await databaseWithResponses();
    const r = await runCli(['backup', join(dir, 'no-such-folder', 'b.sqlite')], db.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('leaves no file at all when the copy fails', async () => {
    const db = await databaseWithResponses();
    const target = join(dir, 'backup-fails.sqlite');
    // Make the copy fail mid-way: a non-empty file already sits where the
    // copy is written before being renamed, so VACUUM INTO refuses it.
    writeFileSync(`${target}.partial-${process.pid}`, 'stale bytes from an earlier crash');
    const r = await runCli(['backup', target], db.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^hearme backup: failed: /);
    expect(existsSync(target)).toBe(false);
    expect(leftovers(target)).toEqual([]);
  });
});

describe('hearme migrate', () => {
  it('creates and migrates a new database, says what it applied, and is idempotent', async () => {
    const db = freshDatabase(dir);
    const names = Object.keys(MIGRATIONS);

    const first = await runCli(['migrate'], db.env);
    expect(first).toEqual({ code: 0, stdout: `applied ${names.join(', ')} to ${db.path}\n`, stderr: '' });
    const tables = () =>
      query<{ name: string }>(db.path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely%' ORDER BY name").map(
        (t) => t.name,
      );
    // Each migration's own tables are checked in test/unit/migrations.test.ts; here, that they all exist.
    const created = tables();
    expect(created).toEqual(
      expect.arrayContaining(['action_notes', 'actions', 'answer_counts', 'answer_counts_by', 'answers', 'audit_log', 'authorities', 'children_results', 'responses', 'safeguarding_reviews', 'sessions', 'user_authorities', 'users', 'wave_populations', 'waves']),
    );

    const second = await runCli(['migrate'], db.env);
    expect(second).toEqual({ code: 0, stdout: `${db.path} is already at the latest schema\n`, stderr: '' });
    expect(tables()).toEqual(created);
    expect(query(db.path, 'SELECT name FROM kysely_migration ORDER BY name').map((r) => r.name)).toEqual(names);
  });

  it('keeps the data of a database already in use', async () => {
    const db = await databaseWithResponses();
    const before = tableCounts(db.path);
    const r = await runCli(['migrate'], db.env);
    expect(r.stdout).toMatch(/is already at the latest schema/);
    expect(tableCounts(db.path)).toEqual(before);
  });
});
