// How text a child typed is read the same however it was typed: the
// characters no one sees, the look-alike characters of other scripts and
// keyboards, the variants of Arabic letters. Used by the answer rule
// (validate.ts), the safeguarding list and the masking of contact details,
// so the three agree on what the text says.

/**
 * Characters that show nothing (Unicode's default-ignorable set): zero-width
 * spaces and joiners, soft hyphens, bidirectional controls, variation
 * selectors, Hangul fillers, tags.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const INVISIBLE_CHARACTER = /^\p{Default_Ignorable_Code_Point}$/u;

/** Embeddings, overrides and isolates: they reorder what a reader sees (U+202E shows text backwards). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Whether the text shows nothing at all: only spaces and invisible characters. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '').trim() === '';
}

/** The value of a decimal digit of any script (Arabic-Indic ٣, Devanagari ३ …): digits come in runs of ten from zero. */
function digitValue(cp: number): number {
  let zero = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

/** One character as it reads: compatibility forms (fullwidth, ligatures) as plain ones, any digit as 0-9, any dash as -, any space as a space, curly quotes straight. */
function plainCharacter(ch: string): string {
  // Most text is plain ASCII already.
  if (ch < '\u0080' && ch !== '`') return ch;
  if (INVISIBLE_CHARACTER.test(ch)) return '';
  let out = '';
  for (const c of ch.normalize('NFKC')) {
    if (/\p{Nd}/u.test(c)) out += String(digitValue(c.codePointAt(0)!));
    else if (/[\p{Pd}\u2212]/u.test(c)) out += '-';
    else if (/\p{Zs}/u.test(c)) out += ' ';
    else if (/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/u.test(c)) out += "'";
    else if (/[\u201C\u201D\u201E\u201F\u2033]/u.test(c)) out += '"';
    else out += c;
  }
  return out;
}

export interface PlainText {
  text: string;
  /** For each UTF-16 unit of `text`, where its character starts in the original. */
  from: number[];
  /** The original's length, for a span that reaches the end. */
  length: number;
}

/**
 * The text with every character made plain (see plainCharacter), keeping
 * where each came from, so what is found in the plain text can be replaced
 * in the original.
 */
export function plainText(original: string): PlainText {
  let text = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of original) {
    const plain = plainCharacter(ch);
    text += plain;
    for (let k = 0; k < plain.length; k++) from.push(i);
    i += ch.length;
  }
  return { text, from, length: original.length };
}

/** Arabic letters written more than one way: hamza forms, taa marbuta, alef maqsura, Persian keyboard letters. */
const ARABIC_VARIANTS: Record<string, string> = {
  '\u0671': '\u0627', // alef wasla → alef (the hamza forms lose their hamza as marks below)
  '\u0629': '\u0647', // taa marbuta → haa
  '\u0649': '\u064A', // alef maqsura → yaa
  '\u06CC': '\u064A', // Farsi yeh → yaa
  '\u06A9': '\u0643', // keheh → kaf
};

/**
 * Text folded for searching: plain characters, lower case, without accents
 * or Arabic vowel marks and hamza (أ إ آ ؤ ئ as ا ا ا و ي), Arabic letter
 * variants and tatweel (ـ) folded, without apostrophes (dont, don't), and
 * any letter repeated in a row written once ("scaaared", "kil", "hurtting"
 * read as "scared", "kill", "hurting").
 */
export function foldForSearch(text: string): string {
  return plainText(text)
    .text.toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/\u0640/g, '')
    .replace(/[\u0671\u0629\u0649\u06CC\u06A9]/g, (c) => ARABIC_VARIANTS[c]!)
    .replace(/'/g, '')
    .replace(/(\p{L})\1+/gu, '$1');
}
