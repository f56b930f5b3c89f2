// Finds free-text answers that may need a safeguarding response: any word
// or phrase of the list, in any supported locale (a child may write in a
// language other than the survey's), as whole words, ignoring case.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import defaults from './words.json' with { type: 'json' };

export const WordList = z
  .record(z.string(), z.union([z.string(), z.array(z.string().trim().min(2).max(100))]))
  .transform((r) => Object.fromEntries(Object.entries(r).filter((e): e is [string, string[]] => Array.isArray(e[1]))));
export type WordList = z.infer<typeof WordList>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The same text however it was typed: any case, and a tablet keyboard's curly apostrophe as a straight one. */
const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");

export interface Matcher {
  /** The list entries found in the text (empty: nothing worrying). */
  find(text: string): string[];
}

export function compileMatcher(list: WordList): Matcher {
  const entries = [...new Set(Object.values(list).flat().map(normalise))];
  const patterns = entries.map((w) => {
    const stem = w.endsWith('*');
    // Spaces in a phrase match any run of spaces or punctuation-free gaps between words.
    const body = escape(stem ? w.slice(0, -1) : w).replace(/\s+/g, '[\\s\\-]+');
    return { word: w, re: new RegExp(`(?<![\\p{L}\\p{N}])${body}${stem ? '' : '(?![\\p{L}\\p{N}])'}`, 'iu') };
  });
  return {
    find(text) {
      const t = normalise(text);
      return patterns.filter((p) => p.re.test(t)).map((p) => p.word);
    },
  };
}

/** The list in a JSON file of the same shape as words.json (SAFEGUARDING_WORDS, read by config.ts), else the shipped one. */
export function loadWordList(path: string | undefined): WordList {
  return WordList.parse(path ? JSON.parse(readFileSync(path, 'utf8')) : defaults);
}
