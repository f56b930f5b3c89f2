// A backup taken while tablets submit opens, passes integrity_check and
// holds every response acknowledged before it began.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Tablets } from '../helpers/load.js';
import { hearmeOn, seedByCli, startServer } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'hearme-backup-'));
const dbPath = join(dir, 'db.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backup under load', () => {
  it('holds every response acknowledged before the backup began', async () => {
    const code = await seedByCli(dbPath);
    const server = await startServer({ DATABASE_PATH: dbPath, SUBMIT_RATE_LIMIT: '1000000' });
    const tablets = new Tablets(() => server.base, code);
    tablets.start(20);
    try {
      await tablets.acknowledge(100);
      const before = new Set(tablets.acknowledged);
      const file = join(dir, 'backup.sqlite');
      const printed = JSON.parse(await hearmeOn(dbPath, ['backup', file])) as { responses: number; integrity: string };
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
