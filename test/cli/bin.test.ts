// The installed `hearme` bin, reached the ways people reach it: through a
// symlink in a bin folder (what npm link and npm install -g make) and
// through npx. Each must run the command, with its output and exit code,
// never print nothing and exit 0. Runs the built dist/server/main.js (the
// package's bin), which the test run's global setup builds from the sources.
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, makeTempDir, query, removeTempDir } from '../helpers/cli.js';
import { HEARME_BIN, runToEnd } from '../helpers/server-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { hearme: string } };

let dir: string;
let link: string;
beforeAll(() => {
  dir = makeTempDir('hearme-bin-');
  // As npm link does: a link in a bin folder to the package's bin, made executable.
  mkdirSync(join(dir, 'bin'));
  link = join(dir, 'bin', 'hearme');
  symlinkSync(HEARME_BIN, link);
  chmodSync(HEARME_BIN, 0o755);
});
afterAll(() => removeTempDir(dir));

const viaLink = (args: string[], env: Record<string, string> = {}, input?: string) => runToEnd(link, args, { LOG_LEVEL: 'silent', ...env }, dir, input);
// --no: never fetch a package named hearme from the registry; npx runs this project's own bin (through a link of its own).
const viaNpx = (args: string[], env: Record<string, string> = {}) =>
  runToEnd('npx', ['--no', '--', 'hearme', ...args], { LOG_LEVEL: 'silent', ...env }, ROOT);

describe('hearme through a symlink in a bin folder (npm link, npm install -g)', () => {
  it('links the file package.json names as the bin', () => {
    expect(HEARME_BIN).toBe(join(ROOT, PACKAGE.bin.hearme));
  });

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

  // The bin is one bundle (scripts/build-server.mjs); what it loads only when
  // asked must still be whole there. The password dictionaries once came
  // out of it empty: a CommonJS package loaded on demand lost its exports.
  it('weighs a new password against its dictionaries, loaded when first asked for', () => {
    const db = freshDatabase(dir);
    expect(viaLink(['authority', 'add', '--code', 'E06000001', '--name', 'Hartlepool'], db.env).status).toBe(0);
    const add = (email: string, password: string) => viaLink(['user', 'add', '--email', email, '--role', 'viewer', '--authority', 'E06000001', '--password-stdin'], db.env, `${password}\n`);
    const weak = add('weak@example.org', 'password1234');
    expect(weak.stderr).toMatch(/too easy to guess/);
    expect(weak.status).toBe(2);
    const strong = add('strong@example.org', 'kettle orbit hedgerow 47');
    expect(strong.stderr).toBe('');
    expect(strong.status).toBe(0);
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
// Its first run in a fresh clone also installs the project into npx's own
// cache (16 s on a quiet 2-core machine, over 30 s while the suite runs).
describe('hearme through npx', { timeout: 120_000 }, () => {
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
