// The safeguarding list against a corpus kept in the repo: every disclosure
// of must-catch.txt caught, none of the ordinary comments of
// must-not-catch.txt (and the demo's) flagged. The figures are printed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMENTS, WORRYING_COMMENTS } from '../../server/demo/comments.js';
import { compileMatcher, loadWordList } from '../../server/safeguarding/matcher.js';

const m = compileMatcher(loadWordList(undefined));

/** Lines of a corpus file, with \uXXXX read as that character. */
function corpus(name: string): string[] {
  return readFileSync(new URL(`../fixtures/safeguarding/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

const mustCatch = [...corpus('must-catch.txt'), ...WORRYING_COMMENTS];
const mustNotCatch = [...corpus('must-not-catch.txt'), ...Object.values(COMMENTS).flat()];

describe('safeguarding corpus', () => {
  it('catches every disclosure and flags no ordinary comment', () => {
    const missed = mustCatch.filter((t) => !m.find(t).length);
    const falseAlarms = mustNotCatch.map((t) => ({ t, words: m.find(t) })).filter((x) => x.words.length);
    console.log(
      `safeguarding corpus: caught ${mustCatch.length - missed.length} of ${mustCatch.length}; ` +
        `false alarms ${falseAlarms.length} of ${mustNotCatch.length}`,
    );
    expect(mustCatch.length).toBeGreaterThanOrEqual(150);
    expect(mustNotCatch.length).toBeGreaterThanOrEqual(150);
    expect(missed).toEqual([]);
    expect(falseAlarms).toEqual([]);
  });

  it('covers each locale, and words split by invisible characters', () => {
    expect(mustCatch.filter((t) => /\p{Script=Arabic}/u.test(t)).length).toBeGreaterThanOrEqual(25);
    expect(mustCatch.filter((t) => /\b(?:fi|fy|dw i|mae)\b/i.test(t)).length).toBeGreaterThanOrEqual(20);
    expect(mustCatch.filter((t) => /\p{Default_Ignorable_Code_Point}/u.test(t)).length).toBeGreaterThanOrEqual(8);
    expect(mustNotCatch.filter((t) => /\p{Script=Arabic}/u.test(t)).length).toBeGreaterThanOrEqual(20);
  });
});
