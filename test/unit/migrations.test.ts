import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, openDatabase } from '../../server/db/database.js';
import { MIGRATIONS } from '../../migrations/index.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'hearme-mig-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'db.sqlite'));
}

const tables = (sqlite: ReturnType<typeof fresh>['sqlite']) =>
  (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely%' AND name NOT LIKE 'sqlite%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);

describe('migrations', () => {
  it('each has an up and a down', () => {
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      expect(typeof m.up, name).toBe('function');
      expect(typeof m.down, name).toBe('function');
    }
  });

  it('go up to the latest schema, down to nothing, and up again', async () => {
    const { db, sqlite } = fresh();
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(MIGRATIONS));
      expect(tables(sqlite)).toEqual(['action_notes', 'actions', 'answer_counts', 'answer_counts_by', 'answers', 'audit_log', 'authorities', 'children_results', 'responses', 'safeguarding_reviews', 'sessions', 'user_authorities', 'users', 'wave_populations', 'waves']);
      expect(await migrateToLatest(db)).toEqual([]);
      for (let i = 0; i < Object.keys(MIGRATIONS).length; i++) await migrateDown(db);
      expect(tables(sqlite)).toEqual([]);
      await migrateToLatest(db);
      expect(tables(sqlite)).toHaveLength(15);
    } finally {
      await db.destroy();
    }
  });

  it('open every connection with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const { db, sqlite } = fresh();
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    } finally {
      await db.destroy();
    }
  });
});
