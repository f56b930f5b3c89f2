// Year on year and comparing authorities.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REFUSED } from '../../openapi.js';
import { requirePermission } from '../../auth/access.js';
import { Period, Programme } from '../../schemas.js';
import { indicatorLabel, reportAudience, reportLabels } from '../../../reports/labels.js';
import { authorityWaves } from '../../../reports/queries/authority-waves.js';
import { AUDIENCES, INDICATORS } from '../../../surveys/index.js';
import { AuthorityParam, AuthorityRef, scopedAuthority } from './scope.js';
import { IndicatorBenchmarkSchema, IndicatorPreviousSchema, IndicatorSchema } from '../../../reports/schema.js';
import { distribution } from './distribution.js';
import { today } from '../../dates.js';
import { findingProblem } from '../../loop/action-fields.js';
import { HttpError } from '../../plugins/errors.js';

const YearsQuery = z.strictObject({ programme: Programme.default('ylyc') });
const CompareQuery = z.strictObject({
  programme: Programme.default('ylyc'),
  period: Period,
  indicator: z.enum(INDICATORS.map((i) => i.id) as [string, ...string[]]),
  band: z.string().max(10),
});

const Ci = IndicatorSchema.shape.ci;
const Years = z.object({
  authority: AuthorityRef,
  programme: z.string(),
  audience: z.enum(AUDIENCES).describe('Who answered the rounds: children (ylyc), young people (ylbc, care leavers), or a council questionnaire’s audience (adults: one band, no ages)'),
  periods: z.array(z.string()),
  provisionalPeriods: z.array(z.string()).describe('Rounds still open: their figures may change'),
  indicators: z.array(
    z.object({
      id: z.string(),
      band: z.string(),
      label: z.string(),
      direction: z.string(),
      points: z.array(
        z.object({
          period: z.string(),
          provisional: z.boolean(),
          suppressed: z.boolean(),
          n: z.number().int().nullable(),
          percent: z.number().nullable(),
          ci: Ci,
          change: IndicatorPreviousSchema.shape.change,
          comparedWith: z.string().nullable(),
          significant: z.boolean().nullable(),
          pValue: IndicatorPreviousSchema.shape.pValue,
          qValue: IndicatorPreviousSchema.shape.qValue,
        }),
      ),
    }),
  ),
});
const Compared = z.object({
  programme: z.string(),
  period: z.string(),
  indicator: z.string(),
  band: z.string(),
  label: z.string(),
  authorities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      provisional: z.boolean(),
      suppressed: z.boolean(),
      n: z.number().int().nullable(),
      percent: z.number().nullable(),
      ci: Ci,
      benchmark: IndicatorBenchmarkSchema.pick({ authorities: true, suppressed: true, percent: true, difference: true, significant: true }).nullable(),
    }),
  ),
  others: z
    .discriminatedUnion('hidden', [
      z.object({ authorities: z.number().int(), hidden: z.literal(true) }),
      z.object({ authorities: z.number().int(), hidden: z.literal(false), q1: z.number(), median: z.number(), q3: z.number() }),
    ])
    .nullable()
    .describe('Other authorities as an anonymous spread (quartiles only with enough of them); null for programme admins, who see every one named'),
  openLeftOut: z.number().int().min(0),
});

export default async function trendRoutes(app: FastifyInstance) {
  // Each indicator across the authority's rounds, each round compared with the one before it.
  app.get('/authorities/:code/years', { config: { openapi: { summary: 'Each indicator across an authority’s rounds, each compared with the round before', params: AuthorityParam, query: YearsQuery, reply: Years, responses: { 200: 'The indicators by period', ...REFUSED } } } }, async (request) => {
    const { authority } = await scopedAuthority(request, 'read');
    const { programme } = YearsQuery.parse(request.query);
    const waves = (await authorityWaves(app.db, authority.id, programme)).filter((w) => w.responses > 0);
    const reports = await app.reports.reports(waves.map((w) => ({ authority: authority.code, programme, period: w.period, minBase: app.config.minBase, freeText: false })));
    const rows = new Map<string, { id: string; band: string; label: string; direction: string; points: unknown[] }>();
    for (const r of reports)
      for (const i of r.indicators) {
        const key = `${i.id}\u0000${i.band}`;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { id: i.id, band: i.band, label: reportLabels(r).indicator(i.id), direction: i.direction, points: [] }));
        row.points.push({
          period: r.period,
          provisional: r.provisional,
          suppressed: i.suppressed,
          n: i.n,
          percent: i.percent,
          ci: i.ci,
          change: i.previous?.change ?? null,
          comparedWith: i.previous?.period ?? null,
          significant: i.previous?.significant ?? null,
          pValue: i.previous?.pValue ?? null,
          qValue: i.previous?.qValue ?? null,
        });
      }
    return {
      authority: { code: authority.code, name: authority.name },
      programme,
      // As the reports word it.
      audience: reportAudience(reports[0] ?? { programme }),
      periods: reports.map((r) => r.period),
      provisionalPeriods: reports.filter((r) => r.provisional).map((r) => r.period),
      indicators: [...rows.values()],
    };
  });

  // One indicator across authorities for a period. Programme admins see every authority named;
  // others see their own authorities named and the rest only as an anonymous spread of closed rounds
  // (an open round's figure moves with each answer; see reports/benchmark.ts).
  app.get('/compare', { config: { openapi: { summary: 'One indicator across authorities for a period (others only as an anonymous spread, unless a programme admin)', query: CompareQuery, reply: Compared, responses: { 200: 'The figures', 400: 'Invalid query, or an indicator the band is not asked', ...REFUSED } } } }, async (request) => {
    const staff = requirePermission(request, 'read');
    const q = CompareQuery.parse(request.query);
    // Not an empty comparison: say why (care leavers are not asked about a social worker).
    const problem = findingProblem(q.programme, q.indicator, q.band);
    if (problem) throw new HttpError(400, problem, [{ path: 'indicator', message: problem }]);
    const figures = await app.reports.compare({ ...q, minBase: app.config.minBase, today: today() });
    const mine = (id: number) => staff.role === 'programme_admin' || staff.authorities.some((a) => a.id === id);
    const named = figures
      .filter((f) => mine(f.authority.id))
      .map(({ authority, open, row }) => ({
        code: authority.code,
        name: authority.name,
        provisional: open,
        suppressed: row.suppressed,
        n: row.n,
        percent: row.percent,
        ci: row.ci,
        benchmark: row.benchmark && { authorities: row.benchmark.authorities, suppressed: row.benchmark.suppressed, percent: row.benchmark.percent, difference: row.benchmark.difference, significant: row.benchmark.significant },
      }));
    const others = figures.filter((f) => !mine(f.authority.id) && !f.open && f.row.percent !== null).map((f) => f.row.percent!);
    return {
      programme: q.programme,
      period: q.period,
      indicator: q.indicator,
      band: q.band,
      label: indicatorLabel(q.indicator),
      authorities: named,
      others: staff.role === 'programme_admin' ? null : distribution(others),
      openLeftOut: staff.role === 'programme_admin' ? 0 : figures.filter((f) => !mine(f.authority.id) && f.open).length,
    };
  });
}
