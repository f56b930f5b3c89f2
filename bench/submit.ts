// Submission throughput bench: the real server, as deployed, under autocannon.
//
// Starts `node dist/server/main.js serve` on a fresh database, then alternates
// rounds of GET /api/health (the reference: HTTP + Fastify, no database) and
// POST /api/responses (the whole write path: validation, group commit,
// fsync), and reports medians across rounds so that one noisy round on a
// shared machine does not decide the result. Finally it stops the server and
// checks, response by response, that every 201 it saw was durably stored.
//
// Run with `npm run bench:submit -- --help` for the options.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { z } from 'zod';
import { currentInstrument } from '../surveys/index.js';
import { fullAnswers } from '../test/helpers/answers.js';
import {
  MAIN,
  ROOT,
  autocannon,
  filesystem,
  fmt,
  freePort,
  hearme,
  median,
  startServer,
  stopServer,
  sum,
  waitUntilHealthy,
  type CannonRequest,
  type CannonResult,
  type Server,
} from './lib.js';

const INSTRUMENT = 'ylyc-11-17';

// ---------------------------------------------------------------- options

const USAGE = `Usage: npm run bench:submit -- [options]

  -c, --connections N      concurrent connections per round      (BENCH_CONNECTIONS, default 50)
  -d, --duration S         seconds per measured round            (BENCH_DURATION, default 10)
  -w, --warmup S           seconds of warm-up per endpoint, 0=off (BENCH_WARMUP, default 2)
  -r, --rounds N           rounds of each endpoint, alternated    (BENCH_ROUNDS, default 3)
      --log-level LEVEL    the server's LOG_LEVEL                 (BENCH_LOG_LEVEL, default warn)
      --server-cpu-prof DIR  write a V8 CPU profile of the server to DIR (BENCH_SERVER_CPU_PROF)
  -h, --help`;

const Options = z.object({
  connections: z.coerce.number().int().min(1).max(10_000).default(50),
  duration: z.coerce.number().positive().max(3600).default(10),
  warmup: z.coerce.number().min(0).max(600).default(2),
  rounds: z.coerce.number().int().min(1).max(100).default(3),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  serverCpuProf: z.string().min(1).optional(),
});
type Options = z.infer<typeof Options>;

const FLAGS = {
  connections: { type: 'string', short: 'c' },
  duration: { type: 'string', short: 'd' },
  warmup: { type: 'string', short: 'w' },
  rounds: { type: 'string', short: 'r' },
  'log-level': { type: 'string' },
  'server-cpu-prof': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, strict: true, options: FLAGS }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${USAGE}`);
  }
}

/** Flags win over BENCH_* environment variables, which win over defaults. */
function readOptions(argv: string[], env: NodeJS.ProcessEnv): Options | 'help' {
  const values = parseFlags(argv);
  if (values.help) return 'help';
  const parsed = Options.safeParse({
    connections: values.connections ?? env.BENCH_CONNECTIONS,
    duration: values.duration ?? env.BENCH_DURATION,
    warmup: values.warmup ?? env.BENCH_WARMUP,
    rounds: values.rounds ?? env.BENCH_ROUNDS,
    logLevel: values['log-level'] ?? env.BENCH_LOG_LEVEL,
    serverCpuProf: values['server-cpu-prof'] ?? env.BENCH_SERVER_CPU_PROF,
  });
  if (!parsed.success) throw new Error(`bad option:\n${z.prettifyError(parsed.error)}\n\n${USAGE}`);
  return parsed.data;
}

/**
 * Nanoseconds the server's main thread (the only one running JavaScript and,
 * with better-sqlite3, SQLite) has spent on a CPU and runnable but waiting
 * for one, from Linux's schedstat; undefined elsewhere. The rest of the time
 * it was idle in the event loop or blocked in a system call such as fsync.
 */
function mainThreadSched(pid: number | undefined): { run: number; wait: number } | undefined {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return run === undefined || wait === undefined ? undefined : { run, wait };
  } catch {
    return undefined;
  }
}

/** Nanoseconds of CPU the whole server process (every thread) has used, from /proc; undefined elsewhere. */
function processCpu(pid: number | undefined): number | undefined {
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1e9 / CLOCK_TICKS);
  } catch {
    return undefined;
  }
}
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

// ---------------------------------------------------------------- rounds

type Endpoint = 'health' | 'submit';

interface Round {
  endpoint: Endpoint;
  result: CannonResult;
  /** % of the round the server's main thread was on a CPU: near 100 means it is the limit. */
  serverBusy: number | undefined;
  /** % of the round it was ready to run but no CPU was free (other processes, or this bench). */
  serverStarved: number | undefined;
  /** The whole server process, all threads (the writer thread included), as % of one core. */
  serverProcess: number | undefined;
  /** This process's CPU (autocannon itself) over the round, as % of one core. */
  benchCpu: number;
}

/** What the submit rounds sent and what they were told, by response id, for the final check. */
class Ledger {
  readonly sent = new Set<string>();
  readonly stored = new Set<string>(); // answered 201
  readonly otherwise = new Map<string, number>(); // answered anything else

  /** Request templates for autocannon: a new UUID and one of `tails` on every request. */
  submitRequests(tails: readonly string[]): CannonRequest[] {
    let n = 0;
    return [
      {
        method: 'POST',
        path: '/api/responses',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request, context) => {
          const id = randomUUID();
          context.id = id;
          this.sent.add(id);
          return { ...request, body: `{"id":"${id}",${tails[n++ % tails.length]}` };
        },
        onResponse: (status, _body, context) => {
          if (!context.id) return;
          if (status === 201) this.stored.add(context.id);
          else this.otherwise.set(context.id, status);
        },
      },
    ];
  }
}

/**
 * The JSON of each body after its "id" member, prepared once: with the client
 * sharing two cores with the server, per-request work in this process is kept
 * to a UUID and a concatenation. Different seeds give different answers.
 */
function bodyTails(code: string, variants = 97): string[] {
  const inst = currentInstrument(INSTRUMENT);
  if (!inst) throw new Error(`no instrument ${INSTRUMENT}`);
  return Array.from({ length: variants }, (_, seed) =>
    JSON.stringify({ code, instrument: inst.id, version: inst.version, answers: fullAnswers(inst, seed) }).slice(1),
  );
}

async function runRound(
  endpoint: Endpoint,
  seconds: number,
  base: string,
  opts: Options,
  server: Server,
  submitRequests: () => CannonRequest[],
): Promise<Round> {
  const before = mainThreadSched(server.child.pid);
  const processBefore = processCpu(server.child.pid);
  const benchBefore = process.cpuUsage();
  const result = await autocannon({
    url: `${base}/api/health`,
    connections: opts.connections,
    duration: seconds,
    requests: endpoint === 'health' ? [{ method: 'GET', path: '/api/health' }] : submitRequests(),
  });
  const after = mainThreadSched(server.child.pid);
  const processAfter = processCpu(server.child.pid);
  const bench = process.cpuUsage(benchBefore);
  const percent = (ns: number) => ns / 1e7 / result.duration;
  return {
    endpoint,
    result,
    serverBusy: before && after && percent(after.run - before.run),
    serverStarved: before && after && percent(after.wait - before.wait),
    serverProcess:
      processBefore === undefined || processAfter === undefined ? undefined : percent(processAfter - processBefore),
    benchCpu: (bench.user + bench.system) / 1e4 / result.duration,
  };
}

// ---------------------------------------------------------------- report

function roundLine(i: number, r: Round): string {
  const { result: x } = r;
  return (
    `  round ${i} ${r.endpoint.padEnd(6)} ${fmt(x.requests.average).padStart(8)} req/s` +
    `  p50 ${fmt(x.latency.p50).padStart(4)} ms  p99 ${fmt(x.latency.p99).padStart(4)} ms` +
    `  non-2xx ${x.non2xx}  errors ${x.errors}` +
    `  server on cpu ${fmt(r.serverBusy)}% starved ${fmt(r.serverStarved)}% all threads ${fmt(r.serverProcess)}%` +
    `  bench cpu ${fmt(r.benchCpu)}%`
  );
}

function table(rounds: Round[]): string {
  const h = rounds.filter((r) => r.endpoint === 'health');
  const s = rounds.filter((r) => r.endpoint === 'submit');
  const medianOf = (rs: Round[], f: (r: Round) => number | undefined) => {
    const xs = rs.map(f);
    return xs.every((x) => x !== undefined) ? median(xs as number[]) : undefined;
  };
  // [health, submit] for one figure: the median across rounds, or the total over them.
  const med = (f: (r: Round) => number | undefined) => [medianOf(h, f), medianOf(s, f)] as const;
  const tot = (f: (r: Round) => number) => [sum(h.map(f)), sum(s.map(f))] as const;
  type Row = [label: string, figures: readonly [number | undefined, number | undefined], ratio?: 'ratio'];
  const rows: Row[] = [
    ['requests/s (median of rounds)', med((r) => r.result.requests.average), 'ratio'],
    ['latency p50 ms (median)', med((r) => r.result.latency.p50), 'ratio'],
    ['latency p99 ms (median)', med((r) => r.result.latency.p99), 'ratio'],
    ['2xx responses (all rounds)', tot((r) => r.result['2xx'])],
    ['non-2xx responses (all rounds)', tot((r) => r.result.non2xx)],
    ['errors incl. timeouts (all rounds)', tot((r) => r.result.errors)],
    ['server main thread on CPU % (median)', med((r) => r.serverBusy)],
    ['  ...waiting for a free CPU % (median)', med((r) => r.serverStarved)],
    ['server, all threads CPU % (median)', med((r) => r.serverProcess)],
    ['bench (autocannon) CPU % (median)', med((r) => r.benchCpu)],
  ];
  const w = [40, 10, 10, 16];
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join(' | ');
  const rule = w.map((n) => '-'.repeat(n)).join('-+-');
  return [
    line(['', 'health', 'submit', 'submit ÷ health']),
    rule,
    ...rows.map(([label, [hv, sv], ratio]) =>
      line([label, fmt(hv), fmt(sv), ratio && sv !== undefined ? (hv ? `${fmt(sv / hv, 2)}×` : 'n/a') : '']),
    ),
  ].join('\n');
}

// ----------------------------------------------------------- verification

/**
 * Compares what the server acknowledged with what is in the file, id by id.
 *
 * The bare counts cannot be expected to match exactly: when a round's time is
 * up, autocannon closes its sockets with up to one request per connection in
 * flight, and the server still stores those (the client just never sees the
 * 201). So the pass condition is per id: every 201 is stored, every stored id
 * is one this bench sent, nothing answered with an error is stored, and the
 * only stored ids without a 201 are ones that never got an answer at all.
 */
function verify(dbPath: string, ledger: Ledger, rounds: Round[]): boolean {
  const sqlite = new SQLite(dbPath, { readonly: true, fileMustExist: true });
  try {
    const ids = new Set(sqlite.prepare('SELECT uuid FROM responses').pluck().all() as string[]);
    const journal = sqlite.pragma('journal_mode', { simple: true }) as string;
    const autocannon201 = sum(rounds.map((r) => r.result.statusCodeStats['201']?.count ?? 0));

    const missing = [...ledger.stored].filter((id) => !ids.has(id));
    const strangers = [...ids].filter((id) => !ledger.sent.has(id));
    const storedDespiteError = [...ledger.otherwise.keys()].filter((id) => ids.has(id));
    const unanswered = [...ledger.sent].filter((id) => !ledger.stored.has(id) && !ledger.otherwise.has(id));
    const storedUnanswered = unanswered.filter((id) => ids.has(id)).length;

    const synchronous = /pragma\('synchronous\s*=\s*(\w+)'\)/i.exec(
      readFileSync(join(ROOT, 'server/db/connection.ts'), 'utf8'),
    )?.[1];
    console.log(`
Durability check (server stopped with SIGTERM, database opened read-only)
  201s seen by autocannon, all rounds incl. warm-up   ${fmt(autocannon201)}
  201s seen by this bench's per-request ledger        ${fmt(ledger.stored.size)}
  responses stored in the database                    ${fmt(ids.size)}
  requests sent without any answer (cut at round end) ${fmt(unanswered.length)}, of which stored: ${fmt(storedUnanswered)}
  201s missing from the database                      ${fmt(missing.length)}
  stored ids this bench never sent                    ${fmt(strangers.length)}
  stored ids that were answered with an error         ${fmt(storedDespiteError.length)}
  journal_mode = ${journal}; synchronous is per connection: the server sets ${synchronous ?? '(not found)'} in server/db/connection.ts`);

    const ok =
      missing.length === 0 &&
      strangers.length === 0 &&
      storedDespiteError.length === 0 &&
      autocannon201 === ledger.stored.size &&
      ids.size === ledger.stored.size + storedUnanswered;
    if (ok) {
      console.log(
        `  OK: stored = 201s + requests cut in flight (${fmt(ids.size)} = ${fmt(ledger.stored.size)} + ${fmt(storedUnanswered)})`,
      );
    } else {
      console.error(`
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!!  MISMATCH: what the server acknowledged is not what it stored.
!!  201s: ${ledger.stored.size} (autocannon: ${autocannon201}), stored: ${ids.size}, missing: ${missing.length},
!!  unknown: ${strangers.length}, stored despite an error: ${storedDespiteError.length}
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!`);
    }
    return ok;
  } finally {
    sqlite.close();
  }
}

// ------------------------------------------------------------------ main

async function main(): Promise<number> {
  const opts = readOptions(process.argv.slice(2), process.env);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(MAIN)) throw new Error(`${MAIN} not found: run npm run build first (npm run bench:submit does)`);
  if (opts.serverCpuProf) mkdirSync(resolve(opts.serverCpuProf), { recursive: true });

  const dir = mkdtempSync(join(tmpdir(), 'hearme-bench-'));
  let server: Server | undefined;
  // Ctrl-C or a kill must not leave a server running or a database behind.
  const abort = (signal: NodeJS.Signals) => {
    server?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);

  try {
    const dbPath = join(dir, 'hearme.sqlite');
    const env = { ...process.env, DATABASE_PATH: dbPath };
    hearme(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env);
    const wave = z.object({ id: z.number(), code: z.string() }).parse(
      JSON.parse(hearme(['wave', 'create', '--authority', 'E06000002', '--period', '2024'], env)),
    );

    server = startServer(opts, env, await freePort());
    await waitUntilHealthy(server);
    const base = `http://127.0.0.1:${server.port}`;
    console.log(
      `Server pid ${server.child.pid} on ${base}, database ${dbPath} (${filesystem(dir)})\n` +
        `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
        `${opts.connections} connections, ${opts.rounds} × ${opts.duration} s per endpoint, alternated, ` +
        `warm-up ${opts.warmup} s each`,
    );

    const ledger = new Ledger();
    const tails = bodyTails(wave.code);
    const submitRequests = () => ledger.submitRequests(tails);

    // Warm-up (JIT, caches, first pages of the database): run, checked later, not reported.
    const warmups: Round[] = [];
    if (opts.warmup > 0)
      for (const endpoint of ['health', 'submit'] as const)
        warmups.push(await runRound(endpoint, opts.warmup, base, opts, server, submitRequests));

    const rounds: Round[] = [];
    for (let i = 1; i <= opts.rounds; i++)
      for (const endpoint of ['health', 'submit'] as const) {
        const round = await runRound(endpoint, opts.duration, base, opts, server, submitRequests);
        rounds.push(round);
        console.log(roundLine(i, round));
      }

    console.log(`\n${table(rounds)}`);

    const exitCode = await stopServer(server);
    if (exitCode !== 0) console.error(`warning: the server exited with code ${exitCode}`);
    if (opts.serverCpuProf) console.log(`\nServer CPU profile written to ${resolve(opts.serverCpuProf)}`);
    return verify(dbPath, ledger, [...warmups, ...rounds]) ? 0 : 1;
  } finally {
    if (server) await stopServer(server).catch(() => server?.child.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`bench:submit failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
