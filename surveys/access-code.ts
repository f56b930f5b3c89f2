// Access codes are what a child types or an adult scans to reach a wave.
// Short, with no characters a child could confuse (0/O, 1/l/I), and drawn
// from 31^8 (about 8.5e11) values so they cannot be guessed in bulk,
// especially behind the look-up rate limit. Pure, so the server and the
// child app read a typed code the same way; server/access-code.ts draws new ones.
import { plainText } from './text.js';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/**
 * The look-alikes the alphabet leaves out. Both of each pair are left out
 * (O and 0; 1, I and L), so a typed one cannot be read as the other: the
 * child is told they are never used instead.
 */
export const NEVER_USED = 'O0I1L';

/**
 * The stored form of a typed code, or null if it cannot be a code. Read
 * leniently: any case, spaces and any kind of dash, and the digits and
 * wide letters of other keyboards (an Arabic keyboard types ٢ for 2).
 */
export function normaliseAccessCode(input: string): string | null {
  const code = typedCode(input);
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Whether a typed code has one of the look-alikes codes never use. */
export function hasNeverUsed(input: string): boolean {
  return [...typedCode(input)].some((ch) => NEVER_USED.includes(ch));
}

const typedCode = (input: string) => plainText(input).text.toUpperCase().replace(/[\s-]/g, '');

/** How a code is shown to people: two groups of four. */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
