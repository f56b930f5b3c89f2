// Files that hold children's answers or figures about them (the database
// and its WAL, backups, exports, reports) are readable by their owner
// only: 0600, folders made for them 0700, whatever the umask allows.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/**
 * Creates the file empty and private if it does not exist; tightens it if it
 * does. SQLite gives a database's WAL and shared-memory files the mode of
 * the database file, so making the database private makes them private.
 */
export function privateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'wx', FILE_MODE));
  try {
    chmodSync(path, FILE_MODE);
  } catch (error) {
    // Another user's file (opened to be read by someone it was shared with): not ours to change.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/** A folder for private files: created 0700 (an existing one is left as its owner set it). */
export function privateDir(path: string): void {
  if (!existsSync(path)) mkdirSync(path, { recursive: true, mode: DIR_MODE });
}

/** Written whole and private to a temporary name, then renamed: a failed run leaves no half file. */
export function writePrivateFile(path: string, text: string | Uint8Array): void {
  const partial = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(partial, text, { mode: FILE_MODE });
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}
