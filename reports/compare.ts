// One indicator across every authority of a period, for the portal's
// Compare page: each authority's figure and benchmark exactly as its
// report has them (indicatorAgainstPeriod), from one query of that one
// question's running counts rather than a report per authority, so a
// comparison costs about the same with 7 authorities as with 150.
import type { DB } from '../server/db/database.js';
import { programmeInstruments, type Programme } from '../surveys/index.js';
import { indicatorAgainstPeriod } from './build.js';
import { indicatorCounts } from './queries/indicator-counts.js';
import type { ReportIndicator } from './schema.js';
import { add, type Tally } from './tally.js';

export interface AuthorityFigure {
  authority: { id: number; code: string; name: string };
  /** The round is still open on `today`: its figures are provisional and in no benchmark. */
  open: boolean;
  row: ReportIndicator;
}

export async function indicatorAcrossAuthorities(
  db: DB,
  q: { programme: Programme; period: string; indicator: string; band: string; minBase: number; today: string },
): Promise<AuthorityFigure[]> {
  const inst = programmeInstruments(q.programme).find((i) => i.band === q.band);
  const rule = inst?.indicators.find((r) => r.indicator === q.indicator);
  if (!inst || !rule) return [];
  const figures = new Map<number, Omit<AuthorityFigure, 'row'> & { tally: Tally }>();
  for (const r of await indicatorCounts(db, q.programme, q.period, inst.id, rule.question)) {
    let f = figures.get(r.authority_id);
    if (!f)
      figures.set(
        r.authority_id,
        (f = { authority: { id: r.authority_id, code: r.code, name: r.name }, open: r.closes_on === null || r.closes_on >= q.today, tally: new Map() }),
      );
    if (r.value !== null && r.n !== null) add(f.tally, inst.id, rule.question, r.value, r.n);
  }
  const all = [...figures.values()];
  const period = {
    byAuthority: new Map(all.filter((f) => !f.open).map((f) => [f.authority.id, f.tally])),
    open: all.filter((f) => f.open).map((f) => f.authority.id),
    pools: new Map(),
  };
  return all.map(({ tally, ...f }) => ({ ...f, row: indicatorAgainstPeriod(tally, period, f.authority.id, inst, rule, q.minBase) }));
}
