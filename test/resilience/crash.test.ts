// Crash durability: the server is killed with SIGKILL at random moments
// while tablets submit, restarted, and loaded again. Every response that
// was acknowledged must be stored exactly once with its answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDurability } from '../helpers/db-check.js';
import { Tablets } from '../helpers/load.js';
import { freePort, seedByCli, startServer, type ServerProcess } from '../helpers/server-process.js';

const CRASHES = 20;
const TABLETS = 20;
const dir = mkdtempSync(join(tmpdir(), 'hearme-crash-'));
const dbPath = join(dir, 'db.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash durability', () => {
  it(`keeps every acknowledged response through ${CRASHES} SIGKILLs under load`, async () => {
    const code = await seedByCli(dbPath);
    const port = await freePort();
    const env = { DATABASE_PATH: dbPath, PORT: String(port), SUBMIT_RATE_LIMIT: '1000000' };
    const tablets = new Tablets(() => `http://127.0.0.1:${port}`, code);

    let server: ServerProcess = await startServer(env);
    tablets.start(TABLETS);
    for (let crash = 1; crash <= CRASHES; crash++) {
      // Let the load run until a random number of responses more are stored (the
      // restarted server really took answers), then kill without warning, with
      // the other tablets' requests in flight.
      await tablets.acknowledge(10 + Math.floor(Math.random() * 30));
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      server = await startServer(env);
    }
    await tablets.acknowledge(20);
    await tablets.stop();
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    const report = checkDurability(dbPath, tablets.acknowledged, tablets.sent);
    console.log(
      `crash durability: ${tablets.requests} requests, ${CRASHES} crashes, ` +
        `${report.acknowledged} acknowledged, ${report.found} found, ${report.lost} lost, ` +
        `${report.duplicated} duplicated, ${report.wrongAnswers} with wrong answers; ` +
        `statuses ${JSON.stringify(Object.fromEntries(tablets.statuses))}`,
    );
    expect(report.acknowledged).toBeGreaterThan(CRASHES * 10);
    expect(report).toMatchObject({ lost: 0, duplicated: 0, wrongAnswers: 0, countsMatchRecount: true, integrity: 'ok' });
    expect(report.found).toBe(tablets.acknowledged.size);
  }, 300_000);
});
