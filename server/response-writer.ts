// Group commit: submissions that arrive while a transaction is being
// written wait and go together in the next one. Each is acknowledged only
// after the transaction holding it has committed (synchronous=FULL), so
// batching costs no durability, and one fsync serves many children.
import type { DB } from './db/database.js';
import { writeTransaction } from './db/transaction.js';
import { storeResponse, type NewResponse, type StoreOutcome } from './repos/responses.js';

interface Pending {
  response: NewResponse;
  resolve: (outcome: StoreOutcome) => void;
  reject: (error: unknown) => void;
}

export class ResponseWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: DB,
    /** Largest batch in one transaction, to bound latency and memory. */
    private readonly maxBatch = 256,
  ) {}

  submit(response: NewResponse): Promise<StoreOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ response, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Resolves once everything submitted so far is written (for shutdown). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    // Let the requests already parsed in this turn of the event loop join the first batch.
    await new Promise((r) => setImmediate(r));
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const outcomes = await writeTransaction(this.db, async (trx) => {
            const out: StoreOutcome[] = [];
            for (const p of batch) out.push(await storeResponse(trx, p.response));
            return out;
          });
          batch.forEach((p, i) => p.resolve(outcomes[i]!));
        } catch (error) {
          // Nothing of the batch was committed; each client is told and retries.
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
