// Survey codes are read exactly as the server reads them: the one rule lives in surveys/access-code.ts.
export { CODE_ALPHABET, hasNeverUsed, normaliseAccessCode as normaliseCode } from '../../surveys/access-code.js';

/** A response id: crypto.randomUUID where the page is a secure context, else a v4 UUID from getRandomValues. */
export function newResponseId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
