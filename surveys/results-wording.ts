// Words, not figures, for the children's version of the results ("you
// said, we will"): one table of fixed bands of the percent, used by the
// suggestion, the survey's results screen and the poster alike.
//
// Never "all of you" or "none of you": with small numbers those would tell
// a child what every other child answered. So the top band is "nearly all"
// (even at 100%) and the bottom "hardly any" (even at 0%). Nothing at all
// is said from a base under MIN_BASE.

export const WORDS = ['nearly_all', 'most', 'about_half', 'nearly_half', 'some', 'hardly_any'] as const;
export type Words = (typeof WORDS)[number];

/** Each band starts at `from` percent (inclusive) and runs to the next band's start. */
export const WORDING_BANDS: readonly { from: number; words: Words }[] = [
  { from: 90, words: 'nearly_all' },
  { from: 60, words: 'most' },
  { from: 50, words: 'about_half' },
  { from: 40, words: 'nearly_half' },
  { from: 10, words: 'some' },
  { from: 0, words: 'hardly_any' },
];

/** The words for a percent (0-100): 49.9 is "nearly half", 50 "about half", 89.9 "most", 90 "nearly all". */
export function wordingBand(percent: number): Words {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`percent out of range: ${percent}`);
  return WORDING_BANDS.find((b) => percent >= b.from)!.words;
}

/** Words for a figure, or null when it may not be shown (suppressed, or a base under minBase). */
export function figureWords(figure: { n: number | null; percent: number | null }, minBase: number): Words | null {
  if (figure.n === null || figure.percent === null || figure.n < minBase) return null;
  return wordingBand(figure.percent);
}
