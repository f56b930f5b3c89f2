// An anonymous spread of other authorities' figures. The lowest and
// highest are single authorities' exact figures, so they are never
// given; the quartiles only with enough authorities that none of them
// stands for one authority, and rounded to whole percents.
export const MIN_DISTRIBUTION = 8;

/** Linear-interpolation quantile (type 7, as spreadsheets compute it). */
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export type Distribution = { authorities: number; hidden: true } | { authorities: number; hidden: false; q1: number; median: number; q3: number };

export function distribution(values: number[]): Distribution {
  if (values.length < MIN_DISTRIBUTION) return { authorities: values.length, hidden: true };
  const s = [...values].sort((a, b) => a - b);
  return {
    authorities: s.length,
    hidden: false,
    q1: Math.round(quantile(s, 0.25)),
    median: Math.round(quantile(s, 0.5)),
    q3: Math.round(quantile(s, 0.75)),
  };
}
