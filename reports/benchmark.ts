// The benchmark: every other authority's answers in the same programme
// and period, pooled. An authority whose own figure is suppressed is left
// out of the pool, so that subtracting one published benchmark from
// another can never give back a figure that was suppressed; and a pool of
// one authority is not shown, since it would be that authority's figure
// published in someone else's report. Only closed rounds are pooled: an
// open round's counts move with each answer, so reading a benchmark before
// and after one answer would give that child's answers away.
import { add, tallyOf, type Tally } from './tally.js';
import type { PeriodAnswerCountRow } from './queries/period-answer-counts.js';

/** A benchmark needs at least this many other authorities. */
export const MIN_BENCHMARK_AUTHORITIES = 2;

/**
 * The period's counts of closed rounds, authority by authority (one wave each per programme and
 * period), and the authorities whose round is still open (left out).
 */
export interface PeriodTallies {
  byAuthority: Map<number, Tally>;
  open: number[];
  /** Pools of every authority, made once per question and minimum base (see pooledOthers). */
  pools: Map<string, Pool>;
}

interface Pool {
  values: Map<string, number>;
  /** The authorities whose base is large enough to be pooled. */
  members: Set<number>;
}

export function periodTallies(rows: readonly PeriodAnswerCountRow[], open: number[]): PeriodTallies {
  const byAuthority = new Map<number, PeriodAnswerCountRow[]>();
  for (const r of rows) {
    let list = byAuthority.get(r.authority_id);
    if (!list) byAuthority.set(r.authority_id, (list = []));
    list.push(r);
  }
  return { byAuthority: new Map([...byAuthority].map(([id, list]) => [id, tallyOf(list)])), open, pools: new Map() };
}

/**
 * Pools one question of one instrument over the other authorities whose
 * base for it is at least minBase; returns the pooled counts and how many
 * authorities are in the pool. Without a filter, the pool of every
 * authority is made once and each authority's own counts taken out of it,
 * so comparing all of 150 authorities costs 150 additions, not 150 × 150.
 */
export function pooledOthers(
  period: PeriodTallies,
  ownAuthorityId: number,
  instrument: string,
  question: string,
  minBase: number,
  /** Which other authorities may be pooled at all (a questionnaire's: those answering the same version). */
  include?: (authorityId: number) => boolean,
): { values: Map<string, number>; authorities: number } {
  if (include) {
    const pool = poolOf(period, instrument, question, minBase, (id) => id !== ownAuthorityId && include(id));
    return { values: pool.values, authorities: pool.members.size };
  }
  const key = `${instrument}\u0000${question}\u0000${minBase}`;
  let pool = period.pools.get(key);
  if (!pool) period.pools.set(key, (pool = poolOf(period, instrument, question, minBase, () => true)));
  const values = new Map(pool.values);
  if (!pool.members.has(ownAuthorityId)) return { values, authorities: pool.members.size };
  for (const [value, k] of period.byAuthority.get(ownAuthorityId)!.get(instrument)!.get(question)!) {
    const left = values.get(value)! - k;
    if (left) values.set(value, left);
    else values.delete(value);
  }
  return { values, authorities: pool.members.size - 1 };
}

function poolOf(period: PeriodTallies, instrument: string, question: string, minBase: number, include: (authorityId: number) => boolean): Pool {
  const pooled: Tally = new Map();
  const members = new Set<number>();
  for (const [authorityId, tally] of period.byAuthority) {
    if (!include(authorityId)) continue;
    const values = tally.get(instrument)?.get(question);
    if (!values) continue;
    let n = 0;
    for (const k of values.values()) n += k;
    if (n < minBase) continue;
    members.add(authorityId);
    for (const [value, k] of values) add(pooled, instrument, question, value, k);
  }
  return { values: pooled.get(instrument)?.get(question) ?? new Map(), members };
}
