// Disclosure control: what a report may not show, so that no child can
// be recognised from a figure. Never optional; every renderer takes the
// model as this module left it.
import type { BreakdownCell } from './schema.js';

/** A figure whose base is under minBase is not shown. Zero answers is not a disclosure: there is just nothing to show. */
export function baseSuppressed(n: number, minBase: number): boolean {
  return n < minBase;
}

/** Breakdown counts of 1 to 4 are shown as "fewer than 5". */
export const SMALL_COUNT_MAX = 4;

function isSmall(k: number): boolean {
  return k >= 1 && k <= SMALL_COUNT_MAX;
}

export interface RawCell {
  value: string | null;
  n: number;
  count: number;
}

/**
 * Suppresses a breakdown whose cells add up to a published total (the
 * indicator's base and count):
 *
 * 1. primary: a cell whose base is under minBase hides its base, count and
 *    percent; a cell whose count, or whose count of the rest (n − count),
 *    is 1 to 4 hides its count and percent (a percent and a base give the
 *    count back);
 * 2. secondary: where exactly one cell of a total is hidden, it could be
 *    worked out as the total less the others, so the smallest other cell
 *    is hidden too; first for bases, then for counts.
 *
 * `indicatorSuppressed`: the total itself is hidden, so every cell is.
 */
export function suppressBreakdown(raw: readonly RawCell[], minBase: number, indicatorSuppressed: boolean): BreakdownCell[] {
  const cells = raw.map((c) => ({
    ...c,
    baseHidden: indicatorSuppressed || (c.n > 0 && baseSuppressed(c.n, minBase)),
    countHidden: false,
    reason: null as BreakdownCell['reason'],
  }));
  for (const c of cells) if (c.baseHidden) c.reason = 'base';

  if (!indicatorSuppressed) {
    // Bases: cells with no answers are known zeros and hide nothing.
    hideSecond(cells, (c) => c.baseHidden, (c) => c.n, (c) => {
      c.baseHidden = true;
      c.reason = 'secondary';
    });
    for (const c of cells) {
      if (c.baseHidden) c.countHidden = true;
      else if (isSmall(c.count) || isSmall(c.n - c.count)) {
        c.countHidden = true;
        c.reason = 'small';
      }
    }
    hideSecond(cells, (c) => c.countHidden, (c) => c.count, (c) => {
      c.countHidden = true;
      c.reason = 'secondary';
    });
  } else for (const c of cells) c.countHidden = true;

  return cells.map((c) => {
    const showCount = !c.countHidden && !c.baseHidden;
    return {
      value: c.value,
      suppressed: c.baseHidden || c.countHidden,
      reason: c.reason,
      n: c.baseHidden ? null : c.n,
      count: showCount ? c.count : null,
      // Said only where the base is shown: "fewer than 5 of 12"; a hidden base says nothing more.
      fewerThan5: !c.baseHidden && c.reason === 'small' && isSmall(c.count),
      percent: showCount && c.n > 0 ? round1((100 * c.count) / c.n) : null,
    };
  });
}

/**
 * If exactly one cell of a total is hidden, hide the smallest shown cell
 * with answers (by the measure hidden); failing that, any shown cell.
 */
function hideSecond<C extends { n: number }>(
  cells: C[],
  hidden: (c: C) => boolean,
  measure: (c: C) => number,
  hide: (c: C) => void,
): void {
  if (cells.filter(hidden).length !== 1) return;
  const candidates = cells.filter((c) => !hidden(c) && c.n > 0);
  const nonZero = candidates.filter((c) => measure(c) > 0);
  const pool = nonZero.length ? nonZero : candidates;
  if (!pool.length) return;
  hide(pool.reduce((a, b) => (measure(b) < measure(a) ? b : a)));
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
