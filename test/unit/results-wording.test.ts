// The children's wording bands at every edge, and the disclosure rules:
// never "all" or "none" of you, nothing from a base under MIN_BASE.
import { describe, expect, it } from 'vitest';
import { WORDS, figureWords, wordingBand } from '../../surveys/results-wording.js';
import { RESULTS_TEXT } from '../../surveys/results-text.js';

describe('wordingBand', () => {
  it.each([
    [0, 'hardly_any'],
    [9.9, 'hardly_any'],
    [10, 'some'],
    [39.9, 'some'],
    [40, 'nearly_half'],
    [49.9, 'nearly_half'],
    [50, 'about_half'],
    [59.9, 'about_half'],
    [60, 'most'],
    [89.9, 'most'],
    [90, 'nearly_all'],
    [100, 'nearly_all'],
  ] as const)('%d%% is %s', (percent, words) => {
    expect(wordingBand(percent)).toBe(words);
  });

  it('refuses a percent outside 0-100', () => {
    expect(() => wordingBand(-0.1)).toThrow(RangeError);
    expect(() => wordingBand(100.1)).toThrow(RangeError);
    expect(() => wordingBand(Number.NaN)).toThrow(RangeError);
  });
});

describe('figureWords', () => {
  it('says nothing from a base under MIN_BASE or a suppressed figure', () => {
    expect(figureWords({ n: 9, percent: 100 }, 10)).toBeNull();
    expect(figureWords({ n: null, percent: null }, 10)).toBeNull();
    expect(figureWords({ n: 10, percent: 100 }, 10)).toBe('nearly_all');
    expect(figureWords({ n: 10, percent: 0 }, 10)).toBe('hardly_any');
  });
});

describe('the words in every locale', () => {
  it('never say "all of you" or "none of you"', () => {
    for (const [locale, text] of Object.entries(RESULTS_TEXT))
      for (const w of WORDS) {
        const phrase = text.words[w].toLowerCase();
        expect(phrase, `${locale} ${w}`).not.toMatch(/^(all|none|no one|nobody) of you/);
        expect(phrase.length, `${locale} ${w}`).toBeGreaterThan(0);
      }
    expect(Object.values(RESULTS_TEXT.en.words)).not.toContain('All of you');
  });

  it('every locale has the same keys as English', () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k])).sort();
    for (const [locale, text] of Object.entries(RESULTS_TEXT)) expect(keys(text), locale).toEqual(keys(RESULTS_TEXT.en));
  });
});
