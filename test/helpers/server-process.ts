// Starts the real `hearme serve` in its own process: the built bin
// (dist/server/main.js, which the test run's global setup builds from the
// sources), started as npm start starts it; half the start-up cost of
// running the sources through tsx, which matters to tests that restart it
// twenty times.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ConfigSchema } from '../../server/config.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The package's bin, built by test/global-setup.ts. */
export const HEARME_BIN = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url));

/**
 * Runs a program to its end in `cwd` with every hearme configuration
 * variable of this process cleared (nothing of the developer's own leaks
 * in), then `env`; its exit status and output.
 */
export function runToEnd(file: string, args: string[], env: Record<string, string>, cwd: string, input?: string) {
  const base = { ...process.env };
  for (const v of Object.keys(ConfigSchema.shape)) delete base[v];
  const r = spawnSync(file, args, { cwd, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000, ...(input !== undefined && { input }) });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a hearme command, e.g. spawnHearme(['serve'], env). */
export function spawnHearme(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [HEARME_BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the server on env.PORT, or on a free port. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawnHearme(['serve'], { PORT: String(port), ...env });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, output: () => log, exited };
}

/** Runs a hearme command against one database file, without blocking this process; resolves to its stdout. */
export async function hearmeOn(databasePath: string, args: string[]): Promise<string> {
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, [HEARME_BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: databasePath },
  });
  return stdout;
}

/** Authority E06000002 and its open ylyc 2024 wave, made with the command line; returns the wave's code. */
export async function seedByCli(databasePath: string): Promise<string> {
  await hearmeOn(databasePath, ['authority', 'add', '--code', 'E06000002', '--name', 'Middlesbrough']);
  const wave = await hearmeOn(databasePath, ['wave', 'create', '--authority', 'E06000002', '--period', '2024']);
  return (JSON.parse(wave) as { code: string }).code;
}
