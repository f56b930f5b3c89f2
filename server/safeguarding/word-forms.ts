// The forms a word of the safeguarding list takes in a child's writing, by
// rule rather than by listing each: a list entry "touch me" must catch
// "touches me", "touched me", "touching me" and "touchin me".

/**
 * English: the regular -s/-es, -ed/-d, -ing endings (dying from die, bullies
 * and bullied from bully, abusing from abuse), the dropped g of "kickin",
 * and the endings children put on the wrong words ("bullyed", "touchs",
 * "frightend"). Words under three letters (me, my, to) stay as they are;
 * irregular forms (hit, ran, beaten) are entries of their own. Doubled
 * consonants (hitting, slapped) need no rule: matching reads any letter
 * repeated in a row as one.
 */
export function englishForms(word: string): string[] {
  if (!/^[a-z]{3,}$/.test(word)) return [word];
  const forms = [word, `${word}s`, `${word}es`, `${word}d`, `${word}ed`, `${word}ing`, `${word}in`];
  if (/[^e]e$/.test(word)) forms.push(`${word.slice(0, -1)}ing`, `${word.slice(0, -1)}in`);
  if (word.endsWith('ie')) forms.push(`${word.slice(0, -2)}ying`);
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  return [...new Set(forms)];
}

// Welsh changes the first letters of a word after certain words ("fy
// mrifo", "ei guro", "ei thaflu"): soft, nasal and aspirate mutations.
const SOFT: Record<string, string> = { p: 'b', t: 'd', c: 'g', b: 'f', d: 'dd', g: '', m: 'f', ll: 'l', rh: 'r' };
const NASAL: Record<string, string> = { p: 'mh', t: 'nh', c: 'ngh', b: 'm', d: 'n', g: 'ng' };
const ASPIRATE: Record<string, string> = { p: 'ph', t: 'th', c: 'ch' };

/** Welsh: the word and its mutated forms; a word starting with a vowel may take an h ("ei hofn"). */
export function welshForms(word: string): string[] {
  const forms = [word];
  // Digraphs that are letters of their own (ch, dd, ff …) do not mutate.
  const first = /^(ll|rh|ch|ph|th|dd|ff|ng|mh|nh|[ptcbdgm])/.exec(word)?.[1];
  if (first) {
    const rest = word.slice(first.length);
    for (const table of [SOFT, NASAL, ASPIRATE]) if (table[first] !== undefined && rest) forms.push(table[first] + rest);
  } else if (/^[aeiouwyâêîôûŵŷ]/.test(word)) forms.push(`h${word}`);
  return [...new Set(forms)];
}

/** The forms of one word of a locale's list; a language without a rule keeps the word as written. */
export function wordForms(locale: string, word: string): string[] {
  if (locale === 'en') return englishForms(word);
  if (locale === 'cy') return welshForms(word);
  return [word];
}

// Arabic joins small words to the next: and (و, ف), with/for/like (ب, ل, ك),
// the (ال), will (س): "والانتحار", "بالسكين", "للانتحار", "سأهرب". Possessive and object endings
// join at the end ("انتحاري", "تهديدات"); taa marbuta is read as haa, so
// "ه" is left out of the endings: "سكين" (knife) must not catch "سكينة" (calm, a name).
export const ARABIC_PREFIX = '(?:[وف]?(?:لل|[بلك]?ال|[بلكس])?)';
export const ARABIC_SUFFIX = '(?:ي|ها|هم|نا|ني|ك|ات|ين|ون)?';
