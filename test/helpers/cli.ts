// Runs the hearme command line in-process, and the small pieces the CLI
// tests share: a fresh temporary folder per test file, CSV building with
// independent RFC 4180 quoting, and read-only looks into a database file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { main } from '../../server/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `hearme ...args` through main() with exactly `env` as its environment
 * (nothing from process.env leaks in), collecting what it writes.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { ...env },
  });
  return { code, stdout, stderr };
}

/** A fresh folder under the OS temp dir; remove it with removeTempDir in afterAll. */
export function makeTempDir(prefix = 'hearme-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

let databaseCounter = 0;

/** A path for a database file not yet used in `dir`, and the env that points hearme at it. */
export function freshDatabase(dir: string, name = 'db'): { path: string; env: { DATABASE_PATH: string } } {
  const path = join(dir, `${name}-${++databaseCounter}.sqlite`);
  return { path, env: { DATABASE_PATH: path } };
}

/** Runs a query against a database file opened read-only, then closes it. */
export function query<T = Record<string, unknown>>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export const DATA_TABLES = ['waves', 'responses', 'answers', 'answer_counts'] as const;

/** Row counts of the tables an import may write to. */
export function tableCounts(path: string): Record<(typeof DATA_TABLES)[number], number> {
  const counts = {} as Record<(typeof DATA_TABLES)[number], number>;
  for (const t of DATA_TABLES) counts[t] = query<{ n: number }>(path, `SELECT count(*) AS n FROM ${t}`)[0]!.n;
  return counts;
}

/** RFC 4180 quoting, written independently of server/csv/write.ts. */
export function quoteCsv(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export type CsvCell = string | number | undefined;

/** A CSV file's text: the header, then one line per row (missing or undefined cells are empty). */
export function buildCsv(columns: readonly string[], rows: readonly Record<string, CsvCell>[]): string {
  const line = (cells: readonly string[]) => cells.map(quoteCsv).join(',') + '\r\n';
  return (
    line(columns) +
    rows.map((r) => line(columns.map((c) => (r[c] === undefined ? '' : String(r[c]))))).join('')
  );
}

export function writeCsv(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
