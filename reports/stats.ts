// The statistics a report publishes, written out here rather than taken
// from a library so every formula can be read next to the methods
// section of the report and checked against numbers worked by hand.

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;
/** Significance level of every test in a report. */
export const ALPHA = 0.05;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion (as proportions, 0-1). Unlike
 * p ± z·se it stays inside 0..1 and is sensible at 0 of n and n of n,
 * which small council samples often hit.
 */
export function wilsonInterval(count: number, n: number, z = Z95): Interval {
  if (n <= 0) throw new RangeError('wilsonInterval needs n > 0');
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 of n and n of n the bound is exactly 0 or 1; floating point would leave dust.
  return { low: count === 0 ? 0 : centre - half, high: count === n ? 1 : centre + half };
}

export interface TestResult {
  /** The test statistic (z or t), positive when the second group is higher. */
  statistic: number;
  pValue: number;
  significant: boolean;
}

/**
 * Two-sided two-proportion z-test with the pooled proportion (the usual
 * test of "no difference": under it both groups share one proportion).
 */
export function twoProportionZTest(count1: number, n1: number, count2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) throw new RangeError('twoProportionZTest needs both bases > 0');
  const pooled = (count1 + count2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Both groups all-yes or all-no: no variation, so no evidence of a difference.
  if (se === 0) return { statistic: 0, pValue: 1, significant: false };
  const z = (count2 / n2 - count1 / n1) / se;
  const pValue = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  return { statistic: z, pValue, significant: pValue < ALPHA };
}

export interface Sample {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator). */
  sd: number;
}

/** Welch's t-test (unequal variances), two-sided; null when a group has fewer than two answers. */
export function welchTTest(a: Sample, b: Sample): (TestResult & { df: number }) | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se2 = va + vb;
  if (se2 === 0) {
    // Everyone in each group gave the same answer: the means either match or differ with certainty.
    const same = a.mean === b.mean;
    return { statistic: same ? 0 : Math.sign(b.mean - a.mean) * Infinity, pValue: same ? 1 : 0, significant: !same, df: a.n + b.n - 2 };
  }
  const t = (b.mean - a.mean) / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const pValue = Math.min(1, studentTwoSidedP(Math.abs(t), df));
  return { statistic: t, pValue, significant: pValue < ALPHA, df };
}

/**
 * The t quantile with `df` degrees of freedom that leaves `tail` in the upper tail
 * (tail 0.025: the t of a two-sided 95% interval), found by bisection on the same
 * two-sided p-value the tests publish, so an interval and a test never disagree.
 */
export function tQuantile(tail: number, df: number): number {
  if (!(tail > 0 && tail < 0.5) || !(df > 0)) throw new RangeError('tQuantile needs 0 < tail < 0.5 and df > 0');
  let low = 0;
  let high = 1;
  while (studentTwoSidedP(high, df) > 2 * tail) high *= 2;
  // 200 halvings take the bracket far below double precision; it stops sooner once it cannot shrink.
  for (let k = 0; k < 200 && high - low > 1e-12 * high; k++) {
    const mid = (low + high) / 2;
    if (studentTwoSidedP(mid, df) > 2 * tail) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * 95% interval for a mean, t-based: mean ± t(0.975, n − 1)·sd/√n. Null under two
 * answers (no spread to go on). With `bounds` (the scale's ends) it is clipped to
 * them: the mean of answers 1 to 5 cannot lie outside 1 to 5.
 */
export function meanInterval(s: Sample, bounds?: { min: number; max: number }): Interval | null {
  if (s.n < 2) return null;
  const half = tQuantile((1 - 0.95) / 2, s.n - 1) * (s.sd / Math.sqrt(s.n));
  const low = s.mean - half;
  const high = s.mean + half;
  return bounds ? { low: Math.max(bounds.min, low), high: Math.min(bounds.max, high) } : { low, high };
}

/** n, mean and sample sd from value → count pairs (how the running counts hold a score). */
export function sampleFromCounts(counts: Iterable<readonly [number, number]>): Sample {
  let n = 0;
  let sum = 0;
  for (const [value, k] of counts) {
    n += k;
    sum += value * k;
  }
  const mean = n ? sum / n : NaN;
  let squares = 0;
  for (const [value, k] of counts) squares += k * (value - mean) ** 2;
  return { n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : NaN };
}

/** p-values to three significant figures (enough to read, not so many they look precise). */
export function roundP(p: number): number {
  return Number(p.toPrecision(3));
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Complementary error function, W. J. Cody's rational approximations
 * (relative error below 1e-15 over the range reports use), so small
 * p-values are not lost to cancellation in 1 − Φ(z).
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 0.5) return 1 - erfSmall(x);
  if (x < 4) {
    const P = [3.004592610201616005e2, 4.519189537118729422e2, 3.393208167343436870e2, 1.529892850469404039e2, 4.316222722205673530e1, 7.211758250883093659, 5.641955174789739711e-1, -1.368648573827167067e-7];
    const Q = [3.004592609569832933e2, 7.909509253278980272e2, 9.313540948506096211e2, 6.389802644656311665e2, 2.775854447439876434e2, 7.700015293522947295e1, 1.278272731962942351e1, 1];
    return Math.exp(-x * x) * (polynomial(P, x) / polynomial(Q, x));
  }
  const P = [-2.99610707703542174e-3, -4.94730910623250734e-2, -2.26956593539686930e-1, -2.78661308609647788e-1, -2.23192459734184686e-2];
  const Q = [1.06209230528467918e-2, 1.91308926107829841e-1, 1.05167510706793207, 1.98733201817135256, 1];
  const z = 1 / (x * x);
  return (Math.exp(-x * x) / x) * (1 / Math.sqrt(Math.PI) + z * (polynomial(P, z) / polynomial(Q, z)));
}

function erfSmall(x: number): number {
  const P = [3.209377589138469472e3, 3.774852376853020208e2, 1.138641541510501556e2, 3.161123743870565597, 1.857777061846031527e-1];
  const Q = [2.844236833439170622e3, 1.282616526077372276e3, 2.440246379344441733e2, 2.360129095234412093e1, 1];
  const z = x * x;
  return (x * polynomial(P, z)) / polynomial(Q, z);
}

/** Σ c[i]·x^i. */
function polynomial(c: readonly number[], x: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * x + c[i]!;
  return r;
}

/** Two-sided p-value of Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
export function studentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), accurate to about 1e-15. */
export function logGamma(x: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized incomplete beta I_x(a, b), by its continued fraction (Numerical Recipes' betacf). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast only on this side; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/**
 * Benjamini-Hochberg adjusted p-values (q-values) of one family of tests:
 * the smallest false discovery rate at which each test would count as a
 * finding. Sorted from the largest p down, q = min(1, m·p / rank) and never
 * more than the q of a larger p. Nulls (tests not made) are not in the family
 * and stay null.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const made = pValues.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null);
  const m = made.length;
  made.sort((a, b) => b.p - a.p);
  const q: (number | null)[] = pValues.map(() => null);
  let smallest = 1;
  made.forEach(({ p, i }, k) => {
    smallest = Math.min(smallest, (m * p) / (m - k));
    q[i] = smallest;
  });
  return q;
}
