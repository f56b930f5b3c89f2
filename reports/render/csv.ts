// One row per indicator × band with the comparison columns. UTF-8 with a
// byte order mark and CRLF line ends, so Excel opens it with the right
// characters and columns. A suppressed figure is an empty cell, and the
// `suppressed` columns say why it is empty.
import { csvLine } from '../../server/csv/write.js';
import { INDICATORS } from '../../surveys/index.js';
import { domainLabel, reportLabels } from '../labels.js';
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
  // Rows of mean scores (empty on other rows): the question, its mean with sd and t-based 95% interval;
  // before/after as previous_mean and change_mean with Welch's t and df (p, q and significance in the
  // change_ columns); the benchmark's mean and difference_mean (its p, q and significance in difference_).
  'question',
  'question_label',
  'mean',
  'sd',
  'mean_ci_low',
  'mean_ci_high',
  'previous_mean',
  'change_mean',
  'welch_t',
  'welch_df',
  'benchmark_mean',
  'difference_mean',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

const cell = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** A row from the columns it fills; every other cell is empty. */
const line = (row: Partial<Record<Column, string | number | boolean | null | undefined>>) => csvLine(CSV_COLUMNS.map((c) => cell(row[c])));

export function renderCsv(report: Report): string {
  const labels = reportLabels(report);
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
        labels.indicator(i.id),
        i.domain && domainLabel(i.domain),
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
        // No action or score on an indicator row.
        ...Array(CSV_COLUMNS.length - CSV_COLUMNS.indexOf('action_id')).fill(null),
      ].map(cell),
    );
  }
  for (const a of report.actions) {
    const definition = INDICATORS.find((i) => i.id === a.indicator);
    out += line({
      authority: report.authority.code,
      authority_name: report.authority.name,
      programme: report.programme,
      period: report.period,
      indicator: a.indicator,
      indicator_label: labels.indicator(a.indicator),
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
    });
  }
  for (const s of report.scores) {
    const p = s.previous;
    const b = s.benchmark;
    out += line({
      authority: report.authority.code,
      authority_name: report.authority.name,
      programme: report.programme,
      period: report.period,
      band: `${s.band} years`,
      suppressed: s.suppressed,
      n: s.n,
      compare_period: p?.period ?? report.comparePeriod,
      previous_suppressed: p?.suppressed,
      previous_n: p?.n,
      change_p_value: p?.pValue,
      change_q_value: p?.qValue,
      change_significant: p?.significant,
      benchmark_authorities: b?.authorities,
      benchmark_suppressed: b?.suppressed,
      benchmark_n: b?.n,
      difference_p_value: b?.pValue,
      difference_q_value: b?.qValue,
      difference_significant: b?.significant,
      question: s.question,
      question_label: labels.question(s.question),
      mean: s.mean,
      sd: s.sd,
      mean_ci_low: s.ci?.low,
      mean_ci_high: s.ci?.high,
      previous_mean: p?.mean,
      change_mean: p?.change,
      welch_t: p?.t,
      welch_df: p?.df,
      benchmark_mean: b?.mean,
      difference_mean: b?.difference,
    });
  }
  return out;
}
