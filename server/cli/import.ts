import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PROGRESS_EVERY, formatProblem, parseResponsesCsv, type CsvProblem, type CsvRow } from '../csv/responses-csv.js';
import type { DB } from '../db/database.js';
import { writeTransaction } from '../db/transaction.js';
import { findAuthority } from '../repos/authorities.js';
import { ResponseStore, type StoreOutcome } from '../repos/responses.js';
import { createWave, findWave } from '../repos/waves.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

/** Thrown inside the transaction to undo it: on any problem, and always on a dry run. */
class Rollback extends Error {}

const MAX_SHOWN = 50;

export const importCommand: Command = {
  summary: 'load responses from CSV; all rows or none',
  usage: `Usage: hearme import FILE.csv [--dry-run]

Loads responses (paper surveys, earlier years) from a CSV in the export
format. Every row is checked first; if any is wrong, nothing is stored and
each problem is listed as "line N, column C: reason". A wave that does not
exist yet is created (closed, spanning the rows' dates); the authority
must exist. Rows already imported with the same answers are skipped, so a
file can be imported again safely. --dry-run checks and reports without
storing anything.`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      { 'dry-run': { type: 'boolean', default: false } },
      z.object({ 'dry-run': z.boolean(), positionals: z.array(z.string()).length(1, 'give the CSV file to import') }),
      1,
    );
    const file = f.positionals[0]!;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const parsed = parseResponsesCsv(text, (checked, total) => io.stderr(`checked ${checked} of ${total} rows\n`));
    if (parsed.problems.length) fail(parsed.problems, io);

    await withDatabase(io, async ({ db, sqlite }) => {
      const summary = { stored: 0, alreadyPresent: 0, createdWaves: [] as string[] };
      const problems: CsvProblem[] = [];
      try {
        await writeTransaction(db, async (trx) => {
          const waves = await resolveWaves(trx, parsed.rows, problems, summary.createdWaves);
          const rows = parsed.rows.filter((r) => waves.has(waveKey(r)));
          // The same statements as the API, on the connection holding this transaction,
          // in chunks so that a long file shows progress and the summed counts stay small.
          const store = new ResponseStore(sqlite);
          const outcomes: StoreOutcome[] = [];
          for (let start = 0; start < rows.length; start += PROGRESS_EVERY) {
            const chunk = rows.slice(start, start + PROGRESS_EVERY);
            outcomes.push(...store.storeBatch(chunk.map((r) => ({ ...r, waveId: waves.get(waveKey(r))! }))));
            if (rows.length > PROGRESS_EVERY) io.stderr(`writing: ${outcomes.length} of ${rows.length} rows\n`);
          }
          rows.forEach((row, i) => {
            if (outcomes[i] === 'stored') summary.stored++;
            else if (outcomes[i] === 'duplicate') summary.alreadyPresent++;
            else
              problems.push({
                line: row.line,
                column: 'response_id',
                reason: 'already in the database with different answers',
              });
          });
          if (problems.length || f['dry-run']) throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      if (problems.length) fail(problems, io);
      const verb = f['dry-run'] ? 'would import' : 'imported';
      io.stdout(
        `${verb} ${summary.stored} responses from ${file}` +
          (summary.alreadyPresent ? `; ${summary.alreadyPresent} were already present and skipped` : '') +
          (summary.createdWaves.length ? `; ${f['dry-run'] ? 'would create' : 'created'} waves ${summary.createdWaves.join(', ')}` : '') +
          (f['dry-run'] ? ' (dry run: nothing stored)' : '') +
          '\n',
      );
    });
  },
};

const waveKey = (r: Pick<CsvRow, 'authority' | 'programme' | 'period'>) => `${r.authority} ${r.programme} ${r.period}`;

/** Finds each row's wave, creating missing ones as closed waves spanning their rows' dates. */
async function resolveWaves(db: DB, rows: CsvRow[], problems: CsvProblem[], created: string[]) {
  const groups = new Map<string, CsvRow[]>();
  for (const r of rows) {
    const group = groups.get(waveKey(r));
    if (group) group.push(r);
    else groups.set(waveKey(r), [r]);
  }
  const ids = new Map<string, number>();
  for (const [key, group] of groups) {
    const first = group[0]!;
    const wave = await findWave(db, first.authority, first.programme, first.period);
    if (wave) {
      ids.set(key, wave.id);
      continue;
    }
    const authority = await findAuthority(db, first.authority);
    if (!authority) {
      for (const r of group)
        problems.push({
          line: r.line,
          column: 'authority',
          reason: `no authority ${r.authority}; add it first with hearme authority add`,
        });
      continue;
    }
    const dates = group.map((r) => r.submittedOn).sort();
    const { id } = await createWave(db, {
      authority_id: authority.id,
      programme: first.programme,
      period: first.period,
      opens_on: dates[0]!,
      closes_on: dates.at(-1)!,
    });
    ids.set(key, id);
    created.push(key);
  }
  return ids;
}

function fail(problems: CsvProblem[], io: { stderr: (t: string) => void }): never {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  for (const p of sorted.slice(0, MAX_SHOWN)) io.stderr(formatProblem(p) + '\n');
  if (sorted.length > MAX_SHOWN) io.stderr(`… and ${sorted.length - MAX_SHOWN} more problems\n`);
  throw new UsageError(`nothing imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file`);
}
