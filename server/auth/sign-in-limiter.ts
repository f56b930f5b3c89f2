// At most 10 failed sign-ins per 15 minutes per account and per client
// address. An account's failures are counted from the audit log, which
// records each one anyway, so a restart does not wipe the slate for
// someone guessing a password. Addresses are counted in memory only, like
// the other rate limits: staff addresses are not stored.
import type { DB } from '../db/database.js';
import { failedSignInsSince } from '../repos/audit.js';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export class SignInLimiter {
  private readonly byAddress = new Map<string, number[]>();

  constructor(
    private readonly db: DB,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(ip: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const list = (this.byAddress.get(ip) ?? []).filter((t) => t > cutoff);
    if (list.length) this.byAddress.set(ip, list);
    else this.byAddress.delete(ip);
    return list;
  }

  async blocked(email: string, ip: string): Promise<boolean> {
    if (this.recent(ip).length >= MAX_FAILURES) return true;
    const since = new Date(this.now() - WINDOW_MS).toISOString();
    return (await failedSignInsSince(this.db, email, since)) >= MAX_FAILURES;
  }

  /** The account's failure is the audit log's `sign_in_failed` entry; this counts the address's. */
  failFrom(ip: string): void {
    this.byAddress.set(ip, [...this.recent(ip), this.now()]);
  }
}
