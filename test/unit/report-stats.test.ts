import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  erfc,
  meanInterval,
  normalUpperTail,
  sampleFromCounts,
  studentTwoSidedP,
  tQuantile,
  twoProportionZTest,
  welchTTest,
  wilsonInterval,
} from '../../reports/stats.js';

// Every expected number below is worked by hand (or from a closed form) in the comment beside it.
const z = 1.959963984540054;

describe('Wilson 95% interval', () => {
  it('30 of 100', () => {
    // p = 0.3, z² = 3.8415; centre = (0.3 + 3.8415/200) / (1 + 3.8415/100) = 0.319207 / 1.038415 = 0.307398
    // half = (z / 1.038415) · sqrt(0.21/100 + 3.8415/40000) = 1.887457 · 0.0468619 = 0.088450
    // so 0.218948 to 0.395848
    const ci = wilsonInterval(30, 100);
    expect(ci.low).toBeCloseTo(0.218948, 5);
    expect(ci.high).toBeCloseTo(0.395848, 5);
  });

  it('0 of n: from exactly 0 to z²/(n + z²)', () => {
    // 0 of 10: high = 3.841459 / 13.841459 = 0.277533
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo((z * z) / (10 + z * z), 12) });
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.277533, 6);
  });

  it('n of n: from n/(n + z²) to exactly 1', () => {
    // 10 of 10: low = 10 / 13.841459 = 0.722467
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(10 / (10 + z * z), 12), high: 1 });
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.722467, 6);
  });

  it('is symmetric: x of n mirrors n − x of n', () => {
    const a = wilsonInterval(3, 17);
    const b = wilsonInterval(14, 17);
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });
});

describe('two-proportion z-test (pooled, two-sided)', () => {
  it('30 of 100 → 55 of 100 is significant, z ≈ 3.6', () => {
    // pooled p = 85/200 = 0.425; se = sqrt(0.425 · 0.575 · (1/100 + 1/100)) = sqrt(0.0048875) = 0.0699106
    // z = 0.25 / 0.0699106 = 3.57600; p = 2 · (1 − Φ(3.576)) = 0.000349
    const r = twoProportionZTest(30, 100, 55, 100);
    expect(r.statistic).toBeCloseTo(3.576, 3);
    expect(r.pValue).toBeCloseTo(0.000349, 5);
    expect(r.significant).toBe(true);
  });

  it('50 of 100 → 55 of 100 is not significant', () => {
    // pooled p = 0.525; se = sqrt(0.525 · 0.475 · 0.02) = 0.0706222; z = 0.05 / 0.0706222 = 0.70799; p = 0.479
    const r = twoProportionZTest(50, 100, 55, 100);
    expect(r.statistic).toBeCloseTo(0.708, 3);
    expect(r.pValue).toBeCloseTo(0.479, 3);
    expect(r.significant).toBe(false);
  });

  it('a fall gives a negative z and the same p', () => {
    const r = twoProportionZTest(55, 100, 30, 100);
    expect(r.statistic).toBeCloseTo(-3.576, 3);
    expect(r.pValue).toBeCloseTo(0.000349, 5);
  });

  it('no variation at all (0% and 0%) is no evidence of a difference', () => {
    expect(twoProportionZTest(0, 20, 0, 30)).toEqual({ statistic: 0, pValue: 1, significant: false });
  });
});

describe("Welch's t-test", () => {
  it('1..5 against 3..7: t = 2 on 8 degrees of freedom, p ≈ 0.0805', () => {
    // means 3 and 5, variances 2.5 and 2.5: se = sqrt(0.5 + 0.5) = 1, t = 2
    // df = 1² / (0.25/4 + 0.25/4) = 8; two-sided p for t = 2 on 8 df = 0.08052 (tables: 0.0805)
    const a = sampleFromCounts([1, 2, 3, 4, 5].map((v) => [v, 1] as const));
    const b = sampleFromCounts([3, 4, 5, 6, 7].map((v) => [v, 1] as const));
    expect(a).toEqual({ n: 5, mean: 3, sd: Math.sqrt(2.5) });
    const r = welchTTest(a, b)!;
    expect(r.statistic).toBeCloseTo(2, 12);
    expect(r.df).toBeCloseTo(8, 12);
    expect(r.pValue).toBeCloseTo(0.0805, 4);
    expect(r.significant).toBe(false);
  });

  it('unequal variances and sizes', () => {
    // a: n 10, mean 6, sd 2 → va = 0.4; b: n 40, mean 7, sd 1 → vb = 0.025
    // t = 1 / sqrt(0.425) = 1.53393; df = 0.425² / (0.4²/9 + 0.025²/39) = 0.180625 / 0.0177938 = 10.1510
    const r = welchTTest({ n: 10, mean: 6, sd: 2 }, { n: 40, mean: 7, sd: 1 })!;
    expect(r.statistic).toBeCloseTo(1.53393, 4);
    expect(r.df).toBeCloseTo(10.151, 2);
    expect(r.pValue).toBeGreaterThan(0.1);
    expect(r.pValue).toBeLessThan(0.2);
  });

  it('needs two answers in each group', () => {
    expect(welchTTest({ n: 1, mean: 3, sd: NaN }, { n: 5, mean: 4, sd: 1 })).toBeNull();
  });
});

describe('distributions', () => {
  it("Student's t two-sided p matches closed forms", () => {
    // 1 df (Cauchy): P(|T| > 1) = 1 − 2·atan(1)/π = 0.5
    expect(studentTwoSidedP(1, 1)).toBeCloseTo(0.5, 12);
    // 2 df: P(|T| > t) = 1 − t / sqrt(2 + t²); t = 2 → 1 − 2/sqrt(6) = 0.183503
    expect(studentTwoSidedP(2, 2)).toBeCloseTo(1 - 2 / Math.sqrt(6), 12);
    // very many df tends to the normal: P(|Z| > 1.96) = 0.05
    expect(studentTwoSidedP(z, 1e8)).toBeCloseTo(0.05, 6);
  });

  it('normal tail and erfc', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 15);
    expect(normalUpperTail(z)).toBeCloseTo(0.025, 12);
    expect(erfc(0.3)).toBeCloseTo(0.671373240540873, 13);
    // far tail keeps its precision: erfc(5) = 1.5374597944280349e-12
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 10);
  });
});

describe('Benjamini-Hochberg q-values', () => {
  it('worked by hand', () => {
    // p sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m·p/rank = 0.02, 0.02, 0.04, 0.04;
    // each q is the smallest of those at its rank and above: 0.02, 0.02, 0.04, 0.04
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((want, k) => expect(q[k]).toBeCloseTo(want, 12));
    // tied p-values share a q: 2·0.01/2 = 0.01
    expect(benjaminiHochberg([0.01, 0.01])).toEqual([0.01, 0.01]);
    // a larger p's q caps a smaller one's: 0.9 → min(2·0.9/1, 2·0.95/2) = 0.95; never above 1
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    for (const q of benjaminiHochberg([0.6, 0.7, 0.8])) expect(q).toBeCloseTo(0.8, 12);
    // m·p/rank: 4·0.5/1 = 2, 4·0.9/2 = 1.8, 4·0.95/3 = 1.27, 4·1/4 = 1: every q is 1
    expect(benjaminiHochberg([0.5, 0.9, 0.95, 1])).toEqual([1, 1, 1, 1]);
  });

  it('leaves tests not made out of the family', () => {
    // m = 2, not 3: q of 0.02 is 2·0.02/1 = 0.04 capped by 2·0.03/2 = 0.03
    const q = benjaminiHochberg([0.02, null, 0.03]);
    expect(q[1]).toBeNull();
    expect(q[0]).toBeCloseTo(0.03, 12);
    expect(q[2]).toBeCloseTo(0.03, 12);
  });
});

describe('t quantile and the t-based interval for a mean', () => {
  it('matches the printed tables', () => {
    // Student's t, 97.5% points: 3 df 3.182446, 9 df 2.262157, 11 df 2.200985, 120 df 1.979930; 99.5% at 18 df 2.878440
    expect(tQuantile(0.025, 3)).toBeCloseTo(3.182446, 5);
    expect(tQuantile(0.025, 9)).toBeCloseTo(2.262157, 5);
    expect(tQuantile(0.025, 11)).toBeCloseTo(2.200985, 5);
    expect(tQuantile(0.025, 120)).toBeCloseTo(1.97993, 5);
    expect(tQuantile(0.005, 18)).toBeCloseTo(2.87844, 5);
    // Welch's df need not be whole: between its neighbours' (18: 2.100922, 19: 2.093024)
    const t = tQuantile(0.025, 18.76);
    expect(t).toBeLessThan(2.100922);
    expect(t).toBeGreaterThan(2.093024);
  });

  it('mean ± t·sd/√n, clipped to the scale', () => {
    // 2, 3, 4, 5: mean 3.5, sd = √(5/3) = 1.290994; half = 3.182446 · 1.290994 / 2 = 4.108519 / 2 = 2.054260
    const s = { n: 4, mean: 3.5, sd: Math.sqrt(5 / 3) };
    const ci = meanInterval(s)!;
    expect(ci.low).toBeCloseTo(1.44574, 5);
    expect(ci.high).toBeCloseTo(5.55426, 5);
    // on a 1-5 agreement scale the mean cannot be above 5
    expect(meanInterval(s, { min: 1, max: 5 })).toEqual({ low: ci.low, high: 5 });
    expect(meanInterval({ n: 1, mean: 3, sd: NaN })).toBeNull();
  });
});
