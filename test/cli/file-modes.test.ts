// Issue 11, item 12: the database, its WAL and shared memory, backups,
// exports and reports hold children's answers or figures about them:
// created readable by their owner only (0600), whatever the umask allows.
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from '../../server/db/database.js';
import { freshDatabase, makeTempDir, removeTempDir, runCli } from '../helpers/cli.js';

let dir: string;
let db: { path: string; env: { DATABASE_PATH: string } };
beforeAll(async () => {
  dir = makeTempDir();
  db = freshDatabase(dir);
  expect((await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env)).code).toBe(0);
  expect((await runCli(['wave', 'create', '--authority', 'E06000002', '--period', '2024'], db.env)).code).toBe(0);
});
afterAll(() => removeTempDir(dir));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files with answers in them are 0600', () => {
  it('the database, its WAL and shared-memory files', async () => {
    expect(mode(db.path)).toBe(0o600);
    const open = openDatabase(db.path);
    try {
      await migrateToLatest(open.db);
      for (const suffix of ['-wal', '-shm']) {
        expect(existsSync(db.path + suffix)).toBe(true);
        expect(mode(db.path + suffix)).toBe(0o600);
      }
    } finally {
      await open.db.destroy();
    }
  });

  it('an existing database left world-readable is made private when opened', async () => {
    const old = freshDatabase(dir);
    writeFileSync(old.path, '');
    chmodSync(old.path, 0o644);
    expect((await runCli(['migrate'], old.env)).code).toBe(0);
    expect(mode(old.path)).toBe(0o600);
  });

  it('a backup', async () => {
    const file = join(dir, 'backup.sqlite');
    expect((await runCli(['backup', file], db.env)).code).toBe(0);
    expect(mode(file)).toBe(0o600);
  });

  it('an export', async () => {
    const file = join(dir, 'export.csv');
    expect((await runCli(['export', '--authority', 'E06000002', '--period', '2024', '--out', file], db.env)).code).toBe(0);
    expect(mode(file)).toBe(0o600);
  });

  it('a report, and every report of --all with its folder', async () => {
    const file = join(dir, 'report.html');
    expect((await runCli(['report', '--authority', 'E06000002', '--period', '2024', '--out', file], db.env)).code).toBe(0);
    expect(mode(file)).toBe(0o600);
    const folder = join(dir, 'reports');
    const all = await runCli(['report', '--all', '--period', '2024', '--dir', folder], db.env);
    expect(all.code, all.stderr).toBe(0);
    expect(mode(folder)).toBe(0o700);
    for (const format of ['html', 'json', 'csv']) expect(mode(join(folder, `E06000002-ylyc-2024.${format}`))).toBe(0o600);
  });
});
