import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { z } from 'zod';
import { privateFile } from '../private-files.js';
import { UsageError, configFrom, parseFlags, withDatabase, type Command } from './command.js';

export const backup: Command = {
  summary: 'consistent online copy of the database',
  usage: `Usage: hearme backup FILE

Writes a consistent copy of the database to FILE while the server keeps
running (one snapshot, taken with VACUUM INTO), checks the copy with
PRAGMA integrity_check, and prints what it holds. FILE must not exist yet.`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      {},
      z.object({ positionals: z.array(z.string()).length(1, 'give the FILE to write the backup to') }),
      1,
    );
    const target = resolve(f.positionals[0]!);
    if (existsSync(target)) throw new UsageError(`${target} already exists; choose a new file name`);
    if (!existsSync(dirname(target))) throw new UsageError(`folder ${dirname(target)} does not exist`);
    const source = configFrom(io).databasePath;
    if (!existsSync(source)) throw new UsageError(`no database at ${source}; set DATABASE_PATH`);
    // Written beside the target and renamed when complete: a failed backup leaves no partial file.
    const partial = `${target}.partial-${process.pid}`;
    await withDatabase(io, async ({ sqlite }) => {
      try {
        // Made empty and private first: VACUUM INTO fills an empty file and keeps its mode.
        privateFile(partial);
        sqlite.prepare('VACUUM INTO ?').run(partial);
        const copy = new SQLite(partial, { readonly: true });
        try {
          const check = copy.pragma('integrity_check', { simple: true });
          if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
          const { n } = copy.prepare('SELECT count(*) AS n FROM responses').get() as { n: number };
          copy.close();
          renameSync(partial, target);
          io.stdout(JSON.stringify({ file: target, responses: n, bytes: statSync(target).size, integrity: 'ok' }) + '\n');
        } finally {
          if (copy.open) copy.close();
        }
      } finally {
        rmSync(partial, { force: true });
      }
    });
  },
};
