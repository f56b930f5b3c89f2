// One SQLite connection with the pragmas every connection must have. Kept
// apart from database.ts so the writer thread loads no more than it needs.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { privateDir, privateFile } from '../private-files.js';

/** Opens the file, creating its folder and the file itself (private: 0700, 0600) if needed. */
export function openSqlite(path: string): SQLite.Database {
  privateDir(dirname(path));
  privateFile(path);
  // A WAL or shared-memory file left by an older version keeps its mode until SQLite recreates it.
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) privateFile(path + suffix);
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged answer survives a power cut; a child cannot be asked twice.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
