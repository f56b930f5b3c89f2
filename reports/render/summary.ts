// The plain-English summary: what got better, what got worse, and what is
// different from other authorities. A report makes dozens of comparisons,
// so only those that stay significant once that is allowed for (q < 0.05,
// Benjamini-Hochberg) are listed as changes; those with p < 0.05 alone are
// listed apart as "may be chance", so the panel is not led to act on noise.
import { audienceWords, reportLabels } from '../labels.js';
import type { Report, ReportIndicator } from '../schema.js';
import { ALPHA } from '../stats.js';

export interface SummaryLine {
  id: string;
  band: string;
  text: string;
  /** The figure is higher (than before, or than other authorities): drawn ▲, else ▼. */
  up: boolean;
  /** Better for children (by the indicator's direction). */
  good: boolean;
}

export interface Summary {
  better: SummaryLine[];
  worse: SummaryLine[];
  aboveOthers: SummaryLine[];
  belowOthers: SummaryLine[];
  /** p < 0.05 but q ≥ 0.05: as many such results are expected by chance alone among so many comparisons. */
  mayBeChance: SummaryLine[];
  /** Changes with p ≥ 0.05, counted for one sentence. */
  notSignificant: number;
  compared: number;
}

/** A tested comparison; with no `qValue` at all it is one planned on its own (an action's), judged by p alone. */
export type Tested = { pValue: number | null; qValue?: number | null };

/** A finding survives the adjustment for many comparisons; "chance" is significant only on its own. */
export function verdict(t: Tested, delta: number): 'finding' | 'chance' | 'none' {
  if (delta === 0 || t.pValue === null || t.pValue >= ALPHA) return 'none';
  return t.qValue === undefined || (t.qValue !== null && t.qValue < ALPHA) ? 'finding' : 'chance';
}

/** A change or difference in words: better or worse for children, and whether it survives the many comparisons. */
export function changeWords(direction: 'higher' | 'lower', delta: number, t: Tested): string {
  const better = direction === 'higher' ? delta > 0 : delta < 0;
  const v = verdict(t, delta);
  return v === 'finding' ? (better ? 'significantly better' : 'significantly worse') : v === 'chance' ? `${better ? 'better' : 'worse'}, but may be chance` : 'not significant';
}

/** Better for children: up for "higher is better" indicators, down for "lower is better" ones. */
function good(i: Pick<ReportIndicator, 'direction'>, delta: number): boolean {
  return i.direction === 'higher' ? delta > 0 : delta < 0;
}

const pct = (x: number) => `${Math.round(x)}%`;
const points = (x: number) => `${Math.abs(Math.round(x))} percentage point${Math.abs(Math.round(x)) === 1 ? '' : 's'}`;

export function summarise(report: Report): Summary {
  const who = audienceWords(report).band;
  const s: Summary = { better: [], worse: [], aboveOthers: [], belowOthers: [], mayBeChance: [], notSignificant: 0, compared: 0 };
  const change = (t: Tested, delta: number, line: Omit<SummaryLine, 'up' | 'good'>, direction: Pick<ReportIndicator, 'direction'>) => {
    s.compared++;
    const l = { ...line, up: delta > 0, good: good(direction, delta) };
    const v = verdict(t, delta);
    if (v === 'finding') (l.good ? s.better : s.worse).push(l);
    else if (v === 'chance') s.mayBeChance.push(l);
    else s.notSignificant++;
  };
  const difference = (t: Tested, delta: number, line: Omit<SummaryLine, 'up' | 'good'>, direction: Pick<ReportIndicator, 'direction'>) => {
    const l = { ...line, up: delta > 0, good: good(direction, delta) };
    const v = verdict(t, delta);
    if (v === 'finding') (l.good ? s.aboveOthers : s.belowOthers).push(l);
    else if (v === 'chance') s.mayBeChance.push(l);
  };
  for (const i of report.indicators) {
    const label = reportLabels(report).indicator(i.id);
    const p = i.previous;
    if (p && p.change !== null && p.percent !== null && i.percent !== null)
      change(p, p.change, {
        id: i.id,
        band: i.band,
        text: `${label} (${who(i.band)}): ${p.change > 0 ? 'up' : 'down'} from ${pct(p.percent)} in ${p.period} to ${pct(i.percent)}, ${points(p.change)}.`,
      }, i);
    const b = i.benchmark;
    if (b && b.difference !== null && b.percent !== null && i.percent !== null)
      difference(b, b.difference, { id: i.id, band: i.band, text: `${label} (${who(i.band)}): ${pct(i.percent)} here against ${pct(b.percent)} in other authorities.` }, i);
  }
  // Scores: better when higher, unless a questionnaire's file says lower.
  for (const sc of report.scores) {
    const p = sc.previous;
    if (p && p.change !== null && p.mean !== null && sc.mean !== null)
      change(p, p.change, {
        id: sc.question,
        band: sc.band,
        text: `Average answer to “${reportLabels(report).question(sc.question)}” (${who(sc.band)}): ${p.change > 0 ? 'up' : 'down'} from ${p.mean.toFixed(1)} in ${p.period} to ${sc.mean.toFixed(1)}.`,
      }, sc);
    const b = sc.benchmark;
    if (b && b.difference !== null && b.mean !== null && sc.mean !== null)
      difference(b, b.difference, {
        id: sc.question,
        band: sc.band,
        text: `Average answer to “${reportLabels(report).question(sc.question)}” (${who(sc.band)}): ${sc.mean.toFixed(1)} here against ${b.mean.toFixed(1)} in other authorities.`,
      }, sc);
  }
  return s;
}

/** Said of a published reference figure that gives no number answered: its difference is shown, not tested. */
export const UNTESTED = 'not tested (no number answered given)';

export interface ReferenceRow {
  indicator: ReportIndicator;
  figure: ReportIndicator['reference'][number];
}

/**
 * The published reference figures of a report's indicators, in the report's order; for a short page,
 * those tested significant first, then by the size of the difference.
 */
export function referenceRows(r: Report, order: 'report' | 'notable' = 'report'): ReferenceRow[] {
  const rows = r.indicators.flatMap((indicator) => indicator.reference.map((figure) => ({ indicator, figure })));
  if (order === 'report') return rows;
  const weight = (x: ReferenceRow) => (x.figure.significant ? 1000 : 0) + Math.abs(x.figure.difference ?? 0);
  return rows.sort((a, b) => weight(b) - weight(a));
}

/** The local question sets a report shows: answered in this round, with a figure to show. */
export function shownLocalQuestions(full: Report): NonNullable<Report['localQuestions']> {
  return (full.localQuestions ?? []).filter((l) => (full.responses.byBand[l.band] ?? 0) > 0 && (l.indicators.length || l.scores.length));
}
