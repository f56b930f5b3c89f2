// The installed `hearme` bin, reached the ways people reach it: through a
// symlink in a bin folder (what npm link and npm install -g make) and
// through npx. Each must run the command, with its output and exit code,
// never print nothing and exit 0. Runs the built dist/server/main.js (the
// package's bin), which the test run's global setup builds from the sources.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, makeTempDir, query, removeTempDir } from '../helpers/cli.js';
import { ConfigSchema } from '../../server/config.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { hearme: string } };
const BIN = join(ROOT, PACKAGE.bin.hearme);

let dir: string;
let link: string;
beforeAll(() => {
  dir = makeTempDir('hearme-bin-');
  // As npm link does: a link in a bin folder to the package's bin, made executable.
  mkdirSync(join(dir, 'bin'));
  link = join(dir, 'bin', 'hearme');
  symlinkSync(BIN, link);
  chmodSync(BIN, 0o755);
});
afterAll(() => removeTempDir(dir));

/** Runs a program with our configuration variables cleared, then `env`. */
function run(file: string, args: string[], env: Record<string, string> = {}, cwd = dir) {
  const base = { ...process.env };
  for (const v of Object.keys(ConfigSchema.shape)) delete base[v];
  const r = spawnSync(file, args, { cwd, env: { ...base, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const viaLink = (args: string[], env?: Record<string, string>) => run(link, args, env);
// --no: never fetch a package named hearme from the registry; npx runs this project's own bin (through a link of its own).
const viaNpx = (args: string[], env?: Record<string, string>) => run('npx', ['--no', '--', 'hearme', ...args], env, ROOT);

describe('hearme through a symlink in a bin folder (npm link, npm install -g)', () => {
  it('prints the overview for --help and exits 0', () => {
    const r = viaLink(['--help']);
    expect(r.stdout).toMatch(/^Usage: hearme COMMAND/);
    expect(r.status).toBe(0);
  });

  it('refuses an unknown command with exit code 2', () => {
    const r = viaLink(['nosuchcommand']);
    expect(r.stderr).toBe('hearme: unknown command nosuchcommand; try hearme --help\n');
    expect(r.status).toBe(2);
  });

  it('does the work: adds an authority, then backs the database up to a file', () => {
    const db = freshDatabase(dir);
    const added = viaLink(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env);
    expect(added.status).toBe(0);
    expect(query(db.path, 'SELECT code FROM authorities')).toEqual([{ code: 'E06000002' }]);
    const copy = join(dir, 'link-backup.sqlite');
    expect(viaLink(['backup', copy], db.env).status).toBe(0);
    expect(query(copy, 'SELECT code FROM authorities')).toEqual([{ code: 'E06000002' }]);
  });

  it('exits 1 when the work fails (a folder where the database should be)', () => {
    const folder = join(dir, 'a-folder.sqlite');
    mkdirSync(folder);
    const r = viaLink(['migrate'], { DATABASE_PATH: folder });
    expect(r.stderr).toMatch(/^hearme migrate: failed: /m);
    expect(r.status).toBe(1);
  });
});

// npx itself takes seconds to start: two runs, one that works and one that must fail.
describe('hearme through npx', () => {
  it('backs a database up to a file and exits 0', () => {
    const db = freshDatabase(dir);
    expect(viaLink(['migrate'], db.env).status).toBe(0);
    const copy = join(dir, 'npx-backup.sqlite');
    const r = viaNpx(['backup', copy], db.env);
    expect(r.stdout).toContain('"integrity":"ok"');
    expect(r.status).toBe(0);
    expect(existsSync(copy)).toBe(true);
  });

  it('refuses an unknown command with exit code 2', () => {
    const r = viaNpx(['nosuchcommand']);
    expect(r.stderr).toContain('hearme: unknown command nosuchcommand; try hearme --help');
    expect(r.status).toBe(2);
  });
});
