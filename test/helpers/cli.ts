// Runs the hearme command line in-process, and the small pieces the CLI
// tests share: a fresh temporary folder per test file, CSV building with
// independent RFC 4180 quoting, and read-only looks into a database file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { main } from '../../server/main.js';
import { QUESTION_IDS, getInstrument } from '../../surveys/index.js';
import { fullAnswers } from './answers.js';

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

export type TableCounts = Record<(typeof DATA_TABLES)[number], number> & {
  /** Sum of answer_counts.n: changes even when no count row is added. */
  answer_counts_n: number;
};

/** Row counts of the tables an import may write to, and the total of the running counts. */
export function tableCounts(path: string): TableCounts {
  const counts = { answer_counts_n: 0 } as TableCounts;
  for (const t of DATA_TABLES) counts[t] = query<{ n: number }>(path, `SELECT count(*) AS n FROM ${t}`)[0]!.n;
  counts.answer_counts_n = query<{ n: number }>(path, 'SELECT coalesce(sum(n), 0) AS n FROM answer_counts')[0]!.n;
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

/** The fixed columns of the responses CSV (contract), then every question of the bank. */
export const FIXED_CSV_COLUMNS = [
  'response_id',
  'authority',
  'programme',
  'period',
  'instrument',
  'instrument_version',
  'submitted_on',
] as const;
export const ALL_CSV_COLUMNS: readonly string[] = [...FIXED_CSV_COLUMNS, ...QUESTION_IDS];

/** A valid, deterministic response UUID (version 4, RFC variant) numbered n. */
export function uuidFor(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface RowSpec {
  n: number;
  instrument: string;
  seed?: number;
  authority?: string;
  period?: string;
  submittedOn?: string;
  /** Replaces answers; undefined skips the question. */
  answers?: Record<string, CsvCell>;
}

/** One CSV row: fullAnswers(instrument, seed) with the overrides, in a wave of E06000002 in 2024 unless told. */
export function responseRow(spec: RowSpec): Record<string, CsvCell> {
  const inst = getInstrument(spec.instrument, 1);
  if (!inst) throw new Error(`no instrument ${spec.instrument} v1`);
  const row: Record<string, CsvCell> = {
    response_id: uuidFor(spec.n),
    authority: spec.authority ?? 'E06000002',
    programme: inst.programme,
    period: spec.period ?? '2024',
    instrument: inst.id,
    instrument_version: inst.version,
    submitted_on: spec.submittedOn ?? '2024-05-01',
    ...fullAnswers(inst, spec.seed ?? spec.n),
  };
  for (const [k, v] of Object.entries(spec.answers ?? {})) row[k] = v;
  return row;
}

/** How many answers (non-empty question cells) the rows hold. */
export function answerCount(rows: readonly Record<string, CsvCell>[]): number {
  return rows.reduce((n, r) => n + QUESTION_IDS.filter((q) => r[q] !== undefined && r[q] !== '').length, 0);
}
