import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
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
      expect(tables(sqlite)).toEqual(['action_notes', 'actions', 'answer_counts', 'answer_counts_by', 'answers', 'audit_log', 'authorities', 'children_results', 'questionnaires', 'reference_figures', 'responses', 'safeguarding_reviews', 'sessions', 'user_authorities', 'users', 'wave_populations', 'waves']);
      expect(await migrateToLatest(db)).toEqual([]);
      for (let i = 0; i < Object.keys(MIGRATIONS).length; i++) await migrateDown(db);
      expect(tables(sqlite)).toEqual([]);
      await migrateToLatest(db);
      expect(tables(sqlite)).toHaveLength(17);
    } finally {
      await db.destroy();
    }
  });

  it('run one numbered below the newest applied: a database at 0009 without 0008 (0009 landed first) migrates, and goes down again', async () => {
    const { db, sqlite } = fresh();
    try {
      const without0008 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name !== '0008_reference_figures'));
      await new Migrator({ db, provider: { getMigrations: async () => without0008 } }).migrateToLatest();
      expect(tables(sqlite)).not.toContain('reference_figures');
      expect(tables(sqlite)).toContain('questionnaires');
      expect(await migrateToLatest(db)).toEqual(['0008_reference_figures']);
      expect(tables(sqlite)).toContain('reference_figures');
      // Down undoes the newest applied first: 0008, then the newest of the others.
      expect(await migrateDown(db)).toEqual(['0008_reference_figures']);
      expect(await migrateDown(db)).toEqual([Object.keys(without0008).at(-1)]);
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

describe('migration 0009 (questionnaires)', () => {
  it('lets a round’s programme be a questionnaire id, keeping every wave and what refers to it; down refuses while such rounds exist', async () => {
    const { db, sqlite } = fresh();
    try {
      await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo('0007_closing_the_loop');
      sqlite.prepare("INSERT INTO authorities (id, code, name) VALUES (1, 'E06000043', 'Brighton and Hove')").run();
      sqlite.prepare("INSERT INTO waves (id, authority_id, programme, period, access_code) VALUES (7, 1, 'ylyc', '2024', 'ABCDEFGH')").run();
      sqlite
        .prepare("INSERT INTO responses (uuid, wave_id, instrument, instrument_version, band, submitted_on, payload_hash) VALUES ('u1', 7, 'ylyc-8-11', 1, '8-11', '2024-05-01', 'h')")
        .run();
      expect(() => sqlite.prepare("INSERT INTO waves (authority_id, programme, period, access_code) VALUES (1, 'bh-staff', '2024', 'HGFEDCBA')").run()).toThrow(/CHECK/);

      expect(await migrateToLatest(db)).toEqual(['0008_reference_figures', '0009_questionnaires', '0010_answer_reference', '0011_local_questions']);
      expect(sqlite.prepare('SELECT id, programme, access_code FROM waves').all()).toEqual([{ id: 7, programme: 'ylyc', access_code: 'ABCDEFGH' }]);
      expect(sqlite.prepare('SELECT wave_id FROM responses').all()).toEqual([{ wave_id: 7 }]);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      sqlite.prepare("INSERT INTO waves (authority_id, programme, period, access_code) VALUES (1, 'bh-staff', '2024', 'HGFEDCBA')").run();
      // Still one round per authority, programme and period, and still no wave of an unknown authority.
      expect(() => sqlite.prepare("INSERT INTO waves (authority_id, programme, period, access_code) VALUES (1, 'bh-staff', '2024', 'JKMNPQRS')").run()).toThrow(/UNIQUE/);
      expect(() => sqlite.prepare("INSERT INTO waves (authority_id, programme, period, access_code) VALUES (9, 'ylyc', '2025', 'JKMNPQRT')").run()).toThrow(/FOREIGN KEY/);

      await migrateDown(db); // 0011_local_questions
      await migrateDown(db); // 0010_answer_reference
      await expect(migrateDown(db)).rejects.toThrow(/CHECK/);
      expect(tables(sqlite)).toContain('questionnaires');
      expect(sqlite.prepare('SELECT count(*) AS n FROM waves').get()).toEqual({ n: 2 });
    } finally {
      await db.destroy();
    }
  });
});

describe('migration 0011 (local questions)', () => {
  it('adds the local questionnaire of a response, null for the responses already stored, and takes it away again', async () => {
    const { db, sqlite } = fresh();
    try {
      await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo('0009_questionnaires');
      sqlite.prepare("INSERT INTO authorities (id, code, name) VALUES (1, 'E06000043', 'Brighton and Hove')").run();
      sqlite.prepare("INSERT INTO waves (id, authority_id, programme, period, access_code) VALUES (7, 1, 'ylyc', '2024', 'ABCDEFGH')").run();
      sqlite
        .prepare("INSERT INTO responses (uuid, wave_id, instrument, instrument_version, band, submitted_on, payload_hash) VALUES ('u1', 7, 'ylyc-11-17', 1, '11-17', '2024-05-01', 'h')")
        .run();
      expect(await migrateToLatest(db)).toEqual(['0010_answer_reference', '0011_local_questions']);
      expect(sqlite.prepare('SELECT uuid, local_instrument, local_version FROM responses').all()).toEqual([{ uuid: 'u1', local_instrument: null, local_version: null }]);
      await migrateDown(db);
      expect(sqlite.prepare('SELECT * FROM responses').get()).not.toHaveProperty('local_instrument');
    } finally {
      await db.destroy();
    }
  });
});
