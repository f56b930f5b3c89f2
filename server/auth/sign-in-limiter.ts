// At most 10 failed sign-ins per 15 minutes per account and per client
// address. Kept in memory, like the other rate limits: one process serves
// the portal, and a restart forgetting the count is an acceptable trade
// against storing staff addresses.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  blocked(email: string, ip: string): boolean {
    return this.recent(`a:${email}`).length >= MAX_FAILURES || this.recent(`i:${ip}`).length >= MAX_FAILURES;
  }

  fail(email: string, ip: string): void {
    for (const key of [`a:${email}`, `i:${ip}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(email: string): void {
    this.failures.delete(`a:${email}`);
  }
}
