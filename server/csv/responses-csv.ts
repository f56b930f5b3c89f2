// The CSV format of responses (contract: "CSV of responses"): parsing a
// file into validated rows with every problem as "line N, column C", and
// writing rows back in the same format.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import {
  QUESTION_IDS,
  getInstrument,
  programmeInstruments,
  scaleOf,
  validateAnswers,
  type Answers,
  type Programme as ProgrammeId,
} from '../../surveys/index.js';
import { IsoDate } from '../dates.js';
import { AuthorityCode, Period, Programme } from '../schemas.js';
import { csvLine, restoreFormulaText } from './write.js';

export const FIXED_COLUMNS = [
  'response_id',
  'authority',
  'programme',
  'period',
  'instrument',
  'instrument_version',
  'submitted_on',
] as const;

/** Rows between progress reports on long files. */
export const PROGRESS_EVERY = 10_000;

export interface CsvRow {
  line: number;
  uuid: string;
  authority: string;
  programme: ProgrammeId;
  period: string;
  instrument: string;
  version: number;
  band: string;
  submittedOn: string;
  answers: Answers;
}

export interface CsvProblem {
  line: number;
  column: string | null;
  reason: string;
}

export const formatProblem = (p: CsvProblem) => `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.reason}`;

const Fixed = z.object({
  response_id: z.uuid('not a UUID').transform((s) => s.toLowerCase()),
  authority: AuthorityCode,
  programme: Programme,
  period: Period,
  instrument: z.string().min(1, 'required'),
  instrument_version: z.string().regex(/^[1-9]\d*$/, 'expected a version number such as 1').transform(Number),
  submitted_on: IsoDate,
});

/**
 * Reads a file record by record (so a long file never sits in memory whole),
 * checking each row. Good rows are yielded; every problem is pushed onto
 * `problems`. A broken header or broken CSV ends the reading.
 */
export async function* checkResponsesCsv(input: Readable, problems: CsvProblem[]): AsyncGenerator<CsvRow> {
  const records = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  // pipe() does not pass a read error on: without this the loop below would wait for ever.
  input.on('error', (error) => records.destroy(error)).pipe(records);
  let columns: string[] | undefined;
  const ids = new Map<string, number>();
  // csv-parse counts the line a record ends on; a quoted text may span lines.
  // Inside quotes it counts every CR and every LF, so each CRLF there adds one line too many.
  const count = (fields: string[], re: RegExp) => fields.reduce((n, f) => n + (f.match(re)?.length ?? 0), 0);
  let quotedCrlfs = 0;
  try {
    for await (const { info, record } of records as AsyncIterable<{ info: { lines: number }; record: string[] }>) {
      if (!columns) {
        columns = record.map((c) => c.trim());
        quotedCrlfs = count(record, /\r\n/g);
        if (!checkHeader(columns, problems)) return;
        continue;
      }
      const line = info.lines - count(record, /[\r\n]/g) - quotedCrlfs;
      quotedCrlfs += count(record, /\r\n/g);
      const row = parseRow(line, columns, record, problems);
      if (!row) continue;
      const first = ids.get(row.uuid);
      if (first !== undefined) {
        problems.push({ line, column: 'response_id', reason: `the same response_id is on line ${first}` });
        continue;
      }
      ids.set(row.uuid, line);
      yield row;
    }
  } catch (error) {
    const e = error as Error & { lines?: number };
    problems.push({ line: e.lines ?? 1, column: null, reason: e.message });
    return;
  } finally {
    // Stop reading the file when the caller stops early.
    input.destroy();
  }
  if (!columns) problems.push({ line: 1, column: null, reason: 'the file is empty' });
}

/** The header names known columns, each once, and every fixed column. */
function checkHeader(columns: string[], problems: CsvProblem[]): boolean {
  const before = problems.length;
  const known = new Set<string>([...FIXED_COLUMNS, ...QUESTION_IDS]);
  const seen = new Set<string>();
  for (const c of columns) {
    if (!known.has(c)) problems.push({ line: 1, column: c || '(blank)', reason: 'unknown column' });
    else if (seen.has(c)) problems.push({ line: 1, column: c, reason: 'column appears twice' });
    seen.add(c);
  }
  for (const c of FIXED_COLUMNS) if (!seen.has(c)) problems.push({ line: 1, column: c, reason: 'missing column' });
  return problems.length === before;
}

function parseRow(line: number, columns: string[], record: string[], problems: CsvProblem[]): CsvRow | null {
  if (record.length !== columns.length) {
    problems.push({ line, column: null, reason: `${record.length} fields where the header has ${columns.length}` });
    return null;
  }
  const cells = Object.fromEntries(columns.map((c, i) => [c, restoreFormulaText(record[i]!)]));
  const fixed = Fixed.safeParse(cells);
  if (!fixed.success) {
    for (const issue of fixed.error.issues) problems.push({ line, column: String(issue.path[0]), reason: issue.message });
    return null;
  }
  const f = fixed.data;
  const inst = getInstrument(f.instrument, f.instrument_version);
  if (!inst || inst.programme !== f.programme) {
    const ids = programmeInstruments(f.programme).map((i) => i.id);
    const bad = ids.includes(f.instrument)
      ? { column: 'instrument_version', reason: `${f.instrument} has no version ${f.instrument_version}` }
      : { column: 'instrument', reason: `${f.instrument} is not an instrument of ${f.programme} (${ids.join(', ')})` };
    problems.push({ line, ...bad });
    return null;
  }
  const asked = new Map(inst.questions.map((q) => [q.id, q]));
  const answers: Record<string, unknown> = {};
  let ok = true;
  for (const column of columns) {
    const cell = cells[column]!;
    if (cell === '' || (FIXED_COLUMNS as readonly string[]).includes(column)) continue;
    const q = asked.get(column);
    if (!q) {
      problems.push({ line, column, reason: `${inst.id} does not ask this question; leave it empty` });
      ok = false;
      continue;
    }
    const kind = scaleOf(q).kind;
    if (kind === 'integer' || kind === 'age') {
      if (!/^-?\d+$/.test(cell.trim())) {
        problems.push({ line, column, reason: `"${cell}" is not a whole number` });
        ok = false;
        continue;
      }
      answers[column] = Number(cell.trim());
    } else answers[column] = kind === 'options' ? cell.trim() : cell;
  }
  if (!ok) return null;
  const valid = validateAnswers(inst, answers);
  if (!valid.ok) {
    for (const issue of valid.issues)
      problems.push({ line, column: issue.path.replace(/^answers\./, ''), reason: issue.message });
    return null;
  }
  return {
    line,
    uuid: f.response_id,
    authority: f.authority,
    programme: f.programme,
    period: f.period,
    instrument: inst.id,
    version: inst.version,
    band: inst.band,
    submittedOn: f.submitted_on,
    answers: valid.answers,
  };
}

/** The question columns for rows of these programmes: every question their instruments ask, in bank order. */
export function questionColumns(programmes: readonly ProgrammeId[]): string[] {
  const asked = new Set(programmes.flatMap((p) => programmeInstruments(p).flatMap((i) => i.questions.map((q) => q.id))));
  return QUESTION_IDS.filter((id) => asked.has(id));
}

export function formatResponsesCsv(
  rows: readonly Omit<CsvRow, 'line' | 'band'>[],
  programmes: readonly ProgrammeId[],
): string {
  const questions = questionColumns(programmes);
  let out = csvLine([...FIXED_COLUMNS, ...questions]);
  for (const r of rows)
    out += csvLine([
      r.uuid,
      r.authority,
      r.programme,
      r.period,
      r.instrument,
      String(r.version),
      r.submittedOn,
      ...questions.map((q) => (r.answers[q] === undefined ? '' : String(r.answers[q]))),
    ]);
  return out;
}
