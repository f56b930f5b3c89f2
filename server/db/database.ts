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
  const result = check(await new Migrator({ db, provider }).migrateToLatest());
  return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrateDown(db: DB): Promise<string[]> {
  const result = check(await new Migrator({ db, provider }).migrateDown());
  return (result.results ?? []).map((r) => r.migrationName);
}
