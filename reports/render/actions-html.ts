// The report's "What we said we would do, and what changed": each action
// made at an earlier round, its indicator then and now, and whether the
// change is significant (the same test as the comparison with the
// previous round). Left out when the authority recorded no actions.
import { INDICATORS } from '../../surveys/index.js';
import { STATUS_NAMES, bandName, reportLabels } from '../labels.js';
import type { Report, ReportAction } from '../schema.js';
import { changeCell, esc, fewer, pc } from './html.js';

function side(s: ReportAction['before'], minBase: number): string {
  if (!s) return '<td class="num supp">no answers</td>';
  return `<td class="num">${s.percent === null ? `<span class="supp">${fewer(minBase)}</span>` : `${pc(s.percent)}<br><span class="note">of ${s.n}</span>`}</td>`;
}

export function actionsSection(r: Report): string {
  if (!r.actions.length) return '';
  const rows = r.actions
    .map((a) => {
      const direction = INDICATORS.find((i) => i.id === a.indicator)?.direction ?? 'higher';
      return `<tr><th scope="row">${esc(reportLabels(r).indicator(a.indicator))} <span class="note">(${esc(bandName(a.band))})</span></th><td>${esc(a.pledge)}<br><span class="note">${esc(a.owner)}, by ${esc(a.due)} · ${esc(STATUS_NAMES[a.status] ?? a.status)}</span></td><td>${esc(a.madeAt)}</td>${side(a.before, r.minBase)}${side(a.after, r.minBase)}${changeCell(direction, a.change, { pValue: a.pValue }, ' points', 1)}</tr>`;
    })
    .join('');
  return `<section class="page-break" id="actions" aria-labelledby="actions-h">
<h2 id="actions-h">What we said we would do, and what changed</h2>
<p>Actions recorded against findings of earlier rounds, with the indicator in the round each was made at and in ${esc(r.period)}.</p>
<table><caption>Actions and the indicator before and after</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">What we said we would do</th><th scope="col">Made at</th><th scope="col" class="num">Before</th><th scope="col" class="num">After (${esc(r.period)})</th><th scope="col" class="num">Change</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}
