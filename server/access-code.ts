// Drawing new access codes; reading and showing them is in surveys/access-code.ts.
import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../surveys/access-code.js';

export { CODE_ALPHABET, CODE_LENGTH, formatAccessCode, normaliseAccessCode } from '../surveys/access-code.js';

/** A new code; `draw` is the source of randomness, cryptographic unless a seeded demo supplies its own. */
export function generateAccessCode(draw: (n: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[draw(CODE_ALPHABET.length)];
  return code;
}
