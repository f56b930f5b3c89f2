// An anonymous distribution of other authorities' figures. With fewer
// than five figures the extremes and quartiles are close to naming
// individual authorities, so the distribution is withheld.
export const MIN_DISTRIBUTION = 5;

/** Linear-interpolation quantile (type 7, as spreadsheets compute it). */
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function distribution(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return {
    authorities: s.length,
    hidden: false,
    min: r1(s[0]!),
    q1: r1(quantile(s, 0.25)),
    median: r1(quantile(s, 0.5)),
    q3: r1(quantile(s, 0.75)),
    max: r1(s[s.length - 1]!),
  };
}
