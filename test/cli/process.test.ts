// The real entry point run as a child process (the built bin, which the
// test run's global setup builds from the sources): main()'s exit codes and
// output reach the operating system.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, makeTempDir, query, removeTempDir } from '../helpers/cli.js';
import { HEARME_BIN, runToEnd } from '../helpers/server-process.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

/** Runs `node dist/server/main.js ...args` with the given configuration and nothing else of ours. */
const hearme = (args: string[], env: Record<string, string> = {}) => runToEnd(process.execPath, [HEARME_BIN, ...args], env, dir);

describe('the hearme process', () => {
  it('exits 0 for --help, printing the overview', () => {
    const r = hearme(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: hearme COMMAND/);
    expect(r.stderr).toBe('');
  });

  it('exits 2 for an unknown command, with the reason on stderr', () => {
    const r = hearme(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('hearme: unknown command frobnicate; try hearme --help\n');
  });

  it('exits 0 then 2 when the same authority is added twice; the first is stored', () => {
    const db = freshDatabase(dir);
    const first = hearme(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('{"code":"E06000002","name":"Middlesbrough","region":null,"contact":null}\n');
    const second = hearme(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env);
    expect(second.status).toBe(2);
    expect(second.stderr).toBe('hearme authority add: authority E06000002 already exists\n');
    expect(query(db.path, 'SELECT code FROM authorities')).toEqual([{ code: 'E06000002' }]);
  });

  it('exits 2 for an invalid environment variable, naming it', () => {
    const db = freshDatabase(dir);
    const r = hearme(['migrate'], { ...db.env, PORT: 'abc' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^hearme migrate: environment variable PORT: /m);
  });

  it('exits 1 for a failure while running', () => {
    const folder = join(dir, 'a-folder.sqlite');
    mkdirSync(folder);
    const r = hearme(['migrate'], { DATABASE_PATH: folder });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^hearme migrate: failed: /m);
  });
});
