// Year on year and comparing authorities.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requirePermission } from '../../auth/access.js';
import { Period, Programme } from '../../schemas.js';
import { PeriodCache, buildReport } from '../../../reports/build.js';
import { indicatorLabel } from '../../../reports/labels.js';
import { authorityWaves } from '../../../reports/queries/authority-waves.js';
import { INDICATORS } from '../../../surveys/index.js';
import { scopedAuthority } from './scope.js';
import { distribution, MIN_DISTRIBUTION } from './distribution.js';

const YearsQuery = z.strictObject({ programme: Programme.default('ylyc') });
const CompareQuery = z.strictObject({
  programme: Programme.default('ylyc'),
  period: Period,
  indicator: z.enum(INDICATORS.map((i) => i.id) as [string, ...string[]]),
  band: z.string().max(10),
});

export default async function trendRoutes(app: FastifyInstance) {
  // Each indicator across the authority's rounds, each round compared with the one before it.
  app.get('/authorities/:code/years', async (request) => {
    const { authority } = await scopedAuthority(request, 'read');
    const { programme } = YearsQuery.parse(request.query);
    const waves = (await authorityWaves(app.db, authority.id, programme)).filter((w) => w.responses > 0);
    const cache = new PeriodCache();
    const reports = [];
    for (const w of waves)
      reports.push(await buildReport(app.db, { authority: authority.code, programme, period: w.period, minBase: app.config.minBase, freeText: null }, cache));
    const rows = new Map<string, { id: string; band: string; label: string; direction: string; points: unknown[] }>();
    for (const r of reports)
      for (const i of r.indicators) {
        const key = `${i.id}\u0000${i.band}`;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { id: i.id, band: i.band, label: indicatorLabel(i.id), direction: i.direction, points: [] }));
        row.points.push({
          period: r.period,
          suppressed: i.suppressed,
          n: i.n,
          percent: i.percent,
          ci: i.ci,
          change: i.previous?.change ?? null,
          comparedWith: i.previous?.period ?? null,
          significant: i.previous?.significant ?? null,
        });
      }
    return { authority: { code: authority.code, name: authority.name }, programme, periods: reports.map((r) => r.period), indicators: [...rows.values()] };
  });

  // One indicator across authorities for a period. Programme admins see every authority named;
  // others see their own authorities named and the rest only as an anonymous distribution.
  app.get('/compare', async (request) => {
    const staff = requirePermission(request, 'read');
    const q = CompareQuery.parse(request.query);
    const waves = await app.db
      .selectFrom('waves')
      .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
      .select(['authorities.id', 'authorities.code', 'authorities.name'])
      .where('waves.programme', '=', q.programme)
      .where('waves.period', '=', q.period)
      .orderBy('authorities.name')
      .execute();
    const cache = new PeriodCache();
    const figures = [];
    for (const a of waves) {
      const report = await buildReport(app.db, { authority: a.code, programme: q.programme, period: q.period, minBase: app.config.minBase, freeText: null }, cache);
      const row = report.indicators.find((i) => i.id === q.indicator && i.band === q.band);
      if (row) figures.push({ authority: a, row });
    }
    const mine = (id: number) => staff.role === 'programme_admin' || staff.authorities.some((a) => a.id === id);
    const named = figures
      .filter((f) => mine(f.authority.id))
      .map((f) => ({
        code: f.authority.code,
        name: f.authority.name,
        suppressed: f.row.suppressed,
        n: f.row.n,
        percent: f.row.percent,
        ci: f.row.ci,
        benchmark: f.row.benchmark && { authorities: f.row.benchmark.authorities, suppressed: f.row.benchmark.suppressed, percent: f.row.benchmark.percent, difference: f.row.benchmark.difference, significant: f.row.benchmark.significant },
      }));
    const others = figures.filter((f) => !mine(f.authority.id) && !f.row.suppressed && f.row.percent !== null).map((f) => f.row.percent!);
    return {
      programme: q.programme,
      period: q.period,
      indicator: q.indicator,
      band: q.band,
      label: indicatorLabel(q.indicator),
      authorities: named,
      others: staff.role === 'programme_admin' ? null : others.length >= MIN_DISTRIBUTION ? distribution(others) : { authorities: others.length, hidden: true },
    };
  });
}
