// Load bench: many simulated children at once against the real server, as
// deployed. Each child (one autocannon connection) fetches the wave, then
// its instrument, then submits a full response with a new id, and starts
// again. Reports throughput, latency, errors and the server's peak memory.
//
// Run with `npm run bench:load -- --help` for the options.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { z } from 'zod';
import { BUILT_IN_INSTRUMENTS } from '../surveys/index.js';
import { fullAnswers } from '../test/helpers/answers.js';
import { MAIN, autocannon, filesystem, fmt, freePort, hearme, startServer, stopServer, waitUntilHealthy, type Server } from './lib.js';

const USAGE = `Usage: npm run bench:load -- [options]

  -c, --children N    simulated children at once   (BENCH_CHILDREN, default 200)
  -d, --duration S    seconds of load              (BENCH_DURATION, default 60)
  -h, --help`;

const Options = z.object({
  children: z.coerce.number().int().min(1).max(10_000).default(200),
  duration: z.coerce.number().positive().max(3600).default(60),
});

function readOptions(argv: string[], env: NodeJS.ProcessEnv): z.infer<typeof Options> | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { children: { type: 'string', short: 'c' }, duration: { type: 'string', short: 'd' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return 'help';
  const parsed = Options.safeParse({ children: values.children ?? env.BENCH_CHILDREN, duration: values.duration ?? env.BENCH_DURATION });
  if (!parsed.success) throw new Error(`bad option:\n${z.prettifyError(parsed.error)}\n\n${USAGE}`);
  return parsed.data;
}

/** Peak resident memory of a process so far, in MiB, from Linux's /proc. */
function peakMemoryMiB(pid: number | undefined): number | undefined {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : undefined;
}

async function main(): Promise<number> {
  const opts = readOptions(process.argv.slice(2), process.env);
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(MAIN)) throw new Error(`${MAIN} not found: run npm run build first (npm run bench:load does)`);
  const dir = mkdtempSync(join(tmpdir(), 'hearme-load-'));
  let server: Server | undefined;
  try {
    const dbPath = join(dir, 'hearme.sqlite');
    const env = { ...process.env, DATABASE_PATH: dbPath };
    hearme(['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough'], env);
    const { code } = JSON.parse(hearme(['wave', 'create', '--authority', 'E06000002', '--period', '2024'], env)) as { code: string };
    server = startServer({ logLevel: 'warn' }, env, await freePort());
    await waitUntilHealthy(server);
    console.log(
      `${opts.children} children for ${opts.duration} s against pid ${server.child.pid}, database on ${filesystem(dir)}; ` +
        `${cpus().length} CPUs, node ${process.version}`,
    );

    // Prepared bodies (after the id) per instrument, so the bench spends its CPU on sending, not building.
    const ylyc = BUILT_IN_INSTRUMENTS.filter((i) => i.programme === 'ylyc');
    const tails = new Map(
      ylyc.map((inst) => [
        inst.id,
        Array.from({ length: 31 }, (_, seed) =>
          JSON.stringify({ code, instrument: inst.id, version: inst.version, answers: fullAnswers(inst, seed) }).slice(1),
        ),
      ]),
    );
    let n = 0;
    const result = await autocannon({
      url: `http://127.0.0.1:${server.port}`,
      connections: opts.children,
      duration: opts.duration,
      requests: [
        { method: 'GET', path: `/api/waves/${code}` },
        {
          method: 'GET',
          // Children of every age: each pass picks an instrument, and the submission below uses it.
          setupRequest: (request, context) => {
            context.instrument = ylyc[n++ % ylyc.length]!.id;
            return { ...request, path: `/api/instruments/${context.instrument}` };
          },
        },
        {
          method: 'POST',
          path: '/api/responses',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request, context) => {
            const bodies = tails.get(context.instrument!)!;
            return { ...request, body: `{"id":"${randomUUID()}",${bodies[n % bodies.length]}` };
          },
        },
      ],
    });
    const peak = peakMemoryMiB(server.child.pid);
    const stored201 = result.statusCodeStats['201']?.count ?? 0;
    await stopServer(server);
    server = undefined;
    const db = new SQLite(dbPath, { readonly: true });
    const { n: stored } = db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number };
    db.close();

    console.log(`
requests/s (all three kinds)        ${fmt(result.requests.average)}
children completed/s (201s)         ${fmt(stored201 / result.duration)}
latency p50 / p99 ms (all requests) ${fmt(result.latency.p50)} / ${fmt(result.latency.p99)}
errors (connections, timeouts)      ${fmt(result.errors)}
non-2xx answers                     ${fmt(result.non2xx)}
server peak memory (VmHWM)          ${fmt(peak, 1)} MiB  (target under 200)
201s seen / responses stored        ${fmt(stored201)} / ${fmt(stored)}`);
    // A few submissions may be stored without their 201 arriving, cut at the end of the run.
    return result.errors === 0 && result.non2xx === 0 && stored >= stored201 && stored - stored201 <= opts.children ? 0 : 1;
  } finally {
    if (server) await stopServer(server).catch(() => server?.child.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`bench:load failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
