// The plain-English summary: what got better, what got worse, and what is
// significantly different from other authorities. Only significant
// results are listed as changes, so the panel is not led to act on noise.
import { indicatorLabel, questionLabel } from '../labels.js';
import type { Report, ReportIndicator } from '../schema.js';

export interface SummaryLine {
  id: string;
  band: string;
  text: string;
  /** The figure is higher (than before, or than other authorities): drawn ▲, else ▼. */
  up: boolean;
}

export interface Summary {
  better: SummaryLine[];
  worse: SummaryLine[];
  aboveOthers: SummaryLine[];
  belowOthers: SummaryLine[];
  /** Changes that were not significant, counted for one sentence. */
  notSignificant: number;
  compared: number;
}

/** Better for children: up for "higher is better" indicators, down for "lower is better" ones. */
function good(i: ReportIndicator, delta: number): boolean {
  return i.direction === 'higher' ? delta > 0 : delta < 0;
}

const pct = (x: number) => `${Math.round(x)}%`;
const points = (x: number) => `${Math.abs(Math.round(x))} percentage point${Math.abs(Math.round(x)) === 1 ? '' : 's'}`;
const who = (band: string) => `ages ${band}`;

export function summarise(report: Report): Summary {
  const s: Summary = { better: [], worse: [], aboveOthers: [], belowOthers: [], notSignificant: 0, compared: 0 };
  for (const i of report.indicators) {
    const label = indicatorLabel(i.id);
    const p = i.previous;
    if (p && p.change !== null && p.percent !== null && i.percent !== null) {
      s.compared++;
      if (!p.significant || p.change === 0) s.notSignificant++;
      else
        (good(i, p.change) ? s.better : s.worse).push({
          id: i.id,
          band: i.band,
          up: p.change > 0,
          text: `${label} (${who(i.band)}): ${p.change > 0 ? 'up' : 'down'} from ${pct(p.percent)} in ${p.period} to ${pct(i.percent)}, ${points(p.change)}.`,
        });
    }
    const b = i.benchmark;
    if (b && b.difference !== null && b.significant && b.percent !== null && i.percent !== null && b.difference !== 0) {
      const line = {
        id: i.id,
        band: i.band,
        up: b.difference > 0,
        text: `${label} (${who(i.band)}): ${pct(i.percent)} here against ${pct(b.percent)} in other authorities.`,
      };
      (good(i, b.difference) ? s.aboveOthers : s.belowOthers).push(line);
    }
  }
  // Well-being scores: every one of them is better when higher.
  for (const sc of report.scores) {
    const p = sc.previous;
    if (p && p.change !== null && p.mean !== null && sc.mean !== null) {
      s.compared++;
      if (!p.significant || p.change === 0) s.notSignificant++;
      else
        (p.change > 0 ? s.better : s.worse).push({
          id: sc.question,
          band: sc.band,
          up: p.change > 0,
          text: `Average answer to “${questionLabel(sc.question)}” (${who(sc.band)}): ${p.change > 0 ? 'up' : 'down'} from ${p.mean.toFixed(1)} in ${p.period} to ${sc.mean.toFixed(1)}.`,
        });
    }
    const b = sc.benchmark;
    if (b && b.difference !== null && b.significant && b.mean !== null && sc.mean !== null && b.difference !== 0)
      (b.difference > 0 ? s.aboveOthers : s.belowOthers).push({
        id: sc.question,
        band: sc.band,
        up: b.difference > 0,
        text: `Average answer to “${questionLabel(sc.question)}” (${who(sc.band)}): ${sc.mean.toFixed(1)} here against ${b.mean.toFixed(1)} in other authorities.`,
      });
  }
  return s;
}
