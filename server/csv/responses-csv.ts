// The CSV format of responses (contract: "CSV of responses"): parsing a
// file into validated rows with every problem as "line N, column C", and
// writing rows back in the same format.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { z } from 'zod';
import {
  QUESTION_IDS,
  councilQuestions,
  getInstrument,
  programmeInstruments,
  registry,
  scaleOf,
  validateAnswers,
  type Answers,
  type Instrument,
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

/**
 * Local questions on a core round: the questionnaire version a row also
 * answered (its core is `instrument`). Written only when the export covers
 * local questions, so a file without them keeps exactly the columns above.
 */
export const LOCAL_COLUMNS = ['local_instrument', 'local_version'] as const;

/**
 * The column of a question a council wrote (councilQuestions): the
 * questionnaire's id, a dot, the question's id. Core columns are the
 * question bank's ids, which never hold a dot, so the two never collide,
 * nor do two councils' questionnaires (their ids differ).
 */
export const questionnaireColumn = (instrument: string, question: string) => `${instrument}.${question}`;
const QUESTIONNAIRE_COLUMN = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9_]*)$/;

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
  /** Local questions on a core round: the questionnaire version answered; `instrument` is its core. */
  local?: { instrument: string; version: number } | undefined;
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

const EXPECTED = `expected comma-separated CSV whose first line is the header ${FIXED_COLUMNS.join(',')},… (the format hearme export writes)`;

/**
 * Why a file is plainly not the CSV expected, judged from its start (a few
 * kilobytes are enough): JSON, or a spreadsheet's CSV separated by
 * semicolons or tabs. Undefined when it may be CSV: rows are then checked one by one.
 */
export function notCsvReason(head: string): string | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^[[{]/.test(text)) return `this looks like JSON, not CSV; ${EXPECTED}`;
  const header = text.split(/\r?\n/)[0]!;
  if (header.includes(',')) return undefined;
  for (const [separator, name] of [[';', 'semicolons'], ['\t', 'tabs']] as const)
    if (header.includes(separator))
      return `the header's columns are separated by ${name}, not commas (in a spreadsheet, save as "CSV UTF-8 (comma delimited)"); ${EXPECTED}`;
  return undefined;
}

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
  const known = new Set<string>([...FIXED_COLUMNS, ...LOCAL_COLUMNS, ...QUESTION_IDS]);
  registry.refresh(); // every questionnaire stored, not only those looked up so far
  for (const inst of registry.all()) for (const q of councilQuestions(inst)) known.add(questionnaireColumn(inst.id, q.id));
  const seen = new Set<string>();
  for (const c of columns) {
    if (!known.has(c)) {
      const own = QUESTIONNAIRE_COLUMN.exec(c);
      const reason = !own
        ? 'unknown column'
        : registry.current(own[1]!)
          ? `unknown column: ${own[1]} does not ask ${own[2]}`
          : `unknown column: no questionnaire ${own[1]} (add it first with hearme questionnaire add)`;
      problems.push({ line: 1, column: c || '(blank)', reason });
    }
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
  const core = getInstrument(f.instrument, f.instrument_version);
  if (!core || core.programme !== f.programme || core.extends) {
    const ids = programmeInstruments(f.programme).map((i) => i.id);
    const bad = core?.extends
      ? { column: 'instrument', reason: `${f.instrument} is local questions on ${core.extends.instrument}: give instrument ${core.extends.instrument} and local_instrument ${f.instrument}` }
      : ids.includes(f.instrument)
        ? { column: 'instrument_version', reason: `${f.instrument} has no version ${f.instrument_version}` }
        : { column: 'instrument', reason: `${f.instrument} is not an instrument of ${f.programme} (${ids.join(', ')})` };
    problems.push({ line, ...bad });
    return null;
  }
  const local = localQuestions(line, cells, core, problems);
  if (local === null) return null;
  // The instrument answered: the local questions (core and local questions), or the core alone.
  const inst = local ?? core;
  const own = new Set(councilQuestions(inst).map((q) => q.id));
  const asked = new Map(inst.questions.map((q) => [q.id, q]));
  /** A question's column in this row: its own column for a question the council wrote, else the bank id. */
  const columnOf = (question: string) => (own.has(question) ? questionnaireColumn(inst.id, question) : question);
  const answers: Record<string, unknown> = {};
  let ok = true;
  for (const column of columns) {
    const cell = cells[column]!;
    if (cell === '' || (FIXED_COLUMNS as readonly string[]).includes(column) || (LOCAL_COLUMNS as readonly string[]).includes(column)) continue;
    const m = QUESTIONNAIRE_COLUMN.exec(column);
    const id = m ? (m[1] === inst.id ? m[2]! : undefined) : column;
    const q = id === undefined ? undefined : asked.get(id);
    if (!q || columnOf(q.id) !== column) {
      const reason = !m
        ? own.has(column)
          ? `${inst.id}'s own question ${column} goes in column ${questionnaireColumn(inst.id, column)}; leave this one empty`
          : `${inst.id} does not ask this question; leave it empty`
        : m[1] === inst.id
          ? `${inst.id} version ${inst.version} does not ask ${m[2]}; leave it empty`
          : `this row does not answer ${m[1]}; leave it empty`;
      problems.push({ line, column, reason });
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
      answers[q.id] = Number(cell.trim());
    } else answers[q.id] = kind === 'options' ? cell.trim() : cell;
  }
  if (!ok) return null;
  const valid = validateAnswers(inst, answers);
  if (!valid.ok) {
    for (const issue of valid.issues)
      problems.push({ line, column: columnOf(issue.path.replace(/^answers\./, '')), reason: issue.message });
    return null;
  }
  return {
    line,
    uuid: f.response_id,
    authority: f.authority,
    programme: f.programme,
    period: f.period,
    instrument: core.id,
    version: core.version,
    band: inst.band,
    submittedOn: f.submitted_on,
    answers: valid.answers,
    ...(local ? { local: { instrument: local.id, version: local.version } } : {}),
  };
}

/**
 * The local questions a row names in local_instrument and local_version:
 * undefined when it names none, null (with the problem pushed) when they
 * are not local questions on the row's core instrument.
 */
function localQuestions(line: number, cells: Record<string, string>, core: Instrument, problems: CsvProblem[]): Instrument | undefined | null {
  const id = (cells.local_instrument ?? '').trim();
  const version = (cells.local_version ?? '').trim();
  if (!id && !version) return undefined;
  if (!id) return problems.push({ line, column: 'local_instrument', reason: 'required with local_version' }), null;
  if (!/^[1-9]\d*$/.test(version))
    return problems.push({ line, column: 'local_version', reason: 'expected the version number of local_instrument, such as 1' }), null;
  const local = getInstrument(id, Number(version));
  if (!local) return problems.push({ line, column: 'local_instrument', reason: `no questionnaire ${id} version ${version} (add it first with hearme questionnaire add)` }), null;
  if (local.extends?.instrument !== core.id || local.extends.version !== core.version) {
    problems.push({ line, column: 'local_instrument', reason: `${id} version ${version} is not local questions on ${core.id} version ${core.version}` });
    return null;
  }
  return local;
}

/**
 * The core question columns for rows of these programmes: every question
 * the built-in instruments ask, in bank order. A council questionnaire's
 * questions have columns of their own (questionnaireColumn).
 */
export function questionColumns(programmes: readonly ProgrammeId[]): string[] {
  const builtIn = programmes.flatMap((p) => programmeInstruments(p)).filter((i) => registry.isBuiltIn(i.id));
  const asked = new Set(builtIn.flatMap((i) => i.questions.map((q) => q.id)));
  return QUESTION_IDS.filter((id) => asked.has(id));
}

/** The instrument a row answered: its local questions, or its core instrument. */
function answered(r: Pick<CsvRow, 'instrument' | 'version' | 'local'>): Instrument {
  const { instrument, version } = r.local ?? r;
  const inst = getInstrument(instrument, version);
  if (!inst) throw new Error(`unknown instrument ${instrument} version ${version}`);
  return inst;
}

/**
 * Writes rows in the import format. Columns: the fixed ones; the core
 * questions of `programmes`; then, when the rows or the rounds (`asked`,
 * what the rounds ask now) include questions a council wrote,
 * local_instrument and local_version if any are local questions, and one
 * column per council question, questionnaire by questionnaire (by id),
 * in the order of its newest version, then questions only older versions ask.
 */
export function formatResponsesCsv(
  rows: readonly Omit<CsvRow, 'line' | 'band'>[],
  programmes: readonly ProgrammeId[],
  asked: readonly Instrument[] = [],
): string {
  const questions = questionColumns(programmes);
  const questionnaires = [...new Set([...asked, ...rows.map(answered)])]
    .filter((i) => councilQuestions(i).length)
    .sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
  const own = new Map<string, [instrument: string, question: string]>();
  for (const i of questionnaires) for (const q of councilQuestions(i)) own.set(questionnaireColumn(i.id, q.id), [i.id, q.id]);
  const local = questionnaires.some((i) => i.extends);
  let out = csvLine([...FIXED_COLUMNS, ...questions, ...(local ? LOCAL_COLUMNS : []), ...own.keys()]);
  for (const r of rows) {
    const inst = answered(r);
    const mine = new Set(councilQuestions(inst).map((q) => q.id));
    const cell = (q: string) => (r.answers[q] === undefined ? '' : String(r.answers[q]));
    out += csvLine([
      r.uuid,
      r.authority,
      r.programme,
      r.period,
      r.instrument,
      String(r.version),
      r.submittedOn,
      ...questions.map((q) => (mine.has(q) ? '' : cell(q))),
      ...(local ? [r.local?.instrument ?? '', r.local ? String(r.local.version) : ''] : []),
      ...[...own.values()].map(([i, q]) => (i === inst.id ? cell(q) : '')),
    ]);
  }
  return out;
}
