// One SQLite connection with the pragmas every connection must have. Kept
// apart from database.ts so the writer thread loads no more than it needs.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';

/** Opens the file, creating its folder and the file itself if needed. */
export function openSqlite(path: string): SQLite.Database {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged answer survives a power cut; a child cannot be asked twice.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
