// Which strings have a recorded clip, shared by the build that makes the
// clips (web/audio/build.ts), the test that checks them against the locale
// files, and the app that plays them (speech.ts). Clips are named by a hash
// of their locale and text, so identical texts share one file and a changed
// text gets a new name (the old file is never served for it).

/** Sections of a locale file that the child never hears: the file's own description and the portal's report labels. */
const UNSPOKEN_SECTIONS = new Set(['meta', 'instruments', 'indicators', 'domains']);

/** A placeholder as i18next writes it, like {{authority}}. */
export const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** One string's clips: its source hash, and its pieces in order, each a clip (path under /survey/audio/) or a placeholder. */
export interface ClipEntry {
  /** hashText(text) of the locale string the clips were made from. */
  source: string;
  pieces: string[];
  /** A council's own recording (web/survey/public/audio/recordings/): preferred to any synthetic voice. */
  recorded?: true;
}

export interface ClipManifest {
  engine: string;
  locales: Record<string, Record<string, ClipEntry>>;
}

/** cyrb53: a fast 53-bit string hash, the same in Node and every browser. */
export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Every string of a locale file the child can hear, by its key (like `common.skip`). */
export function spokenStrings(messages: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, key: string) => {
    if (typeof node === 'string') out.set(key, node);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, key ? `${key}.${k}` : k);
  };
  for (const [section, node] of Object.entries(messages)) if (!UNSPOKEN_SECTIONS.has(section)) walk(node, section);
  return out;
}

/** A string cut at its placeholders: literal text (to be spoken) and `{{name}}` pieces, in order, without empty text. */
export function splitAtPlaceholders(text: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    pieces.push(text.slice(at, m.index), m[0]);
    at = m.index + m[0].length;
  }
  pieces.push(text.slice(at));
  return pieces.filter((p) => /[\p{L}\p{N}]/u.test(p));
}

export const isPlaceholder = (piece: string) => piece.startsWith('{{');

/** Where a generated clip of `text` in `locale` lives, under /survey/audio/. */
export const generatedClip = (locale: string, text: string) => `${locale}/${hashText(`${locale}\n${text.trim()}`)}.mp3`;
