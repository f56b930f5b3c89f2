// The one-page summary for board members (`--format summary-html`): on one
// A4 page, the headline figures, what changed (only changes that survive
// the many comparisons), how the authority stands against others, and the
// actions made at earlier rounds. Long lists are cut to the first few,
// with how many more the full report has, so the page never runs over.
import { INDICATORS } from '../../surveys/index.js';
import { PROGRAMME_NAMES, STATUS_NAMES, audienceWords, bandName, reportLabels } from '../labels.js';
import type { Report } from '../schema.js';
import { PROVISIONAL, esc, pc, wrongPopulations } from './html.js';
import { UNTESTED, changeWords, referenceRows, summarise, type SummaryLine } from './summary.js';

/** Lines per list: with the headline figures and actions, a page of A4 holds this many. */
const MAX_LINES = 5;

function list(lines: SummaryLine[], none: string): string {
  if (!lines.length) return `<p class="none">${esc(none)}</p>`;
  const shown = lines.slice(0, MAX_LINES);
  const more = lines.length - shown.length;
  return `<ul>${shown.map((l) => `<li><span class="${l.good ? 'good' : 'bad'}">${l.up ? '▲' : '▼'} ${l.good ? 'better' : 'worse'}</span> ${esc(l.text)}</li>`).join('')}</ul>${
    more > 0 ? `<p class="more">and ${more} more in the full report.</p>` : ''
  }`;
}

const CSS = `
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html { font: 10pt/1.35 system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; }
body { margin: 0 auto; max-width: 186mm; }
h1 { font-size: 15pt; margin: 0 0 2pt; }
h2 { font-size: 11.5pt; margin: 8pt 0 3pt; border-bottom: 2px solid #1d70b8; break-after: avoid; }
p { margin: 2pt 0; }
.lede, .none, .more, .foot { color: #505a5f; }
.provisional { border-left: 4pt solid #a8400a; padding: 2pt 6pt; font-weight: 600; }
.facts { display: flex; gap: 6pt; padding: 0; margin: 6pt 0; list-style: none; flex-wrap: wrap; }
.facts li { background: #f3f2f1; border-left: 3pt solid #1d70b8; padding: 3pt 6pt; }
.facts strong { font-size: 13pt; display: block; }
ul { margin: 2pt 0; padding-left: 12pt; }
li { margin: 1pt 0; break-inside: avoid; }
.good { color: #005ea5; font-weight: 700; }
.bad { color: #a8400a; font-weight: 700; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { text-align: left; border-bottom: 1px solid #b1b4b6; padding: 1.5pt 3pt; vertical-align: top; }
.warn { color: #a8400a; font-weight: 600; }
`;

/** Published figures beside this authority's, the most notable first (tested differences, then the largest), cut to fit. */
function references(r: Report): string {
  const all = referenceRows(r, 'notable');
  if (!all.length) return '';
  const rows = all
    .slice(0, MAX_LINES)
    .map(({ indicator: i, figure: f }) => {
      const moved =
        f.difference === null
          ? 'not shown'
          : `${f.difference > 0 ? '+' : ''}${f.difference.toFixed(1)} points, ${f.pValue === null ? UNTESTED : changeWords(i.direction, f.difference, { pValue: f.pValue })}`;
      return `<tr><td>${esc(reportLabels(r).indicator(i.id))} (${esc(i.band)})</td><td>${i.percent === null ? '–' : pc(i.percent)}</td><td>${pc(f.percent)} <span class="lede">${esc(f.source)} ${esc(f.period)}</span></td><td>${esc(moved)}</td></tr>`;
    })
    .join('');
  return `<section><h2>Against published figures</h2><table><thead><tr><th>Indicator</th><th>Here</th><th>Published</th><th>Difference</th></tr></thead><tbody>${rows}</tbody></table>${
    all.length > MAX_LINES ? `<p class="more">and ${all.length - MAX_LINES} more in the full report.</p>` : ''
  }</section>`;
}

export function renderSummaryHtml(r: Report): string {
  const s = summarise(r);
  const rates = Object.entries(r.responseRate.byBand)
    .filter(([, v]) => v && v.rate !== null)
    .map(([band, v]) => `<li><strong>${v!.rate!.toFixed(0)}%</strong>responded, ${esc(audienceWords(r).band(band))}${v!.low ? ' <span class="warn">(under 30%)</span>' : ''}</li>`)
    .join('');
  const actions = r.actions.slice(-MAX_LINES);
  const actionRows = actions
    .map((a) => {
      const direction = INDICATORS.find((i) => i.id === a.indicator)?.direction ?? 'higher';
      const moved = a.change === null ? 'not shown' : `${a.change > 0 ? '+' : ''}${a.change.toFixed(1)} points, ${changeWords(direction, a.change, { pValue: a.pValue })}`;
      return `<tr><td>${esc(reportLabels(r).indicator(a.indicator))} (${esc(bandName(a.band))})</td><td>${esc(a.pledge)}</td><td>${esc(STATUS_NAMES[a.status] ?? a.status)}</td><td>${a.before?.percent != null ? pc(a.before.percent) : '–'} → ${a.after?.percent != null ? pc(a.after.percent) : '–'}<br>${esc(moved)}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Hear Me ${r.period}: ${r.authority.name}, summary`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${
    r.questionnaire
      ? `${esc(r.questionnaire.title)}: what ${audienceWords(r).people} in ${esc(r.authority.name)} told us in ${esc(r.period)}`
      : `${esc(r.authority.name)}: what ${r.programme === 'ylbc' ? 'care leavers' : 'children in care'} told us in ${esc(r.period)}`
  }</h1>
<p class="lede">${esc(PROGRAMME_NAMES[r.programme] ?? r.programme)} · one-page summary for the board${r.comparePeriod ? ` · compared with ${esc(r.comparePeriod)}` : ''}</p>
${r.provisional ? `<p class="provisional">${PROVISIONAL}: every figure may change as more answers arrive.</p>` : ''}
<ul class="facts"><li><strong>${r.responses.total}</strong>answered</li>${rates}</ul>
${wrongPopulations(r)}
<div class="columns">
<section><h2>Better${r.comparePeriod ? ` since ${esc(r.comparePeriod)}` : ''}</h2>${
    r.comparePeriod ? list(s.better, 'No indicator improved by more than chance could explain.') : '<p class="none">First round: nothing earlier to compare with.</p>'
  }</section>
<section><h2>Worse${r.comparePeriod ? ` since ${esc(r.comparePeriod)}` : ''}</h2>${
    r.comparePeriod ? list(s.worse, 'No indicator got worse by more than chance could explain.') : '<p class="none">First round: nothing earlier to compare with.</p>'
  }</section>
<section><h2>Better than other authorities</h2>${list(s.aboveOthers, 'Nothing was significantly better than in other authorities.')}</section>
<section><h2>Worse than other authorities</h2>${list(s.belowOthers, 'Nothing was significantly worse than in other authorities.')}</section>
</div>
${s.mayBeChance.length ? `<p class="more">${s.mayBeChance.length} other ${s.mayBeChance.length === 1 ? 'difference' : 'differences'} may be chance (significant alone, not once the ${s.compared} comparisons are allowed for): see the full report.</p>` : ''}
${references(r)}
<section><h2>What we said we would do</h2>${
    actions.length
      ? `<table><thead><tr><th>Indicator</th><th>Action</th><th>Status</th><th>Before → after</th></tr></thead><tbody>${actionRows}</tbody></table>${
          r.actions.length > actions.length ? `<p class="more">and ${r.actions.length - actions.length} earlier actions in the full report.</p>` : ''
        }`
      : '<p class="none">No actions recorded at earlier rounds.</p>'
  }</section>
<p class="foot">Changes listed are those that stay significant once the number of comparisons is allowed for (q below 0.05). Figures based on fewer than ${r.minBase} answers are never shown. The full report has every figure, its 95% interval and what ${audienceWords(r).people} said.</p>
</main>
</body>
</html>
`;
}
