// Refused sign-ins go to the audit log as one row per address per 15
// minutes, with a count, not one row each: a flood of refused attempts
// (2,002 in 13.5 s) must not flood the log or the disk. The row is
// written at the first refusal and its count brought up to date every few
// seconds and when the server stops. The address itself is not stored.
import type { DB } from '../db/database.js';
import { audit, updateAuditDetail } from '../repos/audit.js';
import { WINDOW_MS, type Refusal } from './sign-in-limiter.js';

/** Distinct accounts counted per row; past this the row says "at least". */
const MAX_ACCOUNTS_COUNTED = 1000;

interface Row {
  id: number | Promise<number>;
  started: number;
  refused: number;
  accounts: Set<string>;
  reasons: Partial<Record<Refusal, number>>;
  dirty: boolean;
}

export class RefusalLog {
  private readonly rows = new Map<string, Row>();

  constructor(
    private readonly db: DB,
    private readonly now: () => number = Date.now,
  ) {}

  private detail(r: Row) {
    return { refused: r.refused, accounts: r.accounts.size, ...(r.accounts.size >= MAX_ACCOUNTS_COUNTED && { accountsAtLeast: true }), reasons: r.reasons, minutes: WINDOW_MS / 60_000 };
  }

  /** Counts one refusal from an address. */
  async refused(address: string, email: string, reason: Refusal): Promise<void> {
    const now = this.now();
    const row = this.rows.get(address);
    if (row && now - row.started < WINDOW_MS) {
      row.refused++;
      if (row.accounts.size < MAX_ACCOUNTS_COUNTED) row.accounts.add(email);
      row.reasons[reason] = (row.reasons[reason] ?? 0) + 1;
      row.dirty = true;
      return;
    }
    const fresh: Row = { id: 0, started: now, refused: 1, accounts: new Set([email]), reasons: { [reason]: 1 }, dirty: false };
    fresh.id = audit(this.db, { userId: null, email, action: 'sign_in_refused', detail: this.detail(fresh) });
    this.rows.set(address, fresh);
    fresh.id = await fresh.id;
  }

  /** Writes the counts that changed since the last flush, and forgets windows that have ended. */
  async flush(): Promise<void> {
    const now = this.now();
    for (const [address, row] of this.rows) {
      if (row.dirty) {
        row.dirty = false;
        await updateAuditDetail(this.db, await row.id, this.detail(row));
      }
      if (now - row.started >= WINDOW_MS) this.rows.delete(address);
    }
  }
}
