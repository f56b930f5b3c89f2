// Group commit: submissions that arrive while a transaction is being
// written wait and go together in the next one. Each is acknowledged only
// after the transaction holding it has committed (synchronous=FULL), so
// batching costs no durability, and one fsync serves many children.
import type SQLite from 'better-sqlite3';
import { ResponseStore, type NewResponse, type StoreOutcome } from './repos/responses.js';

interface Pending {
  response: NewResponse;
  resolve: (outcome: StoreOutcome) => void;
  reject: (error: unknown) => void;
}

export class ResponseWriter {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly store: ResponseStore;
  private readonly write: (batch: readonly NewResponse[]) => StoreOutcome[];

  constructor(
    sqlite: SQLite.Database,
    /** Largest batch in one transaction, to bound how long the event loop is held. */
    private readonly maxBatch = 256,
  ) {
    this.store = new ResponseStore(sqlite);
    // IMMEDIATE: take the write lock at BEGIN, waiting on the busy timeout if the CLI holds it.
    const transaction = sqlite.transaction((batch: readonly NewResponse[]) => this.store.storeBatch(batch));
    this.write = (batch) => transaction.immediate(batch);
  }

  submit(response: NewResponse): Promise<StoreOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ response, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O of this turn of the event loop: requests already received join the batch.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes whatever is waiting now (for shutdown; flushes are otherwise scheduled). */
  drain(): void {
    while (this.queue.length) this.flush();
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    if (!batch.length) return;
    let outcomes: StoreOutcome[];
    try {
      outcomes = this.write(batch.map((p) => p.response));
    } catch (error) {
      // Nothing of the batch was committed; each client is told and retries.
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(outcomes[i]!));
  }
}
