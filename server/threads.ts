// Starts one of this folder's worker-thread modules, whether the server
// runs from the compiled build or (in tests) from the TypeScript sources.
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startThread(name: string, options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  // Tests run the TypeScript sources: the thread registers tsx before loading its module.
  const source = new URL(`./${name}.ts`, import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`, { ...options, eval: true });
}
