// Reports and comparisons are built on a thread of their own. A report
// reads the running counts of every authority in its period (thousands of
// rows with 150 authorities, for the benchmark) and works them over; on
// the thread that answers HTTP requests, three comparisons and a report at
// once held even /api/health up for as long as they took, and longer
// with more authorities. Here the main thread only hands over the request
// and takes back the result; the jobs queue on the one report thread, so
// a burst of them uses one core, never the other that answers everyone
// else (test/portal/compare-responsiveness.test.ts). The thread starts
// with the first job and again after a crash.
import type { Worker } from 'node:worker_threads';
import type { AuthorityFigure } from '../reports/compare.js';
import { ReportInputError, type ReportRequest } from '../reports/build.js';
import type { Report } from '../reports/schema.js';
import type { Programme } from '../surveys/index.js';
import type { WordList } from './safeguarding/matcher.js';
import { startThread } from './threads.js';

/** A report request as it crosses to the thread: free text or not (the thread has its own copy of the safeguarding list). */
export type ThreadReportRequest = Omit<ReportRequest, 'freeText'> & { freeText: boolean };
export interface CompareQuery {
  programme: Programme;
  period: string;
  indicator: string;
  band: string;
  minBase: number;
  today: string;
}

export type ReportJob = { kind: 'reports'; requests: ThreadReportRequest[] } | { kind: 'compare'; query: CompareQuery };
export interface ReportThreadData {
  databasePath: string;
  words: WordList;
}
export type ToReportThread = { kind: 'job'; id: number; job: ReportJob } | { kind: 'close' };
export type FromReportThread = { kind: 'done'; id: number; value: unknown } | { kind: 'failed'; id: number; message: string; input: boolean };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class ReportThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing: Promise<void> | null = null;
  private idle: (() => void) | null = null;

  constructor(private readonly data: ReportThreadData) {}

  /** Builds reports (of one period they share its counts); a ReportInputError when one cannot be built as asked. */
  reports(requests: ThreadReportRequest[]): Promise<Report[]> {
    return this.run({ kind: 'reports', requests }) as Promise<Report[]>;
  }

  /** One indicator across every authority of a period (reports/compare.ts). */
  compare(query: CompareQuery): Promise<AuthorityFigure[]> {
    return this.run({ kind: 'compare', query }) as Promise<AuthorityFigure[]>;
  }

  /** Lets the jobs under way finish, then stops the thread and its connection. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.pending.size) await new Promise<void>((r) => (this.idle = r));
      const worker = this.worker;
      if (!worker) return;
      this.worker = null;
      const exited = new Promise((r) => worker.once('exit', r));
      worker.postMessage({ kind: 'close' } satisfies ToReportThread);
      await exited;
    })();
    return this.closing;
  }

  private run(job: ReportJob): Promise<unknown> {
    if (this.closing) return Promise.reject(new Error('the report thread is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread().postMessage({ kind: 'job', id, job } satisfies ToReportThread);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startThread('report-worker', { workerData: this.data });
    worker.on('message', (message: FromReportThread) => this.settle(message));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the report thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(message: FromReportThread): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    this.pending.delete(message.id);
    if (message.kind === 'done') p.resolve(message.value);
    else p.reject(message.input ? new ReportInputError(message.message) : new Error(`building a report failed: ${message.message}`));
    if (!this.pending.size) this.idle?.();
  }

  /** The thread died: fail what it held; the next job starts a new one. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.idle?.();
  }
}
