// Starts one of this folder's worker-thread modules, whether the server
// runs from the compiled build or (in tests) from the TypeScript sources.
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { z } from 'zod';

/**
 * HEARME_THREADS=built (set for the tests in vitest.config.ts) starts the
 * threads of a server run from its sources from the build instead, which
 * test/global-setup.ts has brought up to date with those sources before
 * any test runs: a thread that loads the sources through tsx costs about
 * two CPU-seconds to start, against half a second built, and the suite
 * starts a hundred or so.
 */
const threads = z.enum(['built', 'sources']).default('sources').parse(process.env.HEARME_THREADS || undefined);

export function startThread(name: string, options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  if (threads === 'built') return new Worker(new URL(`../dist/server/${name}.js`, import.meta.url), options);
  // From the sources: the thread registers tsx before loading its module.
  const source = new URL(`./${name}.ts`, import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`, { ...options, eval: true });
}
