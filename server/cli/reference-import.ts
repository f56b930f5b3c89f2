// `hearme reference import FILE.csv`: published figures from outside this
// installation (a national survey's results), shown in reports beside the
// benchmark. All or nothing: one bad row and nothing is stored (exit 2,
// with its line and column). Importing a figure again replaces it.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { INDICATORS } from '../../surveys/index.js';
import { formatProblem, type CsvProblem } from '../csv/responses-csv.js';
import { writeTransaction } from '../db/transaction.js';
import { Band, Period, Programme } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

export const REFERENCE_COLUMNS = ['source', 'period', 'programme', 'band', 'indicator', 'percent', 'n'] as const;

const Row = z.strictObject({
  source: z.string().trim().min(1, 'empty').max(200, 'longer than 200 characters'),
  period: Period,
  programme: Programme,
  band: Band,
  indicator: z.string().refine((id) => INDICATORS.some((i) => i.id === id), 'not an indicator of the question bank'),
  percent: z.coerce.number({ message: 'not a number' }).min(0, 'below 0').max(100, 'above 100'),
  n: z.union([z.literal('').transform(() => null), z.coerce.number({ message: 'not a whole number' }).int('not a whole number').min(1, 'below 1')]),
});
export type ReferenceRow = z.infer<typeof Row>;

/** The file's rows, or every problem with its line and column (1 is the header). */
export function checkReferenceCsv(text: string): { rows: ReferenceRow[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    return { rows: [], problems: [{ line: (error as { lines?: number }).lines ?? 1, reason: `not valid CSV (${(error as Error).message})`, column: null }] };
  }
  const header = records[0]?.record.map((c) => c.trim()) ?? [];
  const missing = REFERENCE_COLUMNS.filter((c) => c !== 'n' && !header.includes(c));
  const unknown = header.filter((c) => !(REFERENCE_COLUMNS as readonly string[]).includes(c));
  if (missing.length || unknown.length)
    return {
      rows: [],
      problems: [{ line: 1, reason: [missing.length ? `missing column ${missing.join(', ')}` : '', unknown.length ? `unknown column ${unknown.join(', ')}` : ''].filter(Boolean).join('; '), column: null }],
    };
  const rows: ReferenceRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const cells = Object.fromEntries(REFERENCE_COLUMNS.map((c) => [c, header.includes(c) ? (record[header.indexOf(c)] ?? '') : '']));
    const parsed = Row.safeParse(cells);
    if (parsed.success) rows.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push({ line: info.lines, column: String(issue.path[0]), reason: issue.message });
  }
  if (!rows.length && !problems.length) problems.push({ line: 1, reason: 'no rows', column: null });
  return { rows, problems };
}

const Flags = z.object({ positionals: z.tuple([z.string().min(1)], { message: 'give one FILE.csv' }) });

export const referenceImport: Command = {
  summary: 'store published reference figures (national or other surveys) for reports',
  usage: `Usage: hearme reference import FILE.csv

Stores published figures from outside this installation, which reports show
beside the benchmark of other authorities, labelled with their source.
Columns: ${REFERENCE_COLUMNS.join(',')} (n, how many answered, may be empty or
left out: without it no significance test is made). indicator is an
indicator id of the question bank; percent is 0-100. Importing the same
source, period, programme, band and indicator again replaces the figure.
One bad row and nothing is stored (exit 2, with its line and column).
  hearme reference import national-2024.csv`,
  async run(argv, io) {
    const f = parseFlags(argv, {}, Flags, 1);
    const file = f.positionals[0];
    if (!existsSync(file)) throw new UsageError(`no file ${file}`);
    const { rows, problems } = checkReferenceCsv(readFileSync(file, 'utf8'));
    if (problems.length) throw new UsageError(`${file}: nothing stored:\n${problems.slice(0, 20).map(formatProblem).join('\n')}`);
    await withDatabase(io, async ({ db }) => {
      await writeTransaction(db, async (trx) => {
        for (const r of rows)
          await trx
            .insertInto('reference_figures')
            .values(r)
            .onConflict((oc) => oc.columns(['source', 'period', 'programme', 'band', 'indicator']).doUpdateSet({ percent: r.percent, n: r.n }))
            .execute();
      });
      io.stdout(JSON.stringify({ imported: rows.length }) + '\n');
    });
  },
};
