// Graceful shutdown under load: SIGTERM while tablets submit finishes the
// requests in flight, refuses new ones (503 or a refused connection),
// exits 0 with the database closed cleanly, and loses nothing acknowledged.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDurability } from '../helpers/db-check.js';
import { Tablets } from '../helpers/load.js';
import { seedByCli, startServer } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'hearme-term-'));
const dbPath = join(dir, 'db.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graceful shutdown under load', () => {
  it('finishes what is in flight, refuses the rest, exits 0 and loses nothing', async () => {
    const code = await seedByCli(dbPath);
    const server = await startServer({ DATABASE_PATH: dbPath, SUBMIT_RATE_LIMIT: '1000000', LOG_LEVEL: 'info' });
    const tablets = new Tablets(() => server.base, code);
    tablets.start(30);
    await tablets.acknowledge(100);
    const beforeTerm = tablets.acknowledged.size;
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    await tablets.refuse(1); // tablets now meet a closed port
    await tablets.stop();

    // Closed cleanly: the last connection checkpointed the WAL away (checked before this test opens the file).
    const walLeft = existsSync(`${dbPath}-wal`);
    const report = checkDurability(dbPath, tablets.acknowledged, tablets.sent);
    const statuses = Object.fromEntries(tablets.statuses);
    console.log(
      `graceful shutdown: ${tablets.requests} requests, ${beforeTerm} acknowledged before SIGTERM, ` +
        `${report.acknowledged} in all, ${report.lost} lost; statuses ${JSON.stringify(statuses)}`,
    );
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Object.keys(statuses).every((s) => ['0', '200', '201', '503'].includes(s))).toBe(true);
    expect(statuses['0']).toBeGreaterThan(0); // refused once it had stopped
    expect(report).toMatchObject({ lost: 0, duplicated: 0, wrongAnswers: 0, countsMatchRecount: true, integrity: 'ok' });
    expect(walLeft).toBe(false);
    expect(server.output()).toContain('database closed');
  }, 120_000);
});
