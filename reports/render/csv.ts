// One row per indicator × band with the comparison columns. UTF-8 with a
// byte order mark and CRLF line ends, so Excel opens it with the right
// characters and columns. A suppressed figure is an empty cell, and the
// `suppressed` columns say why it is empty.
import { csvLine } from '../../server/csv/write.js';
import { INDICATORS } from '../../surveys/index.js';
import { domainLabel, indicatorLabel } from '../labels.js';
import type { Report } from '../schema.js';

export const CSV_COLUMNS = [
  'authority',
  'authority_name',
  'programme',
  'period',
  'indicator',
  'indicator_label',
  'domain',
  'direction',
  'band',
  'suppressed',
  'n',
  'count',
  'percent',
  'ci_low',
  'ci_high',
  'compare_period',
  'previous_suppressed',
  'previous_n',
  'previous_percent',
  'change_points',
  'change_p_value',
  'change_q_value',
  'change_significant',
  'benchmark_authorities',
  'benchmark_suppressed',
  'benchmark_n',
  'benchmark_percent',
  'difference_points',
  'difference_p_value',
  'difference_q_value',
  'difference_significant',
  // Rows of actions made at earlier rounds (empty on indicator rows): the figures are the indicator
  // after (n, percent) and before (compare_period = the round the action was made at, previous_*).
  'action_id',
  'action_pledge',
  'action_owner',
  'action_due',
  'action_status',
] as const;

const cell = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export function renderCsv(report: Report): string {
  let out = '\uFEFF' + csvLine(CSV_COLUMNS);
  for (const i of report.indicators) {
    const p = i.previous;
    const b = i.benchmark;
    out += csvLine(
      [
        report.authority.code,
        report.authority.name,
        report.programme,
        report.period,
        i.id,
        indicatorLabel(i.id),
        domainLabel(i.domain),
        i.direction,
        // "4-7 years", not "4-7": Excel would read 4-7 and 8-11 as dates.
        `${i.band} years`,
        i.suppressed,
        i.n,
        i.count,
        i.percent,
        i.ci?.low,
        i.ci?.high,
        p?.period ?? report.comparePeriod,
        p?.suppressed,
        p?.n,
        p?.percent,
        p?.change,
        p?.pValue,
        p?.qValue,
        p?.significant,
        b?.authorities,
        b?.suppressed,
        b?.n,
        b?.percent,
        b?.difference,
        b?.pValue,
        b?.qValue,
        b?.significant,
        // No action on an indicator row.
        ...Array(5).fill(null),
      ].map(cell),
    );
  }
  for (const a of report.actions) {
    const definition = INDICATORS.find((i) => i.id === a.indicator);
    const row: Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null | undefined>> = {
      authority: report.authority.code,
      authority_name: report.authority.name,
      programme: report.programme,
      period: report.period,
      indicator: a.indicator,
      indicator_label: indicatorLabel(a.indicator),
      domain: definition && domainLabel(definition.domain),
      direction: definition?.direction,
      band: a.band === null ? 'all ages' : `${a.band} years`,
      suppressed: a.after !== null && a.after.n === null,
      n: a.after?.n,
      percent: a.after?.percent,
      compare_period: a.madeAt,
      previous_suppressed: a.before !== null && a.before.n === null,
      previous_n: a.before?.n,
      previous_percent: a.before?.percent,
      change_points: a.change,
      change_p_value: a.pValue,
      change_significant: a.significant,
      action_id: a.id,
      action_pledge: a.pledge,
      action_owner: a.owner,
      action_due: a.due,
      action_status: a.status,
    };
    out += csvLine(CSV_COLUMNS.map((c) => cell(row[c])));
  }
  return out;
}
