// "What we said we would do, and what changed": each action made at an
// earlier round of the programme, with its indicator before (the round it
// was made at) and after (this round), from the tallies the report already
// holds, under the same suppression and the same test as "previous".
import { programmeInstruments, type Programme } from '../surveys/index.js';
import type { ActionView } from '../server/repos/actions.js';
import type { ReportAction } from './schema.js';
import { roundP, twoProportionZTest } from './stats.js';
import { baseSuppressed, round1 } from './suppression.js';
import { proportion, type Tally } from './tally.js';

/** Base and count of an indicator in one band, or pooled over every band that asks it (band null). */
export function indicatorProportion(t: Tally, programme: Programme, indicator: string, band: string | null): { n: number; count: number } {
  let n = 0;
  let count = 0;
  for (const inst of programmeInstruments(programme)) {
    if (band !== null && inst.band !== band) continue;
    for (const rule of inst.indicators) {
      if (rule.indicator !== indicator) continue;
      const p = proportion(t, inst.id, rule.question, new Set(rule.options.map(String)));
      n += p.n;
      count += p.count;
    }
  }
  return { n, count };
}

export function actionFigures(
  actions: readonly ActionView[],
  ctx: { programme: Programme; period: string; minBase: number; own: Tally; tallyOfPeriod: (period: string) => Tally | undefined },
): ReportAction[] {
  return actions.map((a) => {
    const madeAt = ctx.tallyOfPeriod(a.period);
    const before = madeAt ? indicatorProportion(madeAt, ctx.programme, a.indicator, a.band) : { n: 0, count: 0 };
    const after = indicatorProportion(ctx.own, ctx.programme, a.indicator, a.band);
    // No figure where nobody answered; none shown where the base is under minBase.
    const side = (period: string, p: { n: number; count: number }) => {
      if (p.n === 0) return null;
      const hidden = baseSuppressed(p.n, ctx.minBase);
      return { period, n: hidden ? null : p.n, percent: hidden ? null : round1((100 * p.count) / p.n) };
    };
    const shownBefore = side(a.period, before);
    const shownAfter = side(ctx.period, after);
    const compared = shownBefore?.n != null && shownAfter?.n != null;
    const test = compared ? twoProportionZTest(before.count, before.n, after.count, after.n) : null;
    return {
      id: a.id,
      indicator: a.indicator,
      band: a.band as ReportAction['band'],
      pledge: a.pledge,
      owner: a.owner,
      due: a.due,
      status: a.status,
      madeAt: a.period,
      before: shownBefore,
      after: shownAfter,
      change: compared ? round1((100 * after.count) / after.n - (100 * before.count) / before.n) : null,
      pValue: test ? roundP(test.pValue) : null,
      significant: test ? test.significant : null,
    };
  });
}
