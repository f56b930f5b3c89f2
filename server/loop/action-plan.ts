// The action plan as the portal's page shows it: the authority's actions
// with the finding each was made against (the indicator at its round, with
// the report's suppression), and what a new action may be tied to (the
// authority's rounds, each programme's indicators and the bands asking them).
import { indicatorProportion } from '../../reports/actions.js';
import { indicatorLabel } from '../../reports/labels.js';
import { waveAnswerCounts } from '../../reports/queries/wave-answer-counts.js';
import { baseSuppressed, round1 } from '../../reports/suppression.js';
import { tallyOf } from '../../reports/tally.js';
import { programmeInstruments, type Programme } from '../../surveys/index.js';
import type { DB } from '../db/database.js';
import { listActions, type ActionView } from '../repos/actions.js';

export interface PlanAction extends ActionView {
  /** The indicator at the round the action was made at; n and percent null under the minimum base. */
  finding: { n: number | null; percent: number | null } | null;
}

export interface ActionPlan {
  actions: PlanAction[];
  rounds: { programme: Programme; period: string }[];
  indicators: Record<Programme, { id: string; label: string; bands: string[] }[]>;
}

function indicatorsOf(programme: Programme) {
  const bands = new Map<string, string[]>();
  for (const inst of programmeInstruments(programme))
    for (const rule of inst.indicators) bands.set(rule.indicator, [...(bands.get(rule.indicator) ?? []), inst.band]);
  return [...bands].map(([id, b]) => ({ id, label: indicatorLabel(id), bands: b }));
}

export async function actionPlan(
  db: DB,
  q: { authorityId: number; programme?: string | undefined; period?: string | undefined; minBase: number },
): Promise<ActionPlan> {
  const waves = await db.selectFrom('waves').select(['id', 'programme', 'period']).where('authority_id', '=', q.authorityId).orderBy('period').execute();
  const actions = await listActions(db, q);
  const waveOf = (a: ActionView) => waves.find((w) => w.programme === a.programme && w.period === a.period)!.id;
  const counts = await waveAnswerCounts(db, [...new Set(actions.map(waveOf))]);
  return {
    actions: actions.map((a) => {
      const { n, count } = indicatorProportion(tallyOf(counts.filter((c) => c.wave_id === waveOf(a))), a.programme, a.indicator, a.band);
      const hidden = baseSuppressed(n, q.minBase);
      return { ...a, finding: n === 0 ? null : { n: hidden ? null : n, percent: hidden ? null : round1((100 * count) / n) } };
    }),
    rounds: waves.map((w) => ({ programme: w.programme, period: w.period })),
    indicators: { ylyc: indicatorsOf('ylyc'), ylbc: indicatorsOf('ylbc') },
  };
}
