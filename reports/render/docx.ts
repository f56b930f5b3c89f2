// The report as an editable Word document (`--format docx`), for the
// officer who pastes it into the board's paper: the same sections, tables
// and words as the HTML report, with its charts as pictures (the same SVG,
// drawn to PNG by resvg, as Word and LibreOffice both show PNG). Prose
// that the HTML report already words (how to read it, warnings) is taken
// from it as plain text, so the two never say different things.
import { createRequire } from 'node:module';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DOMAINS, INDICATORS } from '../../surveys/index.js';
import { BY_NAMES, PROGRAMME_NAMES, STATUS_NAMES, audienceWords, bandName, domainLabel, optionLabel, reportLabels, scoreWords } from '../labels.js';
import type { Report, ReportAction } from '../schema.js';
import {
  PROVISIONAL,
  answeredBandsOnly,
  breakdownCellText,
  breakdownNote,
  fewer,
  localSection,
  methodsSection,
  pValue,
  pc,
  qValue,
  silentBands,
  versionWords,
  withheldNote,
  wrongPopulations,
  yearOnYearRows,
} from './html.js';
import { domainChart, trendCharts, trendPeriods, trendSeries } from './report-charts.js';
import { UNTESTED, changeWords, referenceRows, shownLocalQuestions, summarise, type SummaryLine, type Tested } from './summary.js';

/** Text of a fragment of the HTML report: tags dropped, entities read. */
export function plain(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML report's headings and paragraphs of a section, as Word paragraphs. */
function prose(html: string): Paragraph[] {
  return [...html.matchAll(/<(h3|p)[^>]*>([\s\S]*?)<\/\1>/g)].map(([, tag, inner]) =>
    tag === 'h3' ? new Paragraph({ text: plain(inner!), heading: HeadingLevel.HEADING_3 }) : new Paragraph({ text: plain(inner!), spacing: { after: 120 } }),
  );
}

const h1 = (text: string) => new Paragraph({ text, heading: HeadingLevel.TITLE });
// Headings are kept with what follows, so none is left alone at the foot of a page.
const h2 = (text: string, pageBreak = true) => new Paragraph({ text, heading: HeadingLevel.HEADING_1, pageBreakBefore: pageBreak, keepNext: true });
const h3 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, keepNext: true });
const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 120 } });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

/** A4 less Word's default 1-inch margins, in twentieths of a point (what table widths are given in). */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;

/**
 * A table with a header row; every cell text, numbers right-aligned. Columns get fixed widths in
 * proportion to `weights` (default: the first, the row's name, twice as wide as each other): left to
 * itself, LibreOffice gave nine columns equal widths and wrapped an indicator's name onto four lines.
 */
function table(head: string[], rows: string[][], numeric: (column: number) => boolean = (c) => c > 0, weights?: number[]): Table {
  const w = weights ?? head.map((_, c) => (c === 0 ? 2 : 1));
  const total = w.reduce((a, b) => a + b, 0);
  const widths = w.map((x) => Math.floor((TEXT_WIDTH_TWIPS * x) / total));
  const cell = (text: string, column: number, header: boolean) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      children: text.split('\n').map(
        (line) => new Paragraph({ alignment: numeric(column) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: header, size: 17 })] }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, c) => cell(h, c, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, c) => cell(t, c, false)) })),
    ],
  });
}

/** Page width between margins, in the pixels docx sizes pictures by (96 per inch). */
const PICTURE_WIDTH = 600;
/** The tallest picture that fits on a page under its section's heading (A4 less margins is 930). */
const PICTURE_HEIGHT = 820;
/** A trend panel's width: two sit side by side, as in the HTML report. */
const PANEL_WIDTH = 295;

/**
 * resvg, a native module, loaded with the first chart drawn. Required rather
 * than imported: the server's bundle (scripts/build-server.mjs) puts every
 * import of an outside package at its top, which would load it at each start.
 */
let resvg: typeof import('@resvg/resvg-js') | undefined;
const loadResvg = () => (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js'));

/** A chart drawn to PNG (at twice its size, so it prints sharp) within `maxWidth` and the page's height. */
function image(svg: string, description: string, maxWidth: number): ImageRun {
  const { Resvg } = loadResvg();
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 2 * maxWidth }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
  const width = Math.min(maxWidth, png.width / 2, (PICTURE_HEIGHT * png.width) / png.height);
  return new ImageRun({
    type: 'png',
    data: png.asPng(),
    transformation: { width: Math.round(width), height: Math.round((width * png.height) / png.width) },
    altText: { name: 'chart', title: 'Chart', description },
  });
}

/** One chart on its own line, kept with what follows (its table). */
function picture(svg: string, description: string): Paragraph {
  return new Paragraph({ keepNext: true, children: [image(svg, description, PICTURE_WIDTH)] });
}

/** Small multiples (a panel per age band), side by side in one paragraph, two to a line. */
function panels(charts: { svg: string; label: string }[]): Paragraph {
  return new Paragraph({ keepNext: true, children: charts.flatMap((c, k) => [...(k % 2 ? [new TextRun(' ')] : []), image(c.svg, c.label, PANEL_WIDTH)]) });
}

function change(direction: 'higher' | 'lower', delta: number | null, t: Tested, unit: string, digits: number): string {
  if (delta === null) return 'not shown';
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '▬';
  const q = t.qValue === null || t.qValue === undefined ? '' : `, ${qValue(t.qValue)}`;
  return `${arrow} ${delta > 0 ? '+' : ''}${delta.toFixed(digits)}${unit}\n${changeWords(direction, delta, t)}, ${pValue(t.pValue)}${q}`;
}

function lines(list: SummaryLine[], none: string): Paragraph[] {
  return list.length ? list.map((l) => bullet(`${l.up ? '▲' : '▼'} ${l.text}`)) : [para(none, { italics: true })];
}

function summary(r: Report): Paragraph[] {
  const s = summarise(r);
  const words = audienceWords(r);
  const rates = Object.entries(r.responseRate.byBand)
    .filter(([, v]) => v && v.rate !== null)
    .map(([band, v]) => `${v!.rate!.toFixed(0)}% responded, ${words.band(band)}${v!.low ? ' (under 30%)' : ''}`);
  const out = [h2('Summary', false), para([`${r.responses.total} ${words.answered} answered`, ...rates].join('. ') + '.', { bold: true })];
  for (const warning of [silentBands(r), wrongPopulations(r)]) if (warning) out.push(para(plain(warning)));
  if (r.comparePeriod) {
    out.push(h3(`What got better since ${r.comparePeriod}`), ...lines(s.better, 'No indicator improved by more than chance could explain.'));
    out.push(h3(`What got worse since ${r.comparePeriod}`), ...lines(s.worse, 'No indicator got worse by more than chance could explain.'));
    out.push(para(`${s.compared} figures could be compared with ${r.comparePeriod}; ${s.notSignificant} of them changed by no more than chance could explain, so they are not listed.`));
  } else out.push(para('This is the first survey round for this authority, so there is nothing earlier to compare with yet.'));
  out.push(h3('Significantly different from other authorities'));
  out.push(...lines(s.aboveOthers, 'Nothing was significantly better than in other authorities.'), ...lines(s.belowOthers, 'Nothing was significantly worse than in other authorities.'));
  if (s.mayBeChance.length) {
    out.push(h3('May be chance'));
    out.push(para(`These differ by enough to be significant on their own (p below 0.05), but this report makes ${s.compared} comparisons with the last round and as many with other authorities, and some results that large are expected by chance alone. Watch them; do not act on them alone.`));
    out.push(...s.mayBeChance.map((l) => bullet(`${l.text} (${words.verdict(l.good)}, if real)`)));
  }
  return out;
}

function responses(r: Report): (Paragraph | Table)[] {
  const words = audienceWords(r);
  return [
    h2('Who answered'),
    table(
      [words.bandHead, 'Responses', words.population, 'Response rate'],
      [
        ...Object.entries(r.responses.byBand).map(([band, n]) => {
          const rate = r.responseRate.byBand[band];
          const shown = rate?.populationLooksWrong ? 'population looks wrong' : rate && rate.rate !== null ? `${rate.rate.toFixed(1)}%${rate.low ? ' (under 30%)' : ''}` : '';
          return [words.row(band), String(n), rate ? String(rate.population) : 'not entered', shown];
        }),
        ['All', String(r.responses.total), '', ''],
      ],
    ),
  ];
}

function actions(r: Report): (Paragraph | Table)[] {
  if (!r.actions.length) return [];
  const side = (s: ReportAction['before']) => (!s ? 'no answers' : s.percent === null ? fewer(r.minBase) : `${pc(s.percent)} of ${s.n}`);
  return [
    h2('What we said we would do, and what changed'),
    table(
      ['Indicator', 'What we said we would do', 'Made at', 'Before', `After (${r.period})`, 'Change'],
      r.actions.map((a) => [
        `${reportLabels(r).indicator(a.indicator)} (${bandName(a.band)})`,
        `${a.pledge}\n${a.owner}, by ${a.due} · ${STATUS_NAMES[a.status] ?? a.status}`,
        a.madeAt,
        side(a.before),
        side(a.after),
        change(INDICATORS.find((i) => i.id === a.indicator)?.direction ?? 'higher', a.change, { pValue: a.pValue }, ' points', 1),
      ]),
      (c) => c > 2,
      [2.2, 3, 0.8, 1.2, 1.2, 2],
    ),
  ];
}

/** Indicator, ages, answered, figure, [before, change,] [others, difference]: the change cells hold words and p- and q-values. */
const FIGURE_WEIGHTS = (compare: boolean, benchmark = true) => [2.8, 1, 1.3, 1.5, ...(compare ? [1.1, 2.1] : []), ...(benchmark ? [1.2, 2.1] : [])];

/** The header after the first column: ages, answered, the figure, the round compared with, and (unless `benchmark` is false) other authorities. */
const figureHead = (r: Report, figure: string, benchmark = true) => [audienceWords(r).bandHead, 'Answered', figure, ...(r.comparePeriod !== null ? [r.comparePeriod, 'Change'] : []), ...(benchmark ? ['Other authorities', 'Difference'] : [])];

function indicatorRows(r: Report, rows: Report['indicators'], benchmark = true): string[][] {
  const compare = r.comparePeriod !== null;
  return rows.map((i) => {
    const p = i.previous;
    const b = i.benchmark;
    return [
      `${reportLabels(r).indicator(i.id)}${i.direction === 'lower' ? ' (lower is better)' : ''}`,
      audienceWords(r).row(i.band),
      i.suppressed ? fewer(r.minBase) : String(i.n),
      i.suppressed ? '' : `${pc(i.percent)}\n${pc(i.ci!.low)} to ${pc(i.ci!.high)}`,
      ...(compare ? (!p ? ['no figure', ''] : [p.percent === null ? fewer(r.minBase) : pc(p.percent), change(i.direction, p.change, p, ' points', 1)]) : []),
      ...(!benchmark ? [] : !b ? ['none', ''] : [b.percent === null ? 'not shown' : pc(b.percent), change(i.direction, b.difference, b, ' points', 1)]),
    ];
  });
}

function domain(r: Report, d: string | null): (Paragraph | Table)[] {
  const rows = r.indicators.filter((i) => i.domain === d);
  const chart = domainChart(r, d);
  if (!rows.length || !chart) return [];
  return [
    h2(domainLabel(d)),
    picture(chart.svg, chart.label),
    table(['Indicator', ...figureHead(r, '% (95% interval)')], indicatorRows(r, rows), (c) => c > 1, FIGURE_WEIGHTS(r.comparePeriod !== null)),
    ...reference(r, rows),
  ];
}

/** Published figures from outside this installation, as the HTML report shows them: labelled with their source, tested only where they give n. */
function reference(r: Report, rows: Report['indicators']): (Paragraph | Table)[] {
  const refs = referenceRows({ ...r, indicators: rows });
  if (!refs.length) return [];
  return [
    para(`Published reference figures (from outside this system), beside ${r.authority.name}`, { bold: true }),
    table(
      ['Indicator', audienceWords(r).bandHead, 'Source', 'Reference', 'Difference'],
      refs.map(({ indicator: i, figure: f }) => [
        reportLabels(r).indicator(i.id),
        audienceWords(r).row(i.band),
        `${f.source} ${f.period}`,
        `${pc(f.percent)}${f.n === null ? '' : `\nof ${f.n}`}`,
        f.difference === null
          ? 'not shown'
          : f.pValue === null
            ? `${f.difference > 0 ? '+' : ''}${f.difference.toFixed(1)} points\n${UNTESTED}`
            : change(i.direction, f.difference, { pValue: f.pValue }, ' points', 1),
      ]),
      (c) => c > 2,
      [3, 0.9, 2, 1.2, 2.1],
    ),
  ];
}

function scoreRows(r: Report, scores: Report['scores'], benchmark = true): string[][] {
  const compare = r.comparePeriod !== null;
  const mean = (m: number | null) => (m === null ? '' : m.toFixed(2));
  return scores.map((s) => [
    `${reportLabels(r).question(s.question)}${s.direction === 'lower' ? ' (lower is better)' : ''}`,
    audienceWords(r).row(s.band),
    s.suppressed ? fewer(r.minBase) : String(s.n),
    s.suppressed ? '' : `${mean(s.mean)}${s.sd === null ? '' : ` (sd ${s.sd.toFixed(2)})`}${s.ci ? `\n${mean(s.ci.low)} to ${mean(s.ci.high)}` : ''}`,
    ...(compare ? (!s.previous ? ['no figure', ''] : [s.previous.mean === null ? fewer(r.minBase) : mean(s.previous.mean), change(s.direction, s.previous.change, s.previous, '', 2)]) : []),
    ...(!benchmark ? [] : !s.benchmark ? ['none', ''] : [s.benchmark.mean === null ? 'not shown' : mean(s.benchmark.mean), change(s.direction, s.benchmark.difference, s.benchmark, '', 2)]),
  ]);
}

function scores(r: Report): (Paragraph | Table)[] {
  if (!r.scores.length) return [];
  return [
    h2(scoreWords(r).heading),
    para(scoreWords(r).intro),
    table(['Question', ...figureHead(r, 'Average (95% interval)')], scoreRows(r, r.scores), (c) => c > 1, FIGURE_WEIGHTS(r.comparePeriod !== null)),
    ...yearOnYear(r),
  ];
}

/** A core round's local questions, as the HTML report's "Your own questions": no other authorities, as no other council asks them. */
function local(full: Report): (Paragraph | Table)[] {
  const sets = shownLocalQuestions(full);
  if (!sets.length) return [];
  const compare = full.comparePeriod !== null;
  return [
    h2('Your own questions'),
    // The HTML report's words for what the section is.
    ...prose(localSection(full)).slice(0, 1),
    ...sets.flatMap((l) => {
      const r: Report = { ...full, questionnaire: l, indicators: l.indicators, scores: l.scores, trend: l.trend };
      const trend = trendFigures(r, null);
      return [
        h3(`${l.title} (${versionWords(l)}, ages ${l.band})`),
        ...(l.indicators.length ? [table(['Indicator', ...figureHead(r, '% (95% interval)', false)], indicatorRows(r, l.indicators, false), (c) => c > 1, FIGURE_WEIGHTS(compare, false))] : []),
        ...(l.scores.length ? [table(['Question', ...figureHead(r, 'Mean (95% interval)', false)], scoreRows(r, l.scores, false), (c) => c > 1, FIGURE_WEIGHTS(compare, false)), ...yearOnYear(r)] : []),
        ...(trend.length ? [h3(`${l.title}, ages ${l.band}: indicators across survey rounds`), ...trend] : []),
      ];
    }),
  ];
}

/** The year-on-year table of mean scores with Welch's t-test in full, as in the HTML report. */
function yearOnYear(r: Report): (Paragraph | Table)[] {
  const rows = yearOnYearRows(r);
  if (!rows.length || !r.comparePeriod) return [];
  const mean = (m: number, n: number | null) => `${m.toFixed(2)} (n ${n})`;
  return [
    h3(`Mean scores, ${r.comparePeriod} and ${r.period}, with Welch's t-test`),
    table(
      ['Question', audienceWords(r).bandHead, r.comparePeriod, r.period, 'Change', 't', 'df'],
      rows.map((s) => [
        reportLabels(r).question(s.question),
        audienceWords(r).row(s.band),
        mean(s.previous!.mean!, s.previous!.n),
        mean(s.mean!, s.n),
        change(s.direction, s.previous!.change, s.previous!, '', 2),
        s.previous!.t!.toFixed(2),
        s.previous!.df!.toFixed(1),
      ]),
      (c) => c > 1,
    ),
  ];
}

function trends(r: Report): (Paragraph | Table)[] {
  const { periods } = trendPeriods(r);
  if (periods.length < 2) return [h2('Trends'), para('Trends appear once this authority has two or more survey rounds.')];
  const out: (Paragraph | Table)[] = [h2('Trends'), para("Each indicator across this authority's survey rounds (shown where at least two rounds have enough answers).")];
  for (const d of [...DOMAINS, null]) {
    const figures = trendFigures(r, d);
    if (figures.length) out.push(h3(domainLabel(d)), ...figures);
  }
  return out;
}

/** A domain's trend charts and their table, as in the HTML report; none if no indicator has two rounds shown. */
function trendFigures(r: Report, domain: string | null): (Paragraph | Table)[] {
  const series = trendSeries(r, domain);
  if (!series.length) return [];
  const { periods, provisional } = trendPeriods(r);
  return [
    panels(trendCharts(r, domain)),
    table(
      ['Indicator', audienceWords(r).bandHead, ...periods.map((p) => `${p}${provisional.includes(p) ? ' (provisional)' : ''}`)],
      series.map((t) => [
        reportLabels(r).indicator(t.id),
        audienceWords(r).row(t.band),
        ...periods.map((p) => {
          const point = t.points.find((x) => x.period === p);
          return !point ? 'not asked' : point.percent === null ? fewer(r.minBase) : pc(point.percent);
        }),
      ]),
      (c) => c > 1,
    ),
  ];
}

function breakdowns(r: Report): (Paragraph | Table)[] {
  if (!r.breakdowns.length) return [];
  const groups = new Map<string, Report['breakdowns']>();
  for (const b of r.breakdowns) {
    const key = `${b.band}\u0000${b.by}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(b);
  }
  const out: (Paragraph | Table)[] = [
    h2('Breakdowns by gender and placement'),
    para(
      `${breakdownNote(r)} * hidden so that a figure that is not shown cannot be worked out from the total.`,
    ),
  ];
  for (const list of groups.values()) {
    const first = list[0]!;
    const scale = first.by === 'gender' && first.band === '16-25' ? 'gender_adult' : first.by;
    out.push(h3(`${audienceWords(r).heading(first.band)}, by ${BY_NAMES[first.by] ?? first.by}`));
    out.push(
      table(
        ['Indicator', ...first.cells.map((c) => optionLabel(scale, c.value))],
        list.map((b) => [reportLabels(r).indicator(b.indicator), ...b.cells.map((c) => plain(breakdownCellText(c, r.minBase)))]),
      ),
    );
  }
  return out;
}

function said(r: Report): Paragraph[] {
  if (!r.said.length && !r.saidWithheld) return [];
  const out = [h2(`What ${audienceWords(r).people} said`), para('In their own words, as written. Phone numbers, email addresses and postcodes have been removed.')];
  if (r.saidWithheld) out.push(para(withheldNote(r.saidWithheld)));
  let heading = '';
  for (const s of r.said) {
    const here = `${audienceWords(r).heading(s.band)}: ${reportLabels(r).question(s.question)}`;
    if (here !== heading) out.push(h3((heading = here)));
    out.push(new Paragraph({ children: [new TextRun({ text: s.text, italics: true })], indent: { left: 360 }, spacing: { after: 120 } }));
  }
  return out;
}

export async function renderDocx(full: Report): Promise<Buffer> {
  const r = answeredBandsOnly(full);
  const title = r.questionnaire
    ? `${r.questionnaire.title}: ${r.authority.name}`
    : `How ${r.programme === 'ylbc' ? 'care leavers' : 'children in care'} in ${r.authority.name} say their lives are going`;
  const doc = new Document({
    title: `Hear Me ${r.period}: ${r.authority.name}`,
    creator: 'Hear Me',
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [
      {
        children: [
          h1(title),
          para(`${PROGRAMME_NAMES[r.programme] ?? r.programme}${r.questionnaire ? ` ${versionWords(r.questionnaire)}` : ''} · survey round ${r.period}${r.comparePeriod ? ` · compared with ${r.comparePeriod}` : ''} · ${r.authority.code}`),
          ...(r.provisional ? [para(`${PROVISIONAL}. Every figure here may change as more answers arrive.`, { bold: true })] : []),
          ...summary(r),
          ...responses(r),
          ...actions(r),
          ...[...DOMAINS, null].flatMap((d) => domain(r, d)),
          ...scores(r),
          ...local(r),
          ...trends(r),
          ...breakdowns(r),
          ...said(r),
          h2('How to read this report'),
          ...prose(methodsSection(r)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
