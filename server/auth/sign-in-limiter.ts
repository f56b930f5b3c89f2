// Who may try a password now. Three counts of failed sign-ins over 15
// minutes, kept in memory (staff addresses are never stored):
//  - per account and address (the pair): 10, then that pair is refused.
//    An attacker's failures lock the attacker's pair out, not the owner;
//  - per address, whatever the account: 30, then that address is refused;
//  - per account, whatever the address: past 10 the account is slowed,
//    not locked: one check a second from addresses it has not signed in
//    from (its own addresses skip the queue). The account's failures are
//    also read from the audit log, so a restart does not lift the slowing.
// An attempt is counted as it starts (reserved), and the check and the
// count happen with nothing awaited between them, so a burst of any size
// gets no more than the limit checked. A success takes its reservation
// back and clears the pair's and the account's failures. A programme
// admin's unlock (an audit entry, from the portal or the command line)
// clears an account's failures, here at its next attempt.
import { isIPv4 } from 'node:net';
import type { DB } from '../db/database.js';
import { HttpError } from '../plugins/errors.js';
import { audit, failedSignInsSince, lastUnlock } from '../repos/audit.js';
import { HashBusyError } from './hash-gate.js';
import type { RefusalLog } from './refusal-log.js';

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_PAIR_FAILURES = 10;
export const MAX_ADDRESS_FAILURES = 30;
export const SLOW_AFTER = 10;
export const SLOW_SPACING_MS = 1000;
/** A slowed account refuses rather than keep an attempt waiting longer than this. */
export const MAX_WAIT_MS = 10_000;
/** How long an address an account signed in from skips the account's queue. */
export const KNOWN_FOR_MS = 30 * 24 * 60 * 60 * 1000;

export const TOO_MANY = 'too many failed sign-ins; wait 15 minutes and try again';
export const SLOWED = 'this account is getting many sign-in attempts; try again in a minute';

/**
 * The key an address is counted under. An IPv6 client usually has a whole
 * /64 to itself, so counting its single addresses would let it choose a
 * new one per attempt.
 */
export function addressKey(ip: string): string {
  const v4 = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (!v4.includes(':')) return v4;
  const [head = '', tail] = v4.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

interface Mark {
  at: number;
}

/** Failure times per key within the window. */
class Counts {
  private readonly map = new Map<string, Mark[]>();

  recent(key: string, cutoff: number): Mark[] {
    const list = (this.map.get(key) ?? []).filter((m) => m.at > cutoff);
    if (list.length) this.map.set(key, list);
    else this.map.delete(key);
    return list;
  }

  add(key: string, mark: Mark): void {
    this.map.set(key, [...(this.map.get(key) ?? []), mark]);
  }

  remove(key: string, mark: Mark): void {
    const list = (this.map.get(key) ?? []).filter((m) => m !== mark);
    if (list.length) this.map.set(key, list);
    else this.map.delete(key);
  }

  clear(key: string, before = Infinity): void {
    const list = (this.map.get(key) ?? []).filter((m) => m.at >= before);
    if (list.length) this.map.set(key, list);
    else this.map.delete(key);
  }

  clearWhere(match: (key: string) => boolean, before = Infinity): void {
    for (const key of [...this.map.keys()]) if (match(key)) this.clear(key, before);
  }

  prune(cutoff: number): void {
    for (const key of [...this.map.keys()]) this.recent(key, cutoff);
  }

  keys(): string[] {
    return [...this.map.keys()];
  }
}

export interface Attempt {
  email: string;
  address: string;
  mark: Mark;
}

export type Refusal = 'address' | 'pair' | 'slowed';

const pairKey = (email: string, address: string) => `${email}\n${address}`;

export class SignInLimiter {
  private readonly pairs = new Counts();
  private readonly addresses = new Counts();
  private readonly accounts = new Counts();
  /** Pairs that signed in, when: they skip the account's queue. */
  private readonly known = new Map<string, number>();
  /** When each slowed account may next be checked. */
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly db: DB,
    private readonly now: () => number = Date.now,
  ) {}

  private cutoff() {
    return this.now() - WINDOW_MS;
  }

  private pairFull(email: string, address: string) {
    return this.pairs.recent(pairKey(email, address), this.cutoff()).length >= MAX_PAIR_FAILURES;
  }

  /**
   * Drops the failures an admin's unlock has forgiven (it may come from
   * another process: the command line). Called at an attempt, and by the
   * portal's unlock straight after writing it.
   */
  async applyUnlock(email: string): Promise<void> {
    const at = await lastUnlock(this.db, email);
    if (!at) return;
    const before = Date.parse(at);
    this.pairs.clearWhere((k) => k.startsWith(`${email}\n`), before);
    this.accounts.clear(email, before);
  }

  /** Reserves an attempt, or says why it is refused. */
  async begin(email: string, ip: string): Promise<Attempt | Refusal> {
    const address = addressKey(ip);
    if (this.pairFull(email, address)) await this.applyUnlock(email);
    // From here to the reservation nothing is awaited.
    const cutoff = this.cutoff();
    if (this.addresses.recent(address, cutoff).length >= MAX_ADDRESS_FAILURES) return 'address';
    if (this.pairFull(email, address)) return 'pair';
    const mark = { at: this.now() };
    this.pairs.add(pairKey(email, address), mark);
    this.addresses.add(address, mark);
    this.accounts.add(email, mark);
    return { email, address, mark };
  }

  /**
   * Waits for the attempt's turn when its account is slowed; 'slowed' when
   * the queue is too long to wait in (the attempt is then taken back).
   */
  async turn(a: Attempt): Promise<'slowed' | null> {
    const now = this.now();
    const knownAt = this.known.get(pairKey(a.email, a.address));
    if (knownAt !== undefined && now - knownAt < KNOWN_FOR_MS) return null;
    let earlier = this.accounts.recent(a.email, this.cutoff()).filter((m) => m !== a.mark).length;
    if (earlier >= SLOW_AFTER) {
      await this.applyUnlock(a.email);
      earlier = this.accounts.recent(a.email, this.cutoff()).filter((m) => m !== a.mark).length;
    }
    const slowed = earlier >= SLOW_AFTER || (await failedSignInsSince(this.db, a.email, new Date(this.cutoff()).toISOString())) >= SLOW_AFTER;
    if (!slowed) return null;
    const at = this.now();
    const slot = Math.max(at, this.nextSlot.get(a.email) ?? 0);
    if (slot - at > MAX_WAIT_MS) {
      this.abandoned(a);
      return 'slowed';
    }
    this.nextSlot.set(a.email, slot + SLOW_SPACING_MS);
    if (slot > at) await new Promise((resolve) => setTimeout(resolve, slot - at));
    return null;
  }

  /** The password was right: the reservation is taken back and the pair and account start again. */
  succeeded(a: Attempt): void {
    this.addresses.remove(a.address, a.mark);
    this.pairs.clear(pairKey(a.email, a.address));
    this.accounts.clear(a.email);
    this.nextSlot.delete(a.email);
    this.known.set(pairKey(a.email, a.address), this.now());
  }

  /** Not checked after all (the server was too busy): the reservation is taken back. */
  abandoned(a: Attempt): void {
    this.addresses.remove(a.address, a.mark);
    this.pairs.remove(pairKey(a.email, a.address), a.mark);
    this.accounts.remove(a.email, a.mark);
  }

  /**
   * Whether an admin should see the account as locked out: some address is
   * refused for it (its pair is full) or it is slowed, by the failures in
   * memory or in the audit log.
   */
  async lockedOut(email: string): Promise<boolean> {
    await this.applyUnlock(email);
    const cutoff = this.cutoff();
    const pairLocked = this.pairs.keys().some((k) => k.startsWith(`${email}\n`) && this.pairs.recent(k, cutoff).length >= MAX_PAIR_FAILURES);
    if (pairLocked || this.accounts.recent(email, cutoff).length >= SLOW_AFTER) return true;
    return (await failedSignInsSince(this.db, email, new Date(cutoff).toISOString())) >= SLOW_AFTER;
  }

  /** Forgets what has aged out, so memory stays bounded; called from time to time. */
  prune(): void {
    const cutoff = this.cutoff();
    this.pairs.prune(cutoff);
    this.addresses.prune(cutoff);
    this.accounts.prune(cutoff);
    const now = this.now();
    for (const [k, at] of this.known) if (now - at >= KNOWN_FOR_MS) this.known.delete(k);
    for (const [k, at] of this.nextSlot) if (at < now) this.nextSlot.delete(k);
  }
}

/**
 * One password check under the limits, as a sign-in and a password change
 * both make it: the attempt is reserved as it starts and waits its turn if
 * the account is slowed; a refused one is counted in the refusal log and
 * answered 429. Then `verify` says whether the password was right: a right
 * one takes the reservation back, a wrong one keeps it (it is the failure
 * the limits count), and one the server was too busy to check is taken back.
 */
export async function limitedPasswordCheck(
  limiter: SignInLimiter,
  refusals: RefusalLog,
  email: string,
  ip: string,
  verify: () => Promise<boolean>,
): Promise<boolean> {
  const attempt = await limiter.begin(email, ip);
  const refused = typeof attempt === 'string' ? attempt : await limiter.turn(attempt);
  if (refused) {
    await refusals.refused(addressKey(ip), email, refused);
    throw new HttpError(429, refused === 'slowed' ? SLOWED : TOO_MANY);
  }
  const a = attempt as Attempt;
  let ok: boolean;
  try {
    ok = await verify();
  } catch (error) {
    if (error instanceof HashBusyError) limiter.abandoned(a);
    throw error;
  }
  if (ok) limiter.succeeded(a);
  return ok;
}

/**
 * A programme admin clears an account's failed sign-ins: every address may
 * try again at once and the account is no longer slowed. Written to the
 * audit log, which the limiter reads, so it works from the command line
 * against a running server too.
 */
export async function unlockSignIns(db: DB, account: string, by: { userId: number; email: string } | 'command line'): Promise<void> {
  await audit(db, {
    userId: by === 'command line' ? null : by.userId,
    email: account,
    action: 'sign_in_unlock',
    detail: { by: by === 'command line' ? by : by.email },
  });
}
