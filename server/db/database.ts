// The Kysely instance over one SQLite file, and its migrator.
import type SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationResultSet } from 'kysely';
import { MIGRATIONS } from '../../migrations/index.js';
import { openSqlite } from './connection.js';
import type { Database } from './tables.js';

export type DB = Kysely<Database>;

export interface OpenDatabase {
  db: DB;
  /** The underlying connection, for backups and integrity checks. */
  sqlite: SQLite.Database;
}

/** A file, not :memory:, since the response writer opens the same file on a second connection. */
export function openDatabase(path: string): OpenDatabase {
  const sqlite = openSqlite(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}

const provider = { getMigrations: async () => MIGRATIONS };

/**
 * Migrations numbered below the newest applied one still run (Kysely would
 * refuse them by default): 0009 landed before 0008, so a database migrated
 * then has 0009 without 0008. Pending ones run in name order, and going
 * down undoes them newest-applied first. This is safe because each
 * migration touches only its own tables and columns, never another's; a
 * new migration must keep it so.
 */
const migrator = (db: DB) => new Migrator({ db, provider, allowUnorderedMigrations: true });

export class MigrationError extends Error {}

function check(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return result;
}

export async function migrateToLatest(db: DB): Promise<string[]> {
  const result = check(await migrator(db).migrateToLatest());
  return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrateDown(db: DB): Promise<string[]> {
  const result = check(await migrator(db).migrateDown());
  return (result.results ?? []).map((r) => r.migrationName);
}
