// Finds free-text answers that may need a safeguarding response: any entry
// of the list, in any supported locale (a child may write in a language
// other than the survey's), as whole words, however the text was typed
// (see foldForSearch) and in the entry's word forms (see word-forms.ts).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { foldForSearch } from '../../surveys/text.js';
import { ARABIC_PREFIX, ARABIC_SUFFIX, wordForms } from './word-forms.js';
import defaults from './words.json' with { type: 'json' };

export const WordList = z
  .record(z.string(), z.union([z.string(), z.array(z.string().trim().min(2).max(100))]))
  .transform((r) => Object.fromEntries(Object.entries(r).filter((e): e is [string, string[]] => Array.isArray(e[1]))));
export type WordList = z.infer<typeof WordList>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Between the words of an entry: spaces, hyphens, or nothing ("self harm", "self-harm", "selfharm"; "kill my self", "kill myself"). */
const GAP = '[\\s\\-_.]*';
const NOT_IN_A_WORD = '[\\p{L}\\p{N}]';

export interface Matcher {
  /** The list entries found in the text (empty: nothing worrying). */
  find(text: string): string[];
}

/** One word of an entry as a pattern: its forms, and with a trailing * any ending after them. */
function wordPattern(locale: string, word: string): string {
  const stem = word.endsWith('*');
  const bare = (stem ? word.slice(0, -1) : word).normalize('NFKC').toLowerCase();
  const forms = [...new Set(wordForms(locale, bare).map(foldForSearch))].sort((a, b) => b.length - a.length);
  const pattern = `(?:${forms.map(escape).join('|')})${stem ? `${NOT_IN_A_WORD}*` : ''}`;
  if (locale !== 'ar') return pattern;
  // Arabic endings only on longer words: on a short one they make other words.
  return ARABIC_PREFIX + pattern + (!stem && foldForSearch(bare).length >= 4 ? ARABIC_SUFFIX : '');
}

function entryPattern(locale: string, entry: string): string {
  const words = entry.split(/[\s\-]+/).filter(Boolean);
  return words.map((w) => wordPattern(locale, w)).join(GAP);
}

const whole = (body: string) => new RegExp(`(?<!${NOT_IN_A_WORD})(?:${body})(?!${NOT_IN_A_WORD})`, 'u');

export function compileMatcher(list: WordList): Matcher {
  const patterns = Object.entries(list).flatMap(([locale, entries]) =>
    [...new Set(entries)].map((entry) => ({ entry, body: entryPattern(locale, entry) })),
  );
  const each = patterns.map((p) => ({ entry: p.entry, re: whole(p.body) }));
  // Most texts match nothing: one pass over the text says so, faster than one per entry.
  const any = whole(patterns.map((p) => p.body).join('|'));
  return {
    find(text) {
      const folded = foldForSearch(text);
      if (!any.test(folded)) return [];
      return [...new Set(each.filter((p) => p.re.test(folded)).map((p) => p.entry))];
    },
  };
}

/** The list in a JSON file of the same shape as words.json (SAFEGUARDING_WORDS, read by config.ts), else the shipped one. */
export function loadWordList(path: string | undefined): WordList {
  return WordList.parse(path ? JSON.parse(readFileSync(path, 'utf8')) : defaults);
}
