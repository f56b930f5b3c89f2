// Which charts a report has and what each shows, shared by the HTML and
// Word reports so both draw the same pictures from the same figures.
import { INDICATORS } from '../../surveys/indicators.js';
import { audienceWords, domainLabel, reportLabels } from '../labels.js';
import type { Report } from '../schema.js';
import { barChartSvg, trendChartSvg, type BarSeries } from './svg-charts.js';

export const fewer = (minBase: number) => `fewer than ${minBase} answers`;

/**
 * Whose indicators a chart shows, in its label: a domain's, else (no domain) a council
 * questionnaire's own or a core round's local questions' ("Indicators indicators" said neither).
 */
function indicatorsOf(r: Report, domain: string | null): string {
  if (domain !== null) return `${domainLabel(domain)} indicators`;
  return r.questionnaire ? `${r.questionnaire.title} indicators` : 'the indicators of your own questions';
}

/** One domain's indicators as bars: before, here (with its interval) and other authorities. */
export function domainChart(r: Report, domain: string | null): { svg: string; label: string } | null {
  const rows = r.indicators.filter((i) => i.domain === domain);
  if (!rows.length) return null;
  const series: BarSeries[] = [];
  if (rows.some((i) => i.previous && i.previous.percent !== null))
    series.push({ label: `${r.authority.name} ${r.comparePeriod}`, colour: 'before', data: rows.map((i) => i.previous?.percent ?? null) });
  series.push({
    label: `${r.authority.name} ${r.period}${r.provisional ? ' (provisional: the round is still open)' : ''}`,
    colour: 'here',
    data: rows.map((i) => i.percent),
    ci: rows.map((i) => (i.ci ? [i.ci.low, i.ci.high] : null)),
  });
  if (rows.some((i) => i.benchmark && i.benchmark.percent !== null))
    series.push({ label: `Other authorities ${r.period}`, colour: 'others', data: rows.map((i) => i.benchmark?.percent ?? null) });
  const label = `Bar chart of ${indicatorsOf(r, domain)}: ${r.authority.name} against other authorities, with 95% intervals. The same figures are in the table below.`;
  return {
    label,
    svg: barChartSvg({
      label,
      rows: rows.map((i) => `${reportLabels(r).indicator(i.id)} (${audienceWords(r).row(i.band)})${i.suppressed ? ` – ${fewer(r.minBase)}` : ''}`),
      series,
      axis: `% of ${audienceWords(r).people} who answered`,
    }),
  };
}

/** The rounds the trends cover, oldest first, and which are still open. */
export function trendPeriods(r: Report): { periods: string[]; provisional: string[] } {
  const periods = [...new Set(r.trend.flatMap((t) => t.points.map((p) => p.period)))].sort();
  const provisional = [...new Set(r.trend.flatMap((t) => t.points.filter((p) => p.provisional).map((p) => p.period)))];
  return { periods, provisional };
}

/** Trend series worth a line: at least two rounds with a figure shown, in the domain's indicators. */
export function trendSeries(r: Report, domain: string | null): Report['trend'] {
  return r.trend.filter((t) => r.indicators.find((i) => i.id === t.id && i.band === t.band)?.domain === domain && t.points.filter((p) => p.percent !== null).length >= 2);
}

/**
 * An indicator's colour, marker and dash: its place in its domain in the question bank, so it looks
 * the same in every panel of a report and on every portal page, whichever rounds or bands are shown
 * (a domain has at most ten indicators, one colour each). An indicator the bank does not know (a
 * council's own questionnaire) takes its place among `others`, the report's trended indicators.
 */
export function indicatorStyle(id: string, others: string[] = [id]): number {
  const known = INDICATORS.find((i) => i.id === id);
  if (known) return INDICATORS.filter((i) => i.domain === known.domain).indexOf(known);
  return Math.max(0, others.indexOf(id));
}

/** Small multiples, one chart per age band (a dozen lines in one chart cannot be told apart). */
export function trendCharts(r: Report, domain: string | null): { band: string; svg: string; label: string }[] {
  const { periods, provisional } = trendPeriods(r);
  const series = trendSeries(r, domain);
  const ids = [...new Set(series.map((t) => t.id))];
  const bands = [...new Set(series.map((t) => t.band))];
  const words = audienceWords(r);
  return bands.map((band) => {
    const label = `Line chart of ${indicatorsOf(r, domain)} for ${words.band(band)} across survey rounds. The same figures are in the table below.`;
    return {
      band,
      label,
      svg: trendChartSvg({
        label,
        title: words.heading(band),
        periods,
        provisional,
        series: series
          .filter((t) => t.band === band)
          .map((t) => ({
            label: reportLabels(r).indicator(t.id),
            style: indicatorStyle(t.id, ids),
            data: periods.map((p) => t.points.find((x) => x.period === p)?.percent ?? null),
          })),
      }),
    };
  });
}
