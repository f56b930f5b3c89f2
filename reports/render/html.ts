// The standalone HTML report: one file with its CSS, the charts as SVG
// (svg-charts.ts) and accessible tables inline, for a corporate parenting panel.
// Every piece of text goes through esc(): children's free text (and any
// authority name) may contain HTML.
import { DOMAINS } from '../../surveys/index.js';
import { BY_NAMES, PROGRAMME_NAMES, audienceWords, domainLabel, localQuestionsIntro, optionLabel, reportLabels, scoreWords } from '../labels.js';
import type { BreakdownCell, Report } from '../schema.js';
import { actionsSection } from './actions-html.js';
import { domainChart, fewer, trendCharts, trendPeriods, trendSeries } from './report-charts.js';
import { CSS } from './html-style.js';
import { UNTESTED, changeWords, referenceRows, shownLocalQuestions, summarise, verdict, type SummaryLine, type Tested } from './summary.js';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Said wherever figures of a round still open appear. */
export const PROVISIONAL = 'Provisional: the round is still open';

export { fewer };
export const pc = (x: number | null | undefined) => (x === null || x === undefined ? '' : `${x.toFixed(1)}%`);
export const pValue = (p: number | null) => (p === null ? '' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

export const qValue = (q: number | null) => (q === null ? '' : q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`);

/**
 * A change or difference, with its arrow (the way the figure moved), the verdict in words (better
 * or worse for children, and whether it survives the many comparisons), and the p- and q-values.
 */
export function changeCell(direction: 'higher' | 'lower', delta: number | null, t: Tested, unit: string, digits: number): string {
  if (delta === null) return '<td class="num supp">not shown</td>';
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '▬';
  const better = direction === 'higher' ? delta > 0 : delta < 0;
  const v = verdict(t, delta);
  const cls = v === 'finding' ? (better ? ' class="up-good"' : ' class="up-bad"') : '';
  const words = changeWords(direction, delta, t);
  return `<td class="num"><span${cls}>${arrow} ${delta > 0 ? '+' : ''}${delta.toFixed(digits)}${unit}</span><br><span class="note">${words}, ${pValue(t.pValue)}${t.qValue === null || t.qValue === undefined ? '' : `, ${qValue(t.qValue)}`}</span></td>`;
}

/**
 * A band nobody in this authority answered would only fill the charts and tables with blanks: it is
 * named once in the summary instead (HTML and Word). The JSON and CSV keep every row.
 */
export function answeredBandsOnly(full: Report): Report {
  const answered = (band: string) => (full.responses.byBand[band] ?? 0) > 0;
  return {
    ...full,
    indicators: full.indicators.filter((i) => answered(i.band)),
    scores: full.scores.filter((s) => answered(s.band)),
    breakdowns: full.breakdowns.filter((b) => answered(b.band)),
    trend: full.trend.filter((t) => answered(t.band)),
  };
}

export function renderHtml(full: Report): string {
  const report = answeredBandsOnly(full);
  const name = report.authority.name;
  const compare = report.comparePeriod;
  const title = `Hear Me ${report.period}: ${name}`;
  const sections = [
    summarySection(report),
    responseSection(report),
    actionsSection(report),
    ...[...DOMAINS, null].map((d) => domainSection(report, d)).filter(Boolean),
    scoreSection(report),
    localSection(report),
    trendSection(report),
    breakdownSection(report),
    saidSection(report),
    methodsSection(report),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${report.questionnaire ? `${esc(report.questionnaire.title)}: ${esc(name)}` : `How ${report.programme === 'ylbc' ? 'care leavers' : 'children in care'} in ${esc(name)} say their lives are going`}</h1>
<p class="lede">${esc(PROGRAMME_NAMES[report.programme] ?? report.programme)}${report.questionnaire ? ` ${versionWords(report.questionnaire)}` : ''} · survey round ${esc(report.period)}${
    compare ? ` · compared with ${esc(compare)}` : ''
  } · ${esc(report.authority.code)}</p>
${report.provisional ? `<p class="provisional" role="note"><strong>${PROVISIONAL}.</strong> Every figure here may change as more answers arrive.</p>` : ''}
</header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

function list(lines: SummaryLine[], cls: string, none: string): string {
  if (!lines.length) return `<p class="note">${esc(none)}</p>`;
  // The arrow follows the figure (up or down); the colour and the list say whether that is good.
  return `<ul class="${cls}">${lines.map((l) => `<li class="${l.up ? 'up' : 'down'}">${esc(l.text)}</li>`).join('')}</ul>`;
}

/** "May be chance" lines say in words which way each went for children; no colour, as they are not findings. */
function chanceList(r: Report, lines: SummaryLine[]): string {
  const words = audienceWords(r);
  return `<ul class="chance">${lines.map((l) => `<li>${esc(l.text)} <span class="note">(${words.verdict(l.good)}, if real)</span></li>`).join('')}</ul>`;
}

function summarySection(r: Report): string {
  const s = summarise(r);
  const words = audienceWords(r);
  const lowBands = Object.entries(r.responseRate.byBand).filter(([, v]) => v?.low);
  const rates = Object.entries(r.responseRate.byBand)
    .filter(([, v]) => v && v.rate !== null)
    .map(([band, v]) => `<li><strong>${v!.rate!.toFixed(0)}%</strong>responded, ${esc(words.band(band))}${v!.low ? ' <span class="warn">(under 30%)</span>' : ''}</li>`)
    .join('');
  const change = r.comparePeriod
    ? `<h3>What got better since ${esc(r.comparePeriod)}</h3>${list(s.better, 'better', 'No indicator improved by more than chance could explain.')}
<h3>What got worse since ${esc(r.comparePeriod)}</h3>${list(s.worse, 'worse', 'No indicator got worse by more than chance could explain.')}
<p class="note">${s.compared} figures could be compared with ${esc(r.comparePeriod)}; ${s.notSignificant} of them changed by no more than chance could explain, so they are not listed.</p>`
    : '<p>This is the first survey round for this authority, so there is nothing earlier to compare with yet.</p>';
  return `<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<ul class="facts"><li><strong>${r.responses.total}</strong>${words.answered} answered</li>${rates}</ul>
${silentBands(r)}
${wrongPopulations(r)}
${lowBands.length ? `<p class="warn">${lowWarning(r, lowBands.map(([b]) => b))}</p>` : ''}
${change}
<h3>Significantly different from other authorities</h3>
${list(s.aboveOthers, 'better', 'Nothing was significantly better than in other authorities.')}
${s.belowOthers.length ? list(s.belowOthers, 'worse', '') : '<p class="note">Nothing was significantly worse than in other authorities.</p>'}
${s.mayBeChance.length ? `<h3>May be chance</h3>
<p class="note">These differ by enough to be significant on their own (p below 0.05), but this report makes ${s.compared} comparisons with the last round and as many with other authorities, and some results that large are expected by chance alone. Watch them; do not act on them alone.</p>
${chanceList(r, s.mayBeChance)}` : ''}
<p class="note">Only differences that stay significant once the number of comparisons is allowed for (q below 0.05) are listed as changes; see “How to read this report” at the end. Figures based on ${fewer(r.minBase)} are never shown.</p>
</section>`;
}

/** Bands whose response rate is under 30%: read with care. */
function lowWarning(r: Report, bands: string[]): string {
  const words = audienceWords(r);
  const ages = words.ages(bands.map(esc), ', ');
  return `Fewer than 30% of ${words.people} answered${ages ? ` in ${ages}` : ''}: read ${ages ? 'those results' : 'the results'} with care.`;
}

/** A population below the responses received cannot be right: said instead of a rate above 100%. */
export function wrongPopulations(r: Report): string {
  const wrong = Object.entries(r.responseRate.byBand).filter(([, v]) => v?.populationLooksWrong).map(([band]) => band);
  const words = audienceWords(r);
  const ages = words.ages(wrong.map(esc), ' and ');
  return wrong.length
    ? `<p class="warn">The number of ${words.populationOf} entered${ages ? ` for ${ages}` : ''} is smaller than the number who answered, so it looks wrong and no response rate is shown. Ask for it to be corrected.</p>`
    : '';
}

export function silentBands(r: Report): string {
  const none = Object.entries(r.responses.byBand).filter(([, n]) => n === 0).map(([band]) => band);
  const ages = audienceWords(r).ages(none.map(esc), ' or ');
  if (!none.length) return '';
  return ages ? `<p class="note">No answers from ${ages} in this round: those ages are left out of the charts and tables.</p>` : '<p class="note">No answers in this round.</p>';
}

function responseSection(r: Report): string {
  const words = audienceWords(r);
  const rows = Object.entries(r.responses.byBand)
    .map(([band, n]) => {
      const rate = r.responseRate.byBand[band];
      return `<tr><th scope="row">${esc(words.row(band))}</th><td class="num">${n}</td><td class="num">${rate ? rate.population : 'not entered'}</td><td class="num">${
        rate?.populationLooksWrong
          ? '<span class="warn">population looks wrong</span>'
          : rate && rate.rate !== null
            ? `${rate.rate.toFixed(1)}%${rate.low ? ' <span class="warn">under 30%</span>' : ''}`
            : ''
      }</td></tr>`;
    })
    .join('');
  return `<section aria-labelledby="responses-h">
<h2 id="responses-h">Who answered</h2>
<table><caption>Responses and response rate${words.adults ? '' : ' by age band'}</caption>
<thead><tr><th scope="col">${words.bandHead}</th><th scope="col" class="num">Responses</th><th scope="col" class="num">${words.population}</th><th scope="col" class="num">Response rate</th></tr></thead>
<tbody>${rows}<tr><th scope="row">All</th><td class="num">${r.responses.total}</td><td></td><td></td></tr></tbody></table>
</section>`;
}

/** Table rows of indicators: figure, before/after, and (unless `benchmark` is false) other authorities. */
function indicatorRows(r: Report, rows: Report['indicators'], benchmark = true): string {
  return rows
    .map((i) => {
      const p = i.previous;
      const b = i.benchmark;
      const figure = i.suppressed
        ? `<td class="num supp" colspan="2">${fewer(r.minBase)}</td>`
        : `<td class="num">${i.n}</td><td class="num">${pc(i.percent)}<br><span class="note">${pc(i.ci!.low)} to ${pc(i.ci!.high)}</span></td>`;
      const prev = !compareColumn(r)
        ? ''
        : !p
          ? '<td class="num supp">no figure</td><td></td>'
          : `<td class="num">${p.percent === null ? `<span class="supp">${fewer(r.minBase)}</span>` : pc(p.percent)}</td>${changeCell(i.direction, p.change, p, ' points', 1)}`;
      const bench = !benchmark
        ? ''
        : !b
          ? '<td class="num supp">none</td><td></td>'
          : `<td class="num">${b.percent === null ? '<span class="supp">not shown</span>' : pc(b.percent)}</td>${changeCell(i.direction, b.difference, b, ' points', 1)}`;
      return `<tr><th scope="row">${esc(reportLabels(r).indicator(i.id))}${i.direction === 'lower' ? ' <span class="note">(lower is better)</span>' : ''}</th><td>${esc(audienceWords(r).row(i.band))}</td>${figure}${prev}${bench}</tr>`;
    })
    .join('');
}

/** The header cells after Ages: the figure, the round compared with and, unless `benchmark` is false, other authorities. */
function figureHeads(r: Report, figure: string, benchmark = true): string {
  return `<th scope="col" class="num">Answered</th><th scope="col" class="num">${figure}</th>${
    compareColumn(r) ? `<th scope="col" class="num">${esc(r.comparePeriod!)}</th><th scope="col" class="num">Change</th>` : ''
  }${benchmark ? '<th scope="col" class="num">Other authorities</th><th scope="col" class="num">Difference</th>' : ''}`;
}

function domainSection(r: Report, domain: string | null): string {
  const rows = r.indicators.filter((i) => i.domain === domain);
  const chart = domainChart(r, domain);
  if (!rows.length || !chart) return '';
  const id = `chart-${domain ?? 'own'}`;
  return `<section class="page-break" aria-labelledby="${id}-h">
<h2 id="${id}-h">${esc(domainLabel(domain))}</h2>
<div class="chart" id="${id}">${chart.svg}</div>
<table><caption>${esc(domainLabel(domain))}: the figures in the chart</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">${audienceWords(r).bandHead}</th>${figureHeads(r, '% (95% interval)')}</tr></thead>
<tbody>${indicatorRows(r, rows)}</tbody></table>
${referenceTable(r, rows)}
</section>`;
}

/** Published figures from outside this installation, labelled with their source; tested only where they give n. */
function referenceTable(r: Report, rows: Report['indicators']): string {
  const refs = referenceRows({ ...r, indicators: rows }).map(({ indicator: i, figure: f }) => ({ i, f }));
  if (!refs.length) return '';
  const body = refs
    .map(({ i, f }) => {
      const diff = f.difference === null ? '<td class="num supp">not shown</td>' : f.pValue === null ? `<td class="num">${f.difference > 0 ? '+' : ''}${f.difference.toFixed(1)} points<br><span class="note">${UNTESTED}</span></td>` : changeCell(i.direction, f.difference, { pValue: f.pValue }, ' points', 1);
      return `<tr><th scope="row">${esc(reportLabels(r).indicator(i.id))}</th><td>${esc(audienceWords(r).row(i.band))}</td><td>${esc(f.source)} ${esc(f.period)}</td><td class="num">${pc(f.percent)}${f.n === null ? '' : `<br><span class="note">of ${f.n}</span>`}</td>${diff}</tr>`;
    })
    .join('');
  return `<table class="reference"><caption>Published reference figures (from outside this system), beside ${esc(r.authority.name)}</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">${audienceWords(r).bandHead}</th><th scope="col">Source</th><th scope="col" class="num">Reference</th><th scope="col" class="num">Difference</th></tr></thead><tbody>${body}</tbody></table>`;
}

const compareColumn = (r: Report) => r.comparePeriod !== null;

/** "version 2", or "versions 1 and 2" when a round was answered in several. */
export function versionWords(q: Pick<NonNullable<Report['questionnaire']>, 'version' | 'versions'>): string {
  const vs = q.versions.length ? q.versions.map((v) => v.version) : [q.version];
  return vs.length === 1 ? `version ${vs[0]}` : `versions ${vs.slice(0, -1).join(', ')} and ${vs[vs.length - 1]}`;
}

const twoDp = (x: number) => x.toFixed(2);

/** Table rows of mean scores: figure, before/after, and (unless `benchmark` is false) other authorities. */
function scoreRows(r: Report, scores: Report['scores'], benchmark = true): string {
  const fmt = (mean: number | null, sd: number | null) => (mean === null ? '' : `${mean.toFixed(2)}${sd === null ? '' : ` <span class="note">(sd ${sd.toFixed(2)})</span>`}`);
  const interval = (ci: { low: number; high: number } | null) => (ci ? `<br><span class="note">${twoDp(ci.low)} to ${twoDp(ci.high)}</span>` : '');
  return scores
    .map((s) => {
      const own = s.suppressed ? `<td class="num supp" colspan="2">${fewer(r.minBase)}</td>` : `<td class="num">${s.n}</td><td class="num">${fmt(s.mean, s.sd)}${interval(s.ci)}</td>`;
      const prev = !compareColumn(r) ? '' : !s.previous ? '<td class="num supp">no figure</td><td></td>' : `<td class="num">${s.previous.mean === null ? `<span class="supp">${fewer(r.minBase)}</span>` : fmt(s.previous.mean, null)}</td>${changeCell(s.direction, s.previous.change, s.previous, '', 2)}`;
      const bench = !benchmark ? '' : !s.benchmark ? '<td class="num supp">none</td><td></td>' : `<td class="num">${s.benchmark.mean === null ? '<span class="supp">not shown</span>' : fmt(s.benchmark.mean, null)}</td>${changeCell(s.direction, s.benchmark.difference, s.benchmark, '', 2)}`;
      return `<tr><th scope="row">${esc(reportLabels(r).question(s.question))}${s.direction === 'lower' ? ' <span class="note">(lower is better)</span>' : ''}</th><td>${esc(audienceWords(r).row(s.band))}</td>${own}${prev}${bench}</tr>`;
    })
    .join('');
}

function scoreSection(r: Report): string {
  if (!r.scores.length) return '';
  const words = scoreWords(r);
  return `<section class="page-break" aria-labelledby="scores-h">
<h2 id="scores-h">${words.heading}</h2>
<p>${words.intro}</p>
<table><caption>${r.questionnaire ? 'Mean scores' : 'Average scores'}</caption><thead><tr><th scope="col">Question</th><th scope="col">${audienceWords(r).bandHead}</th>${figureHeads(r, 'Average (95% interval)')}</tr></thead><tbody>${scoreRows(r, r.scores)}</tbody></table>
${yearOnYearTable(r)}
</section>`;
}

/**
 * A core round's local questions, apart from the core figures (which every council shares): their own
 * indicators and mean scores, with before/after but no other authorities, as no other council asks them.
 */
export function localSection(full: Report): string {
  const sets = shownLocalQuestions(full);
  if (!sets.length) return '';
  const parts = sets.map((l) => {
    // Read as a report of the questionnaire itself, so its own words name the rows.
    const r: Report = { ...full, questionnaire: l, indicators: l.indicators, scores: l.scores, trend: l.trend };
    const indicators = l.indicators.length
      ? `<table><caption>${esc(l.title)}, ages ${esc(l.band)}: indicators</caption><thead><tr><th scope="col">Indicator</th><th scope="col">${audienceWords(r).bandHead}</th>${figureHeads(r, '% (95% interval)', false)}</tr></thead><tbody>${indicatorRows(r, l.indicators, false)}</tbody></table>`
      : '';
    const scores = l.scores.length
      ? `<table><caption>${esc(l.title)}, ages ${esc(l.band)}: mean scores</caption><thead><tr><th scope="col">Question</th><th scope="col">${audienceWords(r).bandHead}</th>${figureHeads(r, 'Mean (95% interval)', false)}</tr></thead><tbody>${scoreRows(r, l.scores, false)}</tbody></table>${yearOnYearTable(r)}`
      : '';
    const trend = trendFigures(r, null, 'trend-own-questions', `${l.title}, ages ${l.band}: indicators`);
    return `<h3>${esc(l.title)} <span class="note">(${esc(versionWords(l))}, ages ${esc(l.band)})</span></h3>\n${indicators}\n${scores}\n${trend}`;
  });
  return `<section class="page-break" id="own-questions" aria-labelledby="own-questions-h">
<h2 id="own-questions-h">Your own questions</h2>
<p>${esc(localQuestionsIntro(full.authority.name, sets))}</p>
${parts.join('\n')}
</section>`;
}

/** Rows of the year-on-year table: scores tested against the round compared with. */
export function yearOnYearRows(r: Report) {
  return r.scores.filter((s) => s.previous !== null && s.previous.t !== null && s.mean !== null && s.previous.mean !== null);
}

/** Mean scores this round and the round compared with, side by side, with Welch's t-test in full (t, df, p). */
function yearOnYearTable(r: Report): string {
  const rows = yearOnYearRows(r);
  if (!rows.length || !r.comparePeriod) return '';
  const body = rows
    .map((s) => {
      const p = s.previous!;
      return `<tr><th scope="row">${esc(reportLabels(r).question(s.question))}</th><td>${esc(audienceWords(r).row(s.band))}</td><td class="num">${twoDp(p.mean!)} <span class="note">(n ${p.n})</span></td><td class="num">${twoDp(s.mean!)} <span class="note">(n ${s.n})</span></td>${changeCell(s.direction, p.change, p, '', 2)}<td class="num">${twoDp(p.t!)}</td><td class="num">${p.df!.toFixed(1)}</td></tr>`;
    })
    .join('');
  return `<table class="year-on-year"><caption>Mean scores, ${esc(r.comparePeriod)} and ${esc(r.period)}, with Welch's t-test</caption>
<thead><tr><th scope="col">Question</th><th scope="col">${audienceWords(r).bandHead}</th><th scope="col" class="num">${esc(r.comparePeriod)}</th><th scope="col" class="num">${esc(r.period)}</th><th scope="col" class="num">Change</th><th scope="col" class="num">t</th><th scope="col" class="num">df</th></tr></thead><tbody>${body}</tbody></table>`;
}

function trendSection(r: Report): string {
  const { periods } = trendPeriods(r);
  if (periods.length < 2)
    return `<section aria-labelledby="trend-h"><h2 id="trend-h">Trends</h2><p>Trends appear once this authority has two or more survey rounds.</p></section>`;
  const parts = [...DOMAINS, null].map((domain) => {
    const figures = trendFigures(r, domain, `trend-${domain ?? 'own'}`, domainLabel(domain));
    return figures && `<h3>${esc(domainLabel(domain))}</h3>\n${figures}`;
  }).filter(Boolean);
  return `<section class="page-break" aria-labelledby="trend-h"><h2 id="trend-h">Trends</h2>
<p>Each indicator across this authority's survey rounds (shown where at least two rounds have enough answers).</p>
${parts.join('\n')}</section>`;
}

/** A domain's trend charts (one per band, ids from `id`) and their table, titled `title`; '' if no indicator has two rounds shown. */
function trendFigures(r: Report, domain: string | null, id: string, title: string): string {
  const series = trendSeries(r, domain);
  if (!series.length) return '';
  const { periods, provisional } = trendPeriods(r);
  const provisionalPeriods = new Set(provisional);
  const perBand = trendCharts(r, domain).map((c) => `<div class="chart" id="${id}-${c.band}">${c.svg}</div>`);
  const rows = series
    .map((t) => `<tr><th scope="row">${esc(reportLabels(r).indicator(t.id))}</th><td>${esc(audienceWords(r).row(t.band))}</td>${periods
      .map((p) => {
        const point = t.points.find((x) => x.period === p);
        return `<td class="num">${!point ? '<span class="supp">not asked</span>' : point.percent === null ? `<span class="supp">${fewer(r.minBase)}</span>` : pc(point.percent)}</td>`;
      })
      .join('')}</tr>`)
    .join('');
  return `<div class="chart-row">${perBand.join('')}</div>
<table><caption>${esc(title)} across survey rounds</caption><thead><tr><th scope="col">Indicator</th><th scope="col">${audienceWords(r).bandHead}</th>${periods.map((p) => `<th scope="col" class="num">${esc(p)}${provisionalPeriods.has(p) ? '<br><span class="note">provisional</span>' : ''}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function breakdownCellText(c: BreakdownCell, minBase: number): string {
  if (c.n === null) return c.reason === 'secondary' ? '<span class="supp">hidden*</span>' : `<span class="supp">${fewer(minBase)}</span>`;
  if (c.n === 0) return '<span class="supp">no answers</span>';
  if (c.fewerThan5) return `<span class="supp">fewer than 5 of ${c.n}</span>`;
  if (c.count === null) return `<span class="supp">${c.reason === 'secondary' ? 'hidden*' : 'small number'} (of ${c.n})</span>`;
  return `${pc(c.percent)} <span class="note">of ${c.n}</span>`;
}

function breakdownSection(r: Report): string {
  if (!r.breakdowns.length) return '';
  const groups = new Map<string, typeof r.breakdowns>();
  for (const b of r.breakdowns) {
    const key = `${b.band}\u0000${b.by}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(b);
  }
  const tables = [...groups.values()].map((list) => {
    const first = list[0]!;
    const scale = first.by === 'gender' && first.band === '16-25' ? 'gender_adult' : first.by;
    const head = first.cells.map((c) => `<th scope="col" class="num">${esc(optionLabel(scale, c.value))}</th>`).join('');
    const rows = list
      .map((b) => `<tr><th scope="row">${esc(reportLabels(r).indicator(b.indicator))}</th>${b.cells.map((c) => `<td class="num">${breakdownCellText(c, r.minBase)}</td>`).join('')}</tr>`)
      .join('');
    // Focusable, so the table can be scrolled from the keyboard on a narrow screen.
    const heading = audienceWords(r).heading(first.band);
    return `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(heading)} by ${esc(BY_NAMES[first.by] ?? first.by)}"><table class="breakdown"><caption>${esc(heading)}, by ${esc(BY_NAMES[first.by] ?? first.by)}</caption><thead><tr><th scope="col">Indicator</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
  });
  return `<section class="page-break" aria-labelledby="breakdowns-h"><h2 id="breakdowns-h">Breakdowns by gender and placement</h2>
<p>${breakdownNote(r)} <span class="note">* hidden so that a figure that is not shown cannot be worked out from the total.</span></p>
${tables.join('\n')}</section>`;
}

/** What a breakdown's hidden cells mean (HTML and Word). */
export function breakdownNote(r: Report): string {
  const { people } = audienceWords(r);
  return `The share of each group, out of those in the group who answered. Groups with ${fewer(r.minBase)} are not shown, and counts of 1 to 4 are shown as “fewer than 5”. “Small number (of 23)” means that 23 in the group answered, and between 1 and 4 of them gave (or did not give) the answer counted, so the exact share is hidden to keep those ${people} anonymous: it does not mean that few ${people} gave that answer.`;
}

function saidSection(r: Report): string {
  if (!r.said.length && !r.saidWithheld) return '';
  const groups = new Map<string, string[]>();
  for (const s of r.said) {
    const key = `${s.band}\u0000${s.question}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(s.text);
  }
  const parts = [...groups].map(([key, texts]) => {
    const [band, question] = key.split('\u0000') as [string, string];
    return `<h3>${esc(audienceWords(r).heading(band))}: ${esc(reportLabels(r).question(question))}</h3>\n${texts.map((t) => `<blockquote>${esc(t)}</blockquote>`).join('\n')}`;
  });
  return `<section class="page-break" aria-labelledby="said-h"><h2 id="said-h">What ${audienceWords(r).people} said</h2>
<p>In their own words, as written. Phone numbers, email addresses and postcodes have been removed.</p>
${r.saidWithheld ? `<p>${withheldNote(r.saidWithheld)}</p>\n` : ''}${parts.join('\n')}</section>`;
}

export function withheldNote(n: number): string {
  return `${n === 1 ? '1 answer is' : `${n} answers are`} not shown here: the safeguarding word list caught ${n === 1 ? 'it' : 'them'}, so ${n === 1 ? 'it is' : 'they are'} in the portal's safeguarding queue for someone to read and follow up.`;
}

export function methodsSection(r: Report): string {
  const words = audienceWords(r);
  const { people } = words;
  return `<section class="page-break" aria-labelledby="methods-h"><h2 id="methods-h">How to read this report</h2>
<h3>The figures</h3>
<p>Each indicator is the share of ${people} who answered a question (those who skipped it are left out) whose answer was in the positive set for that indicator, for example “all or most of the time”. Some indicators are worse when higher, such as feeling lonely; they are marked “lower is better”.</p>
<p>The 95% interval (Wilson score interval) shows the range the true figure is likely to lie in, given how many ${people} answered: the fewer answers, the wider it is. In the charts it is the black whisker on each bar.</p>
<p>Every chart's percent axis runs from 0 to 100, so charts can be compared by eye. In the trend charts the survey rounds sit on a time axis (a two-year gap looks twice as long as a one-year gap), each indicator keeps its colour, marker and line style in every chart, and a hollow point with * on its year marks a round still open (provisional: its figures may change).</p>
<h3>Comparisons</h3>
<p>“Change” compares this round with ${r.comparePeriod ? `this authority's ${esc(r.comparePeriod)} round` : "the authority's latest earlier round (there is none yet)"}, in percentage points. “Other authorities” pools the answers of every other authority in the same survey round whose round had closed before ${esc(r.benchmarkRounds.closedBefore)}, when this report was made${
    r.benchmarkRounds.openLeftOut ? ` (${r.benchmarkRounds.openLeftOut} other ${r.benchmarkRounds.openLeftOut === 1 ? "authority's round was" : "authorities' rounds were"} still open and ${r.benchmarkRounds.openLeftOut === 1 ? 'is' : 'are'} left out)` : ''
  }: a round still open is never pooled, so the figure does not move as answers arrive and cannot be used to work out one ${words.one}'s answers. An authority whose own figure is too small to show is left out of the pool, and a pool of fewer than two authorities is not shown.</p>
<p>A difference is called significant when a two-sided test gives p below 0.05, meaning a difference this large would arise by chance less than one time in twenty if nothing had really changed. Shares are tested with a two-proportion z-test (pooled); average scores with Welch's t-test (unequal variances; degrees of freedom by the Welch-Satterthwaite formula). An average's 95% interval is the mean ± t·sd/√n, with t the 97.5% point of Student's t on n − 1 degrees of freedom.</p>${
    r.questionnaire
      ? `
<h3>Versions of the questionnaire</h3>
<p>This round was answered in ${esc(versionWords(r.questionnaire))} of ${esc(r.questionnaire.title)}. A figure is compared with an earlier round, shown in the trends, or set beside other authorities only where the question was asked in exactly the same words, with the same answers counted; other councils are pooled only where their round was answered in the same version. A question that changed between versions is a new question, and its figures start again.</p>`
      : ''
  }
<h3>Many comparisons at once</h3>
<p>This report makes dozens of comparisons with the last round and as many with other authorities. Even if nothing had changed at all, about one in twenty of them would have p below 0.05 by chance alone: with 55 comparisons, about three. So each comparison also has a q-value (Benjamini-Hochberg's adjustment, made separately for the comparisons with the last round and for those with other authorities). Among results with q below 0.05, no more than about one in twenty is expected to be chance. The summary lists as changes only results with q below 0.05; results with p below 0.05 whose q is 0.05 or more are listed apart as “may be chance”: worth watching, not acting on alone. In the tables, “significantly better” or “worse” means q below 0.05; “may be chance” means p below 0.05 only.</p>
<h3>Keeping ${people} anonymous</h3>
<p>No figure is shown when fewer than ${r.minBase} ${people} answered the question (“${fewer(r.minBase)}”), and no comparison is shown that would reveal such a figure. In breakdowns, counts of 1 to 4 are shown as “fewer than 5”, and “small number (of 23)” marks a group of 23 where 1 to 4 ${people} were on one side of the answer, so its share is hidden (it says nothing about how many gave the answer); and where hiding one group could be undone by taking the others from the total, a second group is hidden too (marked *). ${words.People}'s own words are shown as written, with phone numbers, email addresses and postcodes removed, and only in this authority's own report.</p>
<h3>Response rates</h3>
<p>${
    !words.children
      ? `The response rate is the number of answers against the number of ${words.populationOf} the authority entered. Below 30%, results may not represent all of them well.`
      : 'The response rate is the number of answers against the number of looked-after children the authority recorded for each age band. Below 30%, results may not represent all children in care well.'
  }</p>
</section>`;
}
