// Password rules (length here, guessability in password-strength.ts) and hashing. scrypt at N=2^17, r=8, p=1 (OWASP's
// recommended minimum), run on libuv's thread pool so a sign-in does not
// stall other requests, and through one gate so that a burst of them does
// not fill that pool. Passwords are never logged or stored.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HashGate } from './hash-gate.js';
import { weakPasswordReason } from './password-strength.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** N = 2^LOG_N. */
const LOG_N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// scrypt needs 128 * N * r bytes (128 MiB here); Node's default cap is 32 MiB.
const MAXMEM = 256 * 1024 * 1024;

/** One per process: the thread pool it protects is the process's. */
const gate = new HashGate();

/** Throws HashBusyError when too many hashes are already running and waiting. */
function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return gate.run(
    () =>
      new Promise((resolve, reject) =>
        scryptCb(password.normalize('NFC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

/** Why a password is refused, or null when it is acceptable. The email's parts count as guessable words. */
export async function passwordProblem(password: string, email?: string): Promise<string | null> {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `a password may have at most ${MAX_PASSWORD_LENGTH} characters`;
  return weakPasswordReason(password, email);
}

/**
 * Every hash the server stores has the full cost. A lower `logN` is only for
 * test fixtures of a known password (test/helpers/portal.ts), whose tests
 * sign in dozens of times to check sessions and limits, not the hash.
 */
export async function hashPassword(password: string, logN = LOG_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N: 2 ** logN, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${logN}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time; the parameters come from the hash itself. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: 2 ** Number(logN),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash of nothing, checked when the account does not exist, so an unknown address takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  // Not kept when it failed (the gate was full), so the next caller tries again.
  return (decoy ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    decoy = undefined;
    throw error;
  }));
}

/** A generated password: 20 characters from an alphabet without look-alikes (about 113 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const out: string[] = [];
  while (out.length < 20) {
    const b = randomBytes(1)[0]!;
    // Rejection sampling keeps every character equally likely.
    if (b < 256 - (256 % alphabet.length)) out.push(alphabet[b % alphabet.length]!);
  }
  return out.join('');
}
