// One row per indicator × band with the comparison columns, then actions,
// mean scores and a core round's local questions. UTF-8 with a
// byte order mark and CRLF line ends, so Excel opens it with the right
// characters and columns. A suppressed figure is an empty cell, and the
// `suppressed` columns say why it is empty.
import { csvLine } from '../../server/csv/write.js';
import { INDICATORS } from '../../surveys/index.js';
import { audienceWords, domainLabel, reportLabels } from '../labels.js';
import type { Report, ReportIndicator, ReportScore } from '../schema.js';

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
  // Rows of a core round's local questions (empty on the core's rows): the questionnaire and the version
  // its figures are read with; its indicator and score rows fill the same columns as the core's (no benchmark).
  'local_instrument',
  'local_version',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | boolean | null | undefined>>;

const cell = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** A row from the columns it fills; every other cell is empty. */
const line = (row: Row) => csvLine(CSV_COLUMNS.map((c) => cell(row[c])));

/**
 * The cells every row of a report starts with, and how its bands are written: "4-7 years", not
 * "4-7" (Excel would read 4-7 and 8-11 as dates); an adults' questionnaire's one band is "Adults".
 */
function reportCells(report: Report) {
  const words = audienceWords(report);
  return {
    first: { authority: report.authority.code, authority_name: report.authority.name, programme: report.programme, period: report.period } satisfies Row,
    band: words.rowYears,
    allBands: words.all,
  };
}

/**
 * The cells an indicator's and a score's row share: the round compared
 * with and the change since it, and the difference from other authorities
 * (each kind adds its own figures: percent or mean).
 */
function comparisonCells(
  report: Report,
  p: ReportIndicator['previous'] | ReportScore['previous'],
  b: ReportIndicator['benchmark'] | ReportScore['benchmark'],
): Row {
  return {
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
  };
}

/** An indicator's row (the report's own, or a local question's with `local` naming its questionnaire). */
function indicatorRow(report: Report, labels: ReturnType<typeof reportLabels>, i: ReportIndicator, local: Row = {}): string {
  const { first, band } = reportCells(report);
  const p = i.previous;
  const b = i.benchmark;
  return line({
    ...first,
    indicator: i.id,
    indicator_label: labels.indicator(i.id),
    domain: i.domain && domainLabel(i.domain),
    direction: i.direction,
    band: band(i.band),
    suppressed: i.suppressed,
    n: i.n,
    count: i.count,
    percent: i.percent,
    ci_low: i.ci?.low,
    ci_high: i.ci?.high,
    ...comparisonCells(report, p, b),
    previous_percent: p?.percent,
    change_points: p?.change,
    benchmark_percent: b?.percent,
    difference_points: b?.difference,
    ...local,
  });
}

/** A mean score's row (the report's own, or a local question's with `local` naming its questionnaire). */
function scoreRow(report: Report, labels: ReturnType<typeof reportLabels>, s: ReportScore, local: Row = {}): string {
  const { first, band } = reportCells(report);
  const p = s.previous;
  const b = s.benchmark;
  return line({
    ...first,
    direction: s.direction,
    band: band(s.band),
    suppressed: s.suppressed,
    n: s.n,
    ...comparisonCells(report, p, b),
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
    ...local,
  });
}

export function renderCsv(report: Report): string {
  const labels = reportLabels(report);
  const { first, band, allBands } = reportCells(report);
  let out = '\uFEFF' + csvLine(CSV_COLUMNS);
  for (const i of report.indicators) out += indicatorRow(report, labels, i);
  for (const a of report.actions) {
    const definition = INDICATORS.find((i) => i.id === a.indicator);
    out += line({
      ...first,
      indicator: a.indicator,
      indicator_label: labels.indicator(a.indicator),
      domain: definition && domainLabel(definition.domain),
      direction: definition?.direction,
      band: a.band === null ? allBands : band(a.band),
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
  for (const s of report.scores) out += scoreRow(report, labels, s);
  // A core round's local questions, figured as the core's (already suppressed in the model), named by their own words.
  for (const l of report.localQuestions ?? []) {
    const own = reportLabels({ questionnaire: l });
    const local = { local_instrument: l.id, local_version: l.version };
    for (const i of l.indicators) out += indicatorRow(report, own, i, local);
    for (const s of l.scores) out += scoreRow(report, own, s, local);
  }
  return out;
}
