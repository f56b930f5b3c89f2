// Sends finished surveys until the server acknowledges them. A network
// error, a 5xx, 408 or 429 is retried with backoff, on the `online` event
// and whenever the app is opened again (iPads have no Background Sync).
// Any other 4xx will not get better by retrying: it is kept and shown to
// the adult in plain words.
import { retryDelay } from './backoff.js';
import type { SurveyStore } from './outbox.js';
import { ErrorAnswerSchema, SubmitAnswerSchema, type OutboxItem } from './schemas.js';

export type SendStatus =
  | { kind: 'sending' }
  | { kind: 'sent' }
  | { kind: 'waiting' }
  | { kind: 'rejected'; status: number };

type Outcome = SendStatus;

const RETRYABLE_4XX = new Set([408, 429]);

export class Sender {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private listeners = new Set<(id: string, status: SendStatus) => void>();

  constructor(private readonly store: SurveyStore) {
    addEventListener('online', () => this.flushNow());
  }

  onStatus(fn: (id: string, status: SendStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Sends everything pending now, forgetting any backoff (the network may just have come back). */
  flushNow(): Promise<void> {
    this.attempt = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.flush();
  }

  /** Tries a refused response again (the adult asked to). */
  async retryRejected(): Promise<void> {
    for (const item of await this.store.pending()) if (item.rejected) await this.store.clearRejection(item);
    return this.flushNow();
  }

  private flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.sendAll();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sendAll(): Promise<void> {
    let retry = false;
    for (const item of await this.store.pending()) {
      if (item.rejected) {
        this.emit(item.body.id, { kind: 'rejected', status: item.rejected.status });
        continue;
      }
      this.emit(item.body.id, { kind: 'sending' });
      const outcome = await this.send(item);
      this.emit(item.body.id, outcome);
      if (outcome.kind === 'waiting') retry = true;
    }
    if (retry && !this.timer) {
      const delay = retryDelay(this.attempt++);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, delay);
    } else if (!retry) this.attempt = 0;
  }

  private async send(item: OutboxItem): Promise<Outcome> {
    let res: Response;
    try {
      res = await fetch('/api/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(item.body),
      });
    } catch {
      return { kind: 'waiting' };
    }
    const json: unknown = await res.json().catch(() => undefined);
    // 201 stored and 200 duplicate (an earlier try got through) both mean the server has it.
    if ((res.status === 201 || res.status === 200) && SubmitAnswerSchema.safeParse(json).success) {
      await this.store.acknowledged(item.body.id);
      return { kind: 'sent' };
    }
    if (res.status >= 500 || RETRYABLE_4XX.has(res.status) || res.status < 400) return { kind: 'waiting' };
    const parsed = ErrorAnswerSchema.safeParse(json);
    await this.store.markRejected(item, res.status, parsed.success ? parsed.data.error : res.statusText);
    return { kind: 'rejected', status: res.status };
  }

  private emit(id: string, status: SendStatus) {
    for (const fn of this.listeners) fn(id, status);
  }
}
