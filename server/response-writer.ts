// Group commit on a thread of its own. Submissions wait in a queue; while
// the writer thread commits one batch (synchronous=FULL, so the commit
// waits for the disk), the main thread goes on parsing and validating
// requests, and whatever has queued meanwhile goes in the next batch.
// Each submission is acknowledged only after the transaction holding it
// has committed, so batching costs no durability, one fsync serves many
// children, and the second core does the writing.
import type { Worker } from 'node:worker_threads';
import type { NewResponse, StoreOutcome } from './repos/responses.js';
import { startThread } from './threads.js';
import type { FromWorker, ToWorker } from './write-worker.js';

interface Pending {
  response: NewResponse;
  resolve: (outcome: StoreOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * The writer thread holds little between batches: a small young generation
 * keeps its share of the server's memory down (V8 would otherwise let
 * each thread's grow to 48 MiB under load; bench/load measures the peak).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** Largest batch in one transaction, to bound how long one commit takes. */
const MAX_BATCH = 500;

export class ResponseWriter {
  private queue: Pending[] = [];
  private inFlight: { id: number; batch: Pending[] } | null = null;
  private nextId = 1;
  private worker: Worker | null = null;
  private closing: Promise<void> | null = null;
  private idle: (() => void) | null = null;
  private started: Promise<void> = Promise.resolve();

  /** Starts the writer thread at once, so the first child does not wait for it. */
  constructor(private readonly databasePath: string) {
    this.thread();
  }

  /** Resolves when the writer thread has opened the database; rejects if it could not. */
  ready(): Promise<void> {
    return this.started;
  }

  submit(response: NewResponse): Promise<StoreOutcome> {
    if (this.closing) return Promise.reject(new Error('the response writer is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ response, resolve, reject });
      if (!this.inFlight) this.send();
    });
  }

  /** Writes everything submitted so far, then stops the thread and its connection. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.inFlight || this.queue.length) await new Promise<void>((r) => (this.idle = r));
      const worker = this.worker;
      if (!worker) return;
      this.worker = null;
      const exited = new Promise((r) => worker.once('exit', r));
      worker.postMessage({ kind: 'close' } satisfies ToWorker);
      await exited;
    })();
    return this.closing;
  }

  private send(): void {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (!batch.length) {
      this.idle?.();
      return;
    }
    this.inFlight = { id: this.nextId++, batch };
    const message: ToWorker = {
      kind: 'batch',
      id: this.inFlight.id,
      // One string rather than objects: far cheaper to pass between threads.
      responses: JSON.stringify(batch.map((p) => p.response)),
    };
    this.thread().postMessage(message);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startThread('write-worker', { workerData: { databasePath: this.databasePath }, resourceLimits: WORKER_LIMITS });
    this.started = new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: FromWorker) => (message.kind === 'ready' ? resolve() : this.settle(message)));
    });
    // A failed start is reported by ready(); this keeps it from also counting as unhandled.
    this.started.catch(() => undefined);
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the writer thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(message: Exclude<FromWorker, { kind: 'ready' }>): void {
    const done = this.inFlight;
    if (!done || done.id !== message.id) return;
    this.inFlight = null;
    if (message.kind === 'done') done.batch.forEach((p, i) => p.resolve(message.outcomes[i]!));
    // Nothing of the batch was committed; each client is told and retries.
    else for (const p of done.batch) p.reject(new Error(`writing responses failed: ${message.message}`));
    this.send();
  }

  /** The thread died unexpectedly: fail what it held (never acknowledged), start afresh on the next batch. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const done = this.inFlight;
    this.inFlight = null;
    for (const p of done?.batch ?? []) p.reject(error);
    this.send();
  }
}
