// A backup taken while tablets submit opens, passes integrity_check and
// holds every response acknowledged before it began.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Tablets } from '../helpers/load.js';
import { startServer } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'hearme-backup-'));
const dbPath = join(dir, 'db.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { cwd: fileURLToPath(new URL('../..', import.meta.url)), env: { ...process.env, DATABASE_PATH: dbPath } };
const hearme = ['--import', 'tsx', 'server/main.ts'];
const cli = (args: string[]) => execFileSync(process.execPath, [...hearme, ...args], { ...options, encoding: 'utf8' });
/** Without blocking this process, so the tablets keep submitting meanwhile. */
const cliAsync = async (args: string[]) => (await promisify(execFile)(process.execPath, [...hearme, ...args], options)).stdout;

describe('backup under load', () => {
  it('holds every response acknowledged before the backup began', async () => {
    cli(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough']);
    const { code } = JSON.parse(cli(['wave', 'create', '--authority', 'E06000002', '--period', '2024'])) as { code: string };
    const server = await startServer({ DATABASE_PATH: dbPath, SUBMIT_RATE_LIMIT: '1000000' });
    const tablets = new Tablets(() => server.base, code);
    tablets.start(20);
    try {
      await new Promise((r) => setTimeout(r, 1500));
      const before = new Set(tablets.acknowledged);
      const file = join(dir, 'backup.sqlite');
      const printed = JSON.parse(await cliAsync(['backup', file])) as { responses: number; integrity: string };
      const after = tablets.acknowledged.size;
      await tablets.stop();

      const copy = new SQLite(file, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const inBackup = new Set((copy.prepare('SELECT uuid FROM responses').all() as { uuid: string }[]).map((r) => r.uuid));
        const missing = [...before].filter((id) => !inBackup.has(id));
        console.log(
          `backup under load: ${before.size} acknowledged before, ${inBackup.size} in the backup, ` +
            `${after} acknowledged by its end, ${missing.length} missing`,
        );
        expect(before.size).toBeGreaterThan(0);
        expect(missing).toEqual([]);
        expect(printed).toMatchObject({ responses: inBackup.size, integrity: 'ok' });
        // The load went on while the backup ran.
        expect(after).toBeGreaterThan(before.size);
      } finally {
        copy.close();
      }
    } finally {
      await tablets.stop();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000);
});
