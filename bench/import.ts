// Import bench: how long `hearme import` takes on a long file, and how much
// memory it needs. Writes a CSV of complete ylyc questionnaires for five
// authorities, then runs the built CLI on it in a process of its own and
// reports rows a second and that process's peak memory (maxRSS).
//
// Run with `npm run bench:import -- --help` for the options.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FIXED_COLUMNS, questionColumns } from '../server/csv/responses-csv.js';
import { csvLine } from '../server/csv/write.js';
import { programmeInstruments } from '../surveys/index.js';
import { fullAnswers } from '../test/helpers/answers.js';
import { MAIN, fmt, hearme } from './lib.js';

const USAGE = `Usage: npm run bench:import -- [options]

  -r, --rows N    rows in the file   (BENCH_ROWS, default 100000)
  -h, --help`;

const Options = z.object({ rows: z.coerce.number().int().min(1).max(10_000_000).default(100_000) });

const AUTHORITIES = ['E06000002', 'E08000017', 'E06000024', 'E06000043', 'E10000034'];

/** Prints the process's peak resident memory as it exits. */
const REPORT_MAX_RSS = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`))';

async function writeFile(path: string, rows: number): Promise<void> {
  const instruments = programmeInstruments('ylyc');
  const questions = questionColumns(['ylyc']);
  const out = createWriteStream(path);
  out.write(csvLine([...FIXED_COLUMNS, ...questions]));
  for (let n = 0; n < rows; n++) {
    const inst = instruments[n % instruments.length]!;
    const answers = fullAnswers(inst, n % 97);
    const line = csvLine([
      randomUUID(),
      AUTHORITIES[n % AUTHORITIES.length]!,
      'ylyc',
      '2024',
      inst.id,
      String(inst.version),
      `2024-0${3 + (n % 3)}-1${n % 10}`,
      ...questions.map((q) => (answers[q] === undefined ? '' : String(answers[q]))),
    ]);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { rows: { type: 'string', short: 'r' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const parsed = Options.safeParse({ rows: values.rows ?? process.env.BENCH_ROWS });
  if (!parsed.success) throw new Error(`bad option:\n${z.prettifyError(parsed.error)}\n\n${USAGE}`);
  if (!existsSync(MAIN)) throw new Error(`${MAIN} not found: run npm run build first (npm run bench:import does)`);
  const { rows } = parsed.data;
  const dir = mkdtempSync(join(tmpdir(), 'hearme-import-'));
  try {
    const env = { ...process.env, DATABASE_PATH: join(dir, 'hearme.sqlite') };
    for (const code of AUTHORITIES) hearme(['authority', 'add', '--code', code, '--name', code], env);
    const file = join(dir, 'responses.csv');
    await writeFile(file, rows);
    console.log(`importing ${fmt(rows)} rows (${fmt(statSync(file).size / 2 ** 20, 1)} MiB of CSV)`);

    const started = performance.now();
    const child = spawn(process.execPath, ['--import', REPORT_MAX_RSS, MAIN, 'import', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b));
    child.stderr.on('data', (b: Buffer) => {
      stderr += b;
      process.stderr.write(b);
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    const seconds = (performance.now() - started) / 1000;
    const maxRss = /maxRSS (\d+)/.exec(stderr);
    console.log(`
exit code                   ${code}
${stdout.trim()}
seconds                     ${fmt(seconds, 1)}
rows/s                      ${fmt(rows / seconds)}
peak memory (maxRSS)        ${maxRss ? fmt(Number(maxRss[1]) / 1024, 1) : '?'} MiB`);
    return code === 0 && stdout.startsWith(`imported ${rows} responses`) ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`bench:import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
