// Feeds the registry (surveys/registry.ts) the councils' questionnaires
// stored in the database: at start, and again whenever it is asked for an
// instrument or programme it does not hold (one added by another process,
// such as the command line while the server runs). better-sqlite3 only, so
// the writer thread can use it without loading Kysely.
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { registry, type InstrumentRegistry } from '../surveys/index.js';
import { parseQuestionnaireFile } from '../surveys/questionnaire-file.js';
import { toInstrument } from '../surveys/questionnaire.js';

interface StoredRow {
  id: string;
  version: number;
  authority_id: number | null;
  definition: string;
  hash: string;
}

/** Adds to the registry every stored definition it does not hold with the same hash. */
export function syncStored(reg: InstrumentRegistry, sqlite: SQLite.Database): void {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'questionnaires'`).get();
  if (!table) return; // not migrated yet: nothing stored
  // Oldest first: local questions come after the core they extend (built-in, or stored before them).
  const rows = sqlite
    .prepare('SELECT id, version, authority_id, definition, hash FROM questionnaires ORDER BY created_at, id, version')
    .all() as StoredRow[];
  for (const row of rows) {
    if (reg.stored(row.id, row.version)?.hash === row.hash) continue;
    const parsed = parseQuestionnaireFile(JSON.parse(row.definition));
    // Stored definitions were checked when added; one that no longer parses is a bug, not input.
    if (!parsed.ok) throw new Error(`stored questionnaire ${row.id} v${row.version}: ${parsed.problems[0]!.path}: ${parsed.problems[0]!.message}`);
    const core = parsed.file.extends && reg.get(parsed.file.extends.instrument, parsed.file.extends.version);
    reg.add(toInstrument(parsed.file, core || undefined), { hash: row.hash, owner: row.authority_id });
  }
}

/** The process's registry reads this connection's database from now on. */
export function useConnection(sqlite: SQLite.Database): void {
  registry.setLoader((reg) => syncStored(reg, sqlite));
  registry.refresh();
}

/** The process's registry reads this database file, opened read-only for each look (the command line). */
export function useDatabaseFile(path: string): void {
  registry.setLoader((reg) => {
    if (!existsSync(path)) return;
    const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
    try {
      syncStored(reg, sqlite);
    } finally {
      sqlite.close();
    }
  });
}
