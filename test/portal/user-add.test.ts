// hearme user add: rules for passwords, a real scrypt hash that verifies,
// a generated password printed once, and a password read from stdin.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords.js';
import { freshDatabase, makeTempDir, query, removeTempDir, runCli } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
beforeAll(() => void (dir = makeTempDir()));
afterAll(() => removeTempDir(dir));

describe('hearme user add', () => {
  it('creates a programme admin with a generated password, printed once, stored as scrypt N=2^17', async () => {
    const db = freshDatabase(dir);
    const r = await runCli(['user', 'add', '--email', 'Admin@Example.org', '--role', 'programme_admin'], db.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { email: string; password: string; role: string };
    expect(out.email).toBe('admin@example.org');
    expect(out.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const [row] = query<{ password_hash: string; role: string }>(db.path, 'SELECT password_hash, role FROM users');
    expect(row!.role).toBe('programme_admin');
    expect(row!.password_hash).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(row!.password_hash).not.toContain(out.password);
    expect(await verifyPassword(out.password, row!.password_hash)).toBe(true);
    expect(await verifyPassword(out.password + 'x', row!.password_hash)).toBe(false);
    const again = await runCli(['user', 'add', '--email', 'admin@example.org', '--role', 'viewer', '--authority', 'E06000002'], db.env);
    expect(again.code).toBe(2);
  });

  it('needs an authority for officers and viewers, and one that exists', async () => {
    const db = freshDatabase(dir);
    const none = await runCli(['user', 'add', '--email', 'o@example.org', '--role', 'authority_officer'], db.env);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--authority/);
    const unknown = await runCli(['user', 'add', '--email', 'o@example.org', '--role', 'viewer', '--authority', 'E06000099'], db.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no authority E06000099/);
    expect(query(db.path, 'SELECT * FROM users')).toEqual([]);
    await runCli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], db.env);
    await runCli(['authority', 'add', '--code', 'E06000003', '--name', 'Redcar'], db.env);
    const ok = await runCli(
      ['user', 'add', '--email', 'o@example.org', '--role', 'authority_officer', '--authority', 'E06000002', '--authority', 'e06000003'],
      db.env,
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).authorities).toEqual(['E06000002', 'E06000003']);
    expect(query(db.path, 'SELECT count(*) AS n FROM user_authorities')).toEqual([{ n: 2 }]);
    expect(query(db.path, "SELECT action FROM audit_log")).toEqual([{ action: 'user_create' }]);
  });

  it('reads the password from standard input with --password-stdin, and refuses a weak one', () => {
    const db = freshDatabase(dir);
    const run = (input: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'user', 'add', '--email', 'a@example.org', '--role', 'programme_admin', '--password-stdin'], {
        cwd: ROOT,
        env: { ...process.env, ...db.env, LOG_LEVEL: 'silent' },
        input,
        encoding: 'utf8',
        timeout: 30_000,
      });
    const weak = run('password1234\n');
    expect(weak.status).toBe(2);
    expect(weak.stderr).toMatch(/too easy to guess/);
    const good = run('tangerine kettle Orbit 42\n');
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).not.toHaveProperty('password');
  }, 90_000); // two tsx start-ups, each loading the strength dictionaries
});
