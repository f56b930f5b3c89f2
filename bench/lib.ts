// What the benchmarks share: autocannon's API as they use it, starting and
// stopping the built server, and formatting figures.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const MAIN = join(ROOT, 'dist/server/main.js');

// ------------------------------------------------------------- autocannon

// autocannon ships no types (and @types/autocannon is not a dependency):
// describe just the part of its programmatic API this bench uses.
export type Context = { id?: string; instrument?: string };
export interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before every request is sent; returns the request to send. */
  setupRequest?: (request: CannonRequest, context: Context) => CannonRequest;
  /** Called on every complete response, with the context of the request it answers. */
  onResponse?: (status: number, body: string, context: Context) => void;
}
export interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests?: CannonRequest[];
}
/** autocannon's latency histogram has whole-millisecond resolution: fast requests read 0 ms. */
export interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
export interface CannonResult {
  requests: Histogram;
  /** Milliseconds. */
  latency: Histogram;
  duration: number;
  /** Connection errors, timeouts included. */
  errors: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
}
export const autocannon = createRequire(import.meta.url)('autocannon') as (opts: CannonOptions) => Promise<CannonResult>;

// ------------------------------------------------------------ the server

export interface Server {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
}

/** A port free right now (the server binds it a moment later; good enough on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolvePort(port));
    });
  });
}

export function hearme(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, [MAIN, ...args], { env, encoding: 'utf8' });
}

export function startServer(
  opts: { logLevel: string; serverCpuProf?: string | undefined },
  env: NodeJS.ProcessEnv,
  port: number,
): Server {
  const profile = opts.serverCpuProf ? ['--cpu-prof', `--cpu-prof-dir=${resolve(opts.serverCpuProf)}`] : [];
  const child = spawn(process.execPath, [...profile, MAIN, 'serve'], {
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: opts.logLevel,
      // Every request comes from 127.0.0.1: the per-IP limits would otherwise answer 429.
      SUBMIT_RATE_LIMIT: '100000000',
      LOOKUP_RATE_LIMIT: '100000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, port, exited };
}

export async function waitUntilHealthy(server: Server): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(`the server exited before it was ready (exit code ${server.child.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the server did not answer /api/health within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGTERM (the server finishes what is in flight and closes the database), then SIGKILL if it hangs. */
export async function stopServer(server: Server): Promise<number | null> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return server.child.exitCode;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** fsync, and so the submit figures, depend on the filesystem the database is on: name it. */
export function filesystem(path: string): string {
  const names: Record<number, string> = {
    0xef53: 'ext4',
    0x58465342: 'xfs',
    0x9123683e: 'btrfs',
    0x01021994: 'tmpfs: fsync is free, submit figures are optimistic',
    0x794c7630: 'overlayfs',
  };
  const type = statfsSync(path).type;
  return names[type] ?? `filesystem magic 0x${type.toString(16)}`;
}

// ---------------------------------------------------------------- figures

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const fmt = (x: number | undefined, digits = 0) =>
  x === undefined || Number.isNaN(x)
    ? '-'
    : x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

