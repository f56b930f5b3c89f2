import { closeSync, createReadStream, fstatSync, openSync, readSync, type ReadStream } from 'node:fs';
import type SQLite from 'better-sqlite3';
import { z } from 'zod';
import { PROGRESS_EVERY, checkResponsesCsv, formatProblem, notCsvReason, type CsvProblem, type CsvRow } from '../csv/responses-csv.js';
import type { DB } from '../db/database.js';
import { writeTransaction } from '../db/transaction.js';
import { findAuthority } from '../repos/authorities.js';
import { ResponseStore } from '../repos/responses.js';
import { createWave, findWave } from '../repos/waves.js';
import { questionnaireOwnerProblem } from '../questionnaire-access.js';
import { getInstrument, registry } from '../../surveys/index.js';
import { UsageError, parseFlags, withDatabase, type Command, type Io } from './command.js';

/** The first few kilobytes of a file, to tell what kind of file it is. */
function readStart(fd: number): string {
  const buffer = Buffer.alloc(4096);
  return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
}

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
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(`${file} does not exist`);
      if (code === 'EACCES') throw new UsageError(`cannot read ${file}: permission denied`);
      throw new UsageError(`cannot read ${file}: ${code ?? (error as Error).message}`);
    }
    const stat = fstatSync(fd);
    const size = stat.size;
    // A folder or a pipe is left to the reader below, whose error names the line.
    const notCsv = stat.isFile() && size > 0 && notCsvReason(readStart(fd));
    if (notCsv) {
      closeSync(fd);
      throw new UsageError(`${file}: ${notCsv}`);
    }
    const input = createReadStream('', { fd, start: 0 });
    try {
      await withDatabase(io, async ({ db, sqlite }) => {
        const { summary, problems } = await importRows(db, sqlite, input, size, f['dry-run'], io);
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
    } finally {
      // Closed whatever happens, even when the database cannot be opened.
      input.destroy();
    }
  },
};

/**
 * Checks the file's rows and stores them as they come, in one transaction
 * that any problem undoes (and a dry run always does).
 */
async function importRows(db: DB, sqlite: SQLite.Database, input: ReadStream, size: number, dryRun: boolean, io: Io) {
  const summary = { stored: 0, alreadyPresent: 0, createdWaves: [] as string[] };
  const problems: CsvProblem[] = [];
  try {
    await writeTransaction(db, async (trx) => {
      const waves = new WaveResolver(trx, problems);
      // The same statements as the API, on the connection holding this transaction.
      const store = new ResponseStore(sqlite);
      let chunk: (CsvRow & { waveId: number })[] = [];
      const write = () => {
        // After the first problem nothing more is written (it will be undone), but checking goes on.
        if (!problems.length)
          store.storeBatch(chunk).forEach((outcome, i) => {
            if (outcome === 'stored') summary.stored++;
            else if (outcome === 'duplicate') summary.alreadyPresent++;
            else problems.push({ line: chunk[i]!.line, column: 'response_id', reason: 'already in the database with different answers' });
          });
        chunk = [];
      };
      let checked = 0;
      for await (const row of checkResponsesCsv(input, problems)) {
        const waveId = await waves.idFor(row);
        if (waveId !== undefined) chunk.push({ ...row, waveId });
        if (++checked % PROGRESS_EVERY === 0) {
          write();
          io.stderr(`checked ${checked} rows (${Math.floor((100 * input.bytesRead) / Math.max(size, 1))}% of the file)\n`);
        }
      }
      write();
      summary.createdWaves = await waves.finish();
      if (problems.length || dryRun) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return { summary, problems };
}

const waveKey = (r: Pick<CsvRow, 'authority' | 'programme' | 'period'>) => `${r.authority} ${r.programme} ${r.period}`;

/**
 * Finds each row's wave. A missing one is created (closed) at its first row;
 * finish() widens its dates to span all its rows. A row whose authority does
 * not exist is a problem, and so is one of another authority's questionnaire
 * or local questions (as the API and hearme wave create refuse them).
 */
class WaveResolver {
  private readonly waves = new Map<string, { id: number; authorityId: number } | string>();
  private readonly created = new Map<string, { id: number; first: string; last: string }>();
  constructor(
    private readonly db: DB,
    private readonly problems: CsvProblem[],
  ) {}

  async idFor(row: CsvRow): Promise<number | undefined> {
    const key = waveKey(row);
    let wave = this.waves.get(key);
    if (wave === undefined) this.waves.set(key, (wave = await this.resolve(row)));
    const span = this.created.get(key);
    if (span) {
      if (row.submittedOn < span.first) span.first = row.submittedOn;
      if (row.submittedOn > span.last) span.last = row.submittedOn;
    }
    if (typeof wave === 'string') {
      this.problems.push({ line: row.line, column: wave.startsWith('no authority') ? 'authority' : 'programme', reason: wave });
      return undefined;
    }
    const local = row.local && getInstrument(row.local.instrument, row.local.version);
    if (local && !registry.usableBy(local, wave.authorityId)) {
      this.problems.push({ line: row.line, column: 'local_instrument', reason: `${local.id} belongs to another authority` });
      return undefined;
    }
    return wave.id;
  }

  /** The row's wave, or why it has none. */
  private async resolve(row: CsvRow): Promise<{ id: number; authorityId: number } | string> {
    const wave = await findWave(this.db, row.authority, row.programme, row.period);
    if (wave) return { id: wave.id, authorityId: wave.authority_id };
    const authority = await findAuthority(this.db, row.authority);
    if (!authority) return `no authority ${row.authority}; add it first with hearme authority add`;
    const notOurs = questionnaireOwnerProblem(row.programme, authority.id);
    if (notOurs) return notOurs;
    const day = row.submittedOn;
    const { id } = await createWave(this.db, { authority_id: authority.id, programme: row.programme, period: row.period, opens_on: day, closes_on: day });
    this.created.set(waveKey(row), { id, first: day, last: day });
    return { id, authorityId: authority.id };
  }

  /** Gives the created waves their dates; returns their keys. */
  async finish(): Promise<string[]> {
    for (const { id, first, last } of this.created.values())
      await this.db.updateTable('waves').set({ opens_on: first, closes_on: last }).where('id', '=', id).execute();
    return [...this.created.keys()];
  }
}

function fail(problems: CsvProblem[], io: { stderr: (t: string) => void }): never {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  for (const p of sorted.slice(0, MAX_SHOWN)) io.stderr(formatProblem(p) + '\n');
  if (sorted.length > MAX_SHOWN) io.stderr(`… and ${sorted.length - MAX_SHOWN} more problems\n`);
  throw new UsageError(`nothing imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file`);
}
