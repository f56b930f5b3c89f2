import { describe, expect, it } from 'vitest';
import { maskFreeText } from '../../reports/mask.js';
import { baseSuppressed, suppressBreakdown, type RawCell } from '../../reports/suppression.js';

const cell = (value: string | null, n: number, count: number): RawCell => ({ value, n, count });
const shown = (value: string | null, n: number, count: number, percent: number) => ({
  value, suppressed: false, reason: null, n, count, fewerThan5: false, percent,
});

describe('primary suppression of a figure', () => {
  it('hides a base under MIN_BASE and shows one at it', () => {
    expect(baseSuppressed(9, 10)).toBe(true);
    expect(baseSuppressed(10, 10)).toBe(false);
    expect(baseSuppressed(29, 30)).toBe(true);
  });
});

describe('breakdown suppression', () => {
  it('shows every cell when all bases are at least MIN_BASE and no count is 1 to 4', () => {
    // 60 boys (33 yes), 40 girls (22 yes): 55.0% and 55.0%
    expect(suppressBreakdown([cell('male', 60, 33), cell('female', 40, 22), cell(null, 0, 0)], 10, false)).toEqual([
      shown('male', 60, 33, 55),
      shown('female', 40, 22, 55),
      { value: null, suppressed: false, reason: null, n: 0, count: 0, fewerThan5: false, percent: null },
    ]);
  });

  it('a base under MIN_BASE is hidden, and the smallest other base with it (secondary), since total − others would give it back', () => {
    // total 100 = 60 + 37 + 3: the 3 is hidden (base), so the 37 must be too, or 100 − 60 = 40 − 37 = 3 is revealed
    const cells = suppressBreakdown([cell('male', 60, 33), cell('female', 37, 20), cell('another_way', 3, 2), cell('prefer_not_to_say', 0, 0), cell(null, 0, 0)], 10, false);
    expect(cells.map((c) => [c.value, c.reason, c.n, c.count])).toEqual([
      ['male', null, 60, 33],
      ['female', 'secondary', null, null],
      ['another_way', 'base', null, null],
      ['prefer_not_to_say', null, 0, 0],
      [null, null, 0, 0],
    ]);
  });

  it('two hidden bases need no secondary suppression', () => {
    const cells = suppressBreakdown([cell('a', 50, 25), cell('b', 40, 20), cell('c', 6, 3), cell('d', 4, 2)], 10, false);
    expect(cells.map((c) => c.reason)).toEqual([null, null, 'base', 'base']);
  });

  it('a count of 1 to 4 is "fewer than 5", and the smallest other count is hidden with it (secondary)', () => {
    // foster care 80 (50 yes), children's home 20 (3 yes), family 15 (8 yes):
    // the 3 is shown as fewer than 5; total yes 61 − 50 − 8 would give it back, so the 8 is hidden too.
    const cells = suppressBreakdown([cell('foster_care', 80, 50), cell('childrens_home', 20, 3), cell('family_or_friends', 15, 8)], 10, false);
    expect(cells).toEqual([
      shown('foster_care', 80, 50, 62.5),
      { value: 'childrens_home', suppressed: true, reason: 'small', n: 20, count: null, fewerThan5: true, percent: null },
      { value: 'family_or_friends', suppressed: true, reason: 'secondary', n: 15, count: null, fewerThan5: false, percent: null },
    ]);
  });

  it('1 to 4 children outside the positive set also hide the count (the percent would give them away)', () => {
    // 12 answered, 10 yes: the 2 who did not say yes are a small number
    const cells = suppressBreakdown([cell('a', 12, 10), cell('b', 30, 15), cell('c', 30, 12)], 10, false);
    expect(cells.map((c) => [c.reason, c.count, c.fewerThan5])).toEqual([
      ['small', null, false],
      [null, 15, false],
      ['secondary', null, false],
    ]);
  });

  it('counts of a cell hidden for its base join the count total: no further count need be hidden when two are', () => {
    // base-hidden 'c' (n 5) and its secondary 'b' (n 20) hide their counts; 'a' keeps its count
    const cells = suppressBreakdown([cell('a', 75, 40), cell('b', 20, 10), cell('c', 5, 2)], 10, false);
    expect(cells.map((c) => [c.reason, c.n, c.count])).toEqual([
      [null, 75, 40],
      ['secondary', null, null],
      ['base', null, null],
    ]);
  });

  it('hides every cell when the indicator itself is suppressed', () => {
    const cells = suppressBreakdown([cell('a', 5, 2), cell('b', 3, 1)], 10, true);
    expect(cells.every((c) => c.suppressed && c.n === null && c.count === null && c.percent === null)).toBe(true);
  });
});

describe('free text masking', () => {
  it('masks phone numbers, email addresses and UK postcodes, and leaves the rest', () => {
    expect(maskFreeText('ring 07700 900123 or +44 (0)1642 123456')).toBe('ring [phone number removed] or [phone number removed]');
    expect(maskFreeText('mail me: kid.name+x@example.co.uk!')).toBe('mail me: [email removed]!');
    expect(maskFreeText('I live at TS1 2AB, not ts12ab or SW1A 1AA')).toBe(
      'I live at [postcode removed], not [postcode removed] or [postcode removed]',
    );
    expect(maskFreeText('I am 12 and have 3 brothers; since 2021 in care')).toBe('I am 12 and have 3 brothers; since 2021 in care');
  });
});
