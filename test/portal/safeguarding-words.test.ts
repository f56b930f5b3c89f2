// The safeguarding word list: whole words and stems, any case, every locale.
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadWordList } from '../../server/safeguarding/matcher.js';

const m = compileMatcher(loadWordList(undefined));

describe('safeguarding matcher', () => {
  it('has words for every supported survey locale', () => {
    expect(Object.keys(loadWordList(undefined)).sort()).toEqual(['ar', 'cy', 'en']);
  });
  it.each([
    ['Sometimes he HITS ME when he is angry', 'hits me'],
    ['i want to kill myself', 'kill myself'],
    ['it really hurts', 'hurt*'],
    ['I do not feel safe at home', 'not feel safe'],
    ['I don’t feel safe here', "don't feel safe"],
    ['Dw i ddim yn ddiogel gartref', 'ddim yn ddiogel'],
    ['أنا خائف في البيت', 'خائف'],
  ])('flags %s', (text, word) => {
    expect(m.find(text)).toContain(word);
  });
  it.each(['I love my bedroom', 'my social worker is great', 'shurt is a made up word', 'whatever'])('leaves %s alone', (text) => {
    expect(m.find(text)).toEqual([]);
  });
});
