// Simulated tablets for the resilience suite: each submits full responses
// one after another, and, like the child app, resends the same response
// (same id) until the server acknowledges it, waiting between tries as the
// app does (web/survey/backoff.ts). They once retried every 50 to 100 ms:
// ten times as often as a tablet, 10,000 refused connections in the crash
// test, a fifth of its CPU spent refusing them.
import { randomUUID } from 'node:crypto';
import { BUILT_IN_INSTRUMENTS, type Answers } from '../../surveys/index.js';
import { retryDelay } from '../../web/survey/backoff.js';
import { fullAnswers } from './answers.js';

const YLYC = BUILT_IN_INSTRUMENTS.filter((i) => i.programme === 'ylyc');

export interface Sent {
  instrument: string;
  answers: Answers;
}

export class Tablets {
  /** Every response made, by id, with what it held. */
  readonly sent = new Map<string, Sent>();
  /** Ids the server acknowledged (201 stored or 200 duplicate). */
  readonly acknowledged = new Set<string>();
  requests = 0;
  readonly statuses = new Map<number, number>();
  private running = false;
  private loops: Promise<void>[] = [];
  private n = 0;

  constructor(
    private readonly base: () => string,
    private readonly code: string,
  ) {}

  start(count: number): void {
    this.running = true;
    this.loops = Array.from({ length: count }, () => this.loop());
  }

  /** Resolves once `more` responses beyond those acknowledged so far are acknowledged (the load is really flowing). */
  async acknowledge(more: number, timeoutMs = 60_000): Promise<void> {
    await this.until(() => this.acknowledged.size, more, timeoutMs, 'acknowledged responses');
  }

  /** Resolves once `more` requests beyond those made so far met a refused or reset connection. */
  async refuse(more: number, timeoutMs = 30_000): Promise<void> {
    await this.until(() => this.statuses.get(0) ?? 0, more, timeoutMs, 'refused requests');
  }

  private async until(count: () => number, more: number, timeoutMs: number, what: string): Promise<void> {
    const target = count() + more;
    const deadline = Date.now() + timeoutMs;
    while (count() < target) {
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${more} more ${what}; ${count()} of ${target}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const inst = YLYC[this.n % YLYC.length]!;
      const id = randomUUID();
      const answers = fullAnswers(inst, this.n++);
      this.sent.set(id, { instrument: inst.id, answers });
      const body = JSON.stringify({ id, code: this.code, instrument: inst.id, version: inst.version, answers });
      // Resend until acknowledged; a tablet gives up only when the test stops it.
      for (let attempt = 0; this.running; attempt++) {
        const status = await this.post(body);
        if (status === 201 || status === 200) {
          this.acknowledged.add(id);
          break;
        }
        await new Promise((r) => setTimeout(r, retryDelay(attempt)));
      }
    }
  }

  private async post(body: string): Promise<number> {
    this.requests++;
    try {
      const res = await fetch(`${this.base()}/api/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      await res.arrayBuffer();
      this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
      return res.status;
    } catch {
      this.statuses.set(0, (this.statuses.get(0) ?? 0) + 1);
      return 0; // refused, reset or timed out: the server may or may not have stored it
    }
  }
}
