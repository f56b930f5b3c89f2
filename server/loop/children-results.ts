// The children's version of a round's results ("you said, we will"), per
// band and locale: suggested from the report, edited by an officer, then
// published. Only indicator ids, their words (never figures) and the
// officer's pledges are kept: nothing children wrote can reach it, and the
// words are always worked out here from the report, so an edit cannot
// show a figure that the disclosure rules hide.
import { z } from 'zod';
import { indicatorLabel } from '../../reports/labels.js';
import type { Report } from '../../reports/schema.js';
import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../../surveys/index.js';
import { RESULTS_LOCALES } from '../../surveys/results-text.js';
import { WORDS, figureWords, type Words } from '../../surveys/results-wording.js';

/** How many findings of each kind a suggestion holds. */
const SUGGESTED = 3;

const Indicator = z.enum(INDICATOR_IDS);
export const ResultsLocale = z.enum(RESULTS_LOCALES);
const Finding = z.strictObject({ indicator: Indicator, words: z.enum(WORDS) });
const PledgeText = z.string().trim().min(1, 'a pledge cannot be empty').max(300, 'a pledge is at most 300 characters');

/** What an officer chooses: which findings go well or need to change, and the pledges, in the version's locale. */
export const ResultsEdit = z.strictObject({
  good: z.array(Indicator).max(6),
  change: z.array(Indicator).max(6),
  pledges: z.array(PledgeText).max(6),
});
export type ResultsEdit = z.infer<typeof ResultsEdit>;

/** What is stored and shown. */
export const ResultsContent = z.strictObject({ good: z.array(Finding), change: z.array(Finding), pledges: z.array(PledgeText) });
export type ResultsContent = z.infer<typeof ResultsContent>;

/** A finding that may not be shown (exit code 2, HTTP 400). */
export class ResultsInputError extends Error {}

const directionOf = new Map<string, string>(INDICATORS.map((i) => [i.id, i.direction]));

/** The band's indicators that may be shown, with the share for whom things are good (100 − percent where lower is better). */
function showable(report: Report, band: string) {
  return report.indicators
    .filter((i) => i.band === band && figureWords(i, report.minBase) !== null)
    .map((i) => ({ ...i, good: directionOf.get(i.id) === 'lower' ? 100 - i.percent! : i.percent! }));
}

/**
 * A first draft: what goes best and worst for the band, plus any
 * significant change since the previous round, and the pledges of the
 * actions made at this round for the band (or for every band).
 */
export function suggestResults(report: Report, band: string, pledges: readonly { band: string | null; pledge: string }[]): ResultsEdit {
  const rows = showable(report, band).sort((a, b) => b.good - a.good);
  const better = (i: (typeof rows)[number]) => i.previous?.significant === true && (directionOf.get(i.id) === 'lower' ? i.previous.change! < 0 : i.previous.change! > 0);
  const worse = (i: (typeof rows)[number]) => i.previous?.significant === true && !better(i);
  const good = [...new Set([...rows.slice(0, SUGGESTED), ...rows.filter(better)].map((i) => i.id))];
  const change = [...new Set([...rows.slice(-SUGGESTED).reverse(), ...rows.filter(worse)].map((i) => i.id))].filter((id) => !good.includes(id));
  return {
    good: good.slice(0, 6) as IndicatorId[],
    change: change.slice(0, 6) as IndicatorId[],
    pledges: pledges.filter((p) => p.band === null || p.band === band).map((p) => p.pledge.slice(0, 300)).slice(0, 6),
  };
}

/** What an officer may choose from for a band: every indicator with a figure to show, with its words, best first. */
export function resultChoices(report: Report, band: string): { indicator: IndicatorId; label: string; words: Words }[] {
  return showable(report, band)
    .sort((a, b) => b.good - a.good)
    .map((i) => ({ indicator: i.id as IndicatorId, label: indicatorLabel(i.id), words: figureWords(i, report.minBase)! }));
}

/** The edit with the words for each finding worked out from the report; refuses a finding with no figure to show. */
export function resolveResults(report: Report, band: string, edit: ResultsEdit): ResultsContent {
  const rows = showable(report, band);
  const finding = (indicator: IndicatorId) => {
    const row = rows.find((i) => i.id === indicator);
    if (!row) throw new ResultsInputError(`${indicator} has no figure to show for ages ${band} (not asked, or fewer than ${report.minBase} answers)`);
    return { indicator, words: figureWords(row, report.minBase)! };
  };
  return { good: edit.good.map(finding), change: edit.change.map(finding), pledges: edit.pledges };
}
