import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { currentInstrument } from '../../surveys/index.js';
import { fullAnswers } from '../helpers/answers.js';
import { seedByCli, startServer } from '../helpers/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'hearme-shutdown-'));
const dbPath = join(dir, 'db.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('graceful shutdown', () => {
  it('on SIGTERM finishes requests in flight, stores each acknowledged response, and closes the database cleanly', async () => {
    const code = await seedByCli(dbPath);
    const server = await startServer({ DATABASE_PATH: dbPath, SUBMIT_RATE_LIMIT: '100000', LOG_LEVEL: 'info' });
    const inst = currentInstrument('ylyc-11-17')!;

    const ids = Array.from({ length: 200 }, () => randomUUID());
    let firstAnswered!: () => void;
    const first = new Promise<void>((r) => (firstAnswered = r));
    const results = Promise.all(
      ids.map((id, i) =>
        fetch(`${server.base}/api/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id, code, instrument: inst.id, version: 1, answers: fullAnswers(inst, i) }),
        }).then(
          (r) => (firstAnswered(), r.status),
          () => 0, // refused: the server had stopped accepting
        ),
      ),
    );
    await first;
    server.child.kill('SIGTERM');
    const statuses = await results;
    const exit = await server.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    // Every request was either stored, or refused and never acknowledged.
    expect(statuses.every((s) => s === 201 || s === 503 || s === 0)).toBe(true);
    const acknowledged = ids.filter((_, i) => statuses[i] === 201);
    expect(acknowledged.length).toBeGreaterThan(0);
    // A clean close checkpoints the WAL and removes it.
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    const db = new SQLite(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((db.prepare('SELECT uuid FROM responses').all() as { uuid: string }[]).map((r) => r.uuid));
      for (const id of acknowledged) expect(stored.has(id)).toBe(true);
      expect(stored.size).toBe(acknowledged.length);
    } finally {
      db.close();
    }
    expect(server.output()).toContain('database closed');
  });
});
