// Access codes are what a child types or an adult scans to reach a wave.
// Short, with no characters a child could confuse (0/O, 1/l/I), and drawn
// from 31^8 (about 8.5e11) values so they cannot be guessed in bulk,
// especially behind the look-up rate limit. Pure, so the server and the
// child app read a typed code the same way; server/access-code.ts draws new ones.

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/** The stored form of a typed code (any case, spaces or hyphens), or null if it cannot be a code. */
export function normaliseAccessCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** How a code is shown to people: two groups of four. */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
