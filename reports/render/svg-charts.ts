// The report's charts as plain SVG, drawn here on the server: the same
// picture in the HTML report, in print and (as PNG) in the Word report,
// with no script to run. Rules that keep them honest:
// - percent axes always run 0 to 100, so panels can be compared by eye;
// - years sit on a time axis (2020, 2022, 2024, 2025 are spaced 2, 2, 1);
// - an indicator keeps its colour, marker and dash in every panel;
// - labels wrap onto whole lines, never cut;
// - a point of a round still open is hollow and its year says "provisional".

/** Bar colours, named for what they show (the HTML key uses the same). */
export const BAR_COLOURS = { before: '#6f72af', here: '#1d70b8', others: '#b35a00' } as const;

/** Line colours: told apart also by marker and dash, for colour-blind readers and grey print. */
const PALETTE = ['#1d70b8', '#b35a00', '#00703c', '#912b88', '#a8400a', '#4c2c92', '#28a197', '#505a5f', '#5694ca', '#85994b'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
const DASHES = ['', '6 3', '2 2'];

const FONT = 12;
const LINE = 15;
/** Average width of a character of the report's sans-serif at 12 px (wide side, so wrapped lines fit). */
const CHAR = 7;
const INK = '#1b1b1b';
const GRID = '#b1b4b6';

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Words onto lines of at most `width` pixels; a word longer than a line keeps a line of its own, whole. */
export function wrap(text: string, width: number): string[] {
  const max = Math.max(8, Math.floor(width / CHAR));
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines;
}

/** A <text> of whole lines, one <tspan> each. */
function textLines(lines: string[], x: number, y: number, attrs = ''): string {
  return `<text x="${x}" y="${y}" font-size="${FONT}" fill="${INK}"${attrs}>${lines
    .map((l, k) => `<tspan x="${x}" dy="${k === 0 ? 0 : LINE}">${xml(l)}</tspan>`)
    .join('')}</text>`;
}

function svg(width: number, height: number, label: string, body: string, kind: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" data-chart="${kind}" role="img" aria-label="${xml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif"><rect width="${width}" height="${height}" fill="#fff"/>${body}</svg>`;
}

interface LegendItem {
  label: string;
  swatch: (x: number, y: number) => string;
}

/** Legend items one under another, each label wrapped whole beside its swatch; returns the markup and height. */
function legend(items: LegendItem[], x: number, y: number, width: number): { markup: string; height: number } {
  let at = y;
  const parts = items.map((item) => {
    const lines = wrap(item.label, width - 28);
    const part = `<g class="legend-item">${item.swatch(x, at + 4)}${textLines(lines, x + 24, at + FONT)}</g>`;
    at += lines.length * LINE + 4;
    return part;
  });
  return { markup: `<g class="legend">${parts.join('')}</g>`, height: at - y };
}

export interface BarSeries {
  label: string;
  colour: keyof typeof BAR_COLOURS;
  data: (number | null)[];
  /** 95% interval per row, drawn as a whisker. */
  ci?: ([number, number] | null)[];
  /** Rows whose round is still open: the bar is drawn hollow and keyed as provisional. */
  provisional?: boolean[];
}

/** The bars' key for a round still open (its row is marked *; the trend charts key hollow points alike). */
const PROVISIONAL_KEY = '* hollow bar: provisional, the round is still open';

/**
 * Horizontal bars, one group per row, on a 0-100 axis; `line` marks a threshold across every row
 * (the 30% response rate), and `axis` names what the percent is of.
 */
export function barChartSvg(spec: { label: string; rows: string[]; series: BarSeries[]; width?: number; line?: { at: number; label: string }; axis?: string }): string {
  const width = spec.width ?? 680;
  const labelWidth = 250;
  const left = labelWidth + 12;
  const plot = width - left - 20;
  const bar = 11;
  const top = 10;
  const x = (p: number) => left + (plot * p) / 100;
  const parts: string[] = [];
  let y = top;
  spec.rows.forEach((row, r) => {
    const lines = wrap(row, labelWidth);
    const height = Math.max(lines.length * LINE, spec.series.length * (bar + 2)) + 10;
    parts.push(`<g class="bar-row">${textLines(lines, labelWidth, y + FONT + 2, ' text-anchor="end"')}`);
    const barsTop = y + (height - spec.series.length * (bar + 2)) / 2;
    spec.series.forEach((s, k) => {
      const value = s.data[r];
      const by = barsTop + k * (bar + 2);
      if (value === null || value === undefined) return;
      const open = s.provisional?.[r] === true;
      const paint = open ? `fill="#fff" stroke="${BAR_COLOURS[s.colour]}" stroke-width="2"` : `fill="${BAR_COLOURS[s.colour]}"`;
      parts.push(
        `<rect class="bar" data-provisional="${open}" x="${left}" y="${by}" width="${((plot * value) / 100).toFixed(1)}" height="${bar}" ${paint}><title>${xml(`${s.label}: ${value}%${open ? ' (provisional)' : ''}`)}</title></rect>`,
      );
      const ci = s.ci?.[r];
      if (ci) {
        const [lo, hi] = [x(ci[0]), x(ci[1])];
        const mid = by + bar / 2;
        parts.push(`<path d="M${lo} ${mid}H${hi}M${lo} ${mid - 4}V${mid + 4}M${hi} ${mid - 4}V${mid + 4}" stroke="#0b0c0c" stroke-width="1.5" fill="none"/>`);
      }
    });
    parts.push('</g>');
    y += height;
  });
  const axisY = y + 4;
  parts.push(percentAxisX(left, plot, top, axisY, spec.axis ?? '% of children who answered'));
  const THRESHOLD = '#d4351c';
  if (spec.line)
    parts.push(`<line class="threshold" x1="${x(spec.line.at)}" y1="${top}" x2="${x(spec.line.at)}" y2="${axisY}" stroke="${THRESHOLD}" stroke-width="2" stroke-dasharray="6 4"/>`);
  const key = legend(
    [
      ...spec.series.map((s) => ({ label: s.label, swatch: (lx: number, ly: number) => `<rect x="${lx}" y="${ly}" width="16" height="10" fill="${BAR_COLOURS[s.colour]}"/>` })),
      ...(spec.series.some((s) => s.ci) ? [{ label: '95% interval', swatch: (lx: number, ly: number) => `<path d="M${lx} ${ly + 5}H${lx + 16}M${lx} ${ly}V${ly + 10}M${lx + 16} ${ly}V${ly + 10}" stroke="#0b0c0c" stroke-width="1.5"/>` }] : []),
      ...(spec.series.some((s) => s.provisional?.some(Boolean))
        ? [{ label: PROVISIONAL_KEY, swatch: (lx: number, ly: number) => `<rect x="${lx + 1}" y="${ly + 1}" width="14" height="9" fill="#fff" stroke="${INK}" stroke-width="2"/>` }]
        : []),
      ...(spec.line ? [{ label: spec.line.label, swatch: (lx: number, ly: number) => `<path d="M${lx + 8} ${ly - 2}V${ly + 12}" stroke="${THRESHOLD}" stroke-width="2" stroke-dasharray="4 2"/>` }] : []),
    ],
    left,
    axisY + 40,
    plot,
  );
  parts.push(key.markup);
  return svg(width, axisY + 40 + key.height + 6, spec.label, parts.join(''), 'bars');
}

/** The 0-100 axis under bars, with grid lines every 20. */
function percentAxisX(left: number, plot: number, top: number, axisY: number, title: string): string {
  const ticks = [0, 20, 40, 60, 80, 100].map((t) => {
    const tx = left + (plot * t) / 100;
    return `<line x1="${tx}" y1="${top}" x2="${tx}" y2="${axisY}" stroke="${GRID}" stroke-width="${t === 0 ? 1.5 : 0.5}"/><text x="${tx}" y="${axisY + 14}" font-size="${FONT}" fill="${INK}" text-anchor="middle" class="tick">${t}</text>`;
  });
  return `<g class="axis axis-x" data-min="0" data-max="100">${ticks.join('')}<text x="${left + plot / 2}" y="${axisY + 30}" font-size="${FONT}" fill="${INK}" text-anchor="middle">${xml(title)}</text></g>`;
}

/** Where a survey period sits in time: "2024" and "2024-25" both start in 2024. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

export interface TrendSeries {
  label: string;
  /** Fixed per indicator (see indicatorStyle), so it looks the same in every panel and page. */
  style: number;
  data: (number | null)[];
  /** 95% interval per round, drawn as a vertical whisker through the point. */
  ci?: ([number, number] | null)[];
}

/** Lines over time for one panel: years on a time axis, 0-100%, hollow points for rounds still open. */
export function trendChartSvg(spec: { label: string; title: string; periods: string[]; provisional: string[]; series: TrendSeries[]; width?: number }): string {
  const width = spec.width ?? 340;
  const left = 40;
  const right = 20;
  const top = 28;
  const plotH = 160;
  const plotW = width - left - right;
  const years = spec.periods.map(periodYear);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = Math.max(1, last - first);
  const xOf = (period: string) => left + (plotW * (periodYear(period) - first)) / span;
  const yOf = (p: number) => top + plotH - (plotH * p) / 100;
  const bottom = top + plotH;
  const parts: string[] = [`<text x="${width / 2}" y="16" font-size="13" font-weight="bold" fill="${INK}" text-anchor="middle" class="title">${xml(spec.title)}</text>`];

  const yTicks = [0, 20, 40, 60, 80, 100].map(
    (t) => `<line x1="${left}" y1="${yOf(t)}" x2="${left + plotW}" y2="${yOf(t)}" stroke="${GRID}" stroke-width="${t === 0 ? 1.5 : 0.5}"/><text x="${left - 6}" y="${yOf(t) + 4}" font-size="${FONT}" fill="${INK}" text-anchor="end" class="tick">${t}</text>`,
  );
  parts.push(`<g class="axis axis-y" data-min="0" data-max="100">${yTicks.join('')}<text x="${left - 6}" y="${top - 8}" font-size="11" fill="${INK}" text-anchor="end">%</text></g>`);

  // Every year of the span gets a tick, so the gaps between rounds show; rounds are labelled.
  const xTicks: string[] = [];
  for (let year = first; year <= last; year++) {
    const tx = left + (plotW * (year - first)) / span;
    const round = spec.periods.find((p) => periodYear(p) === year);
    xTicks.push(`<line x1="${tx}" y1="${bottom}" x2="${tx}" y2="${bottom + (round ? 6 : 3)}" stroke="${INK}"/>`);
    if (round) {
      const open = spec.provisional.includes(round);
      xTicks.push(
        `<text x="${tx}" y="${bottom + 19}" font-size="${FONT}" fill="${INK}" text-anchor="middle" class="tick" data-period="${xml(round)}">${xml(round)}${open ? '*' : ''}</text>`,
      );
    }
  }
  parts.push(`<g class="axis axis-x" data-first="${first}" data-last="${last}">${xTicks.join('')}</g>`);

  for (const s of spec.series) {
    const colour = PALETTE[s.style % PALETTE.length]!;
    const dash = DASHES[s.style % DASHES.length]!;
    // Points joined only between neighbouring shown rounds; a gap (a figure not shown) stays a gap.
    const segs: string[] = [];
    spec.periods.forEach((p, k) => {
      const a = s.data[k - 1];
      const b = s.data[k];
      if (k === 0 || a === null || a === undefined || b === null || b === undefined) return;
      const open = spec.provisional.includes(p);
      segs.push(
        `<line x1="${xOf(spec.periods[k - 1]!)}" y1="${yOf(a)}" x2="${xOf(p)}" y2="${yOf(b)}" stroke="${colour}" stroke-width="2"${dash || open ? ` stroke-dasharray="${open ? '3 3' : dash}"` : ''}/>`,
      );
    });
    const points = spec.periods
      .map((p, k) => {
        const v = s.data[k];
        if (v === null || v === undefined) return '';
        const open = spec.provisional.includes(p);
        const ci = s.ci?.[k];
        const whisker = ci ? `<path class="ci" d="M${xOf(p)} ${yOf(ci[0])}V${yOf(ci[1])}M${xOf(p) - 4} ${yOf(ci[0])}H${xOf(p) + 4}M${xOf(p) - 4} ${yOf(ci[1])}H${xOf(p) + 4}" stroke="${colour}" stroke-width="1.5" fill="none"/>` : '';
        return `<g class="point" data-period="${xml(p)}" data-provisional="${open}">${whisker}${marker(MARKERS[s.style % MARKERS.length]!, xOf(p), yOf(v), colour, open)}<title>${xml(`${s.label}, ${p}: ${v}%${open ? ' (provisional)' : ''}`)}</title></g>`;
      })
      .join('');
    parts.push(`<g class="series" data-style="${s.style}" data-colour="${colour}">${segs.join('')}${points}</g>`);
  }

  const items: LegendItem[] = spec.series.map((s) => ({
    label: s.label,
    swatch: (lx, ly) => {
      const colour = PALETTE[s.style % PALETTE.length]!;
      const dash = DASHES[s.style % DASHES.length]!;
      return `<line x1="${lx}" y1="${ly + 5}" x2="${lx + 18}" y2="${ly + 5}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>${marker(MARKERS[s.style % MARKERS.length]!, lx + 9, ly + 5, colour, false)}`;
    },
  }));
  if (spec.series.some((s) => s.ci))
    items.push({ label: '95% interval', swatch: (lx, ly) => `<path d="M${lx + 9} ${ly - 2}V${ly + 12}M${lx + 5} ${ly - 2}H${lx + 13}M${lx + 5} ${ly + 12}H${lx + 13}" stroke="${INK}" stroke-width="1.5" fill="none"/>` });
  if (spec.provisional.some((p) => spec.periods.includes(p)))
    items.push({ label: '* hollow point: provisional, the round is still open', swatch: (lx, ly) => marker('circle', lx + 9, ly + 5, INK, true) });
  const key = legend(items, 8, bottom + 32, width - 16);
  parts.push(key.markup);
  return svg(width, bottom + 32 + key.height + 4, spec.label, parts.join(''), 'lines');
}

function marker(shape: (typeof MARKERS)[number], x: number, y: number, colour: string, hollow: boolean): string {
  const paint = hollow ? `fill="#fff" stroke="${colour}" stroke-width="2"` : `fill="${colour}"`;
  const r = 4.5;
  switch (shape) {
    case 'circle':
      return `<circle cx="${x}" cy="${y}" r="${r}" ${paint}/>`;
    case 'square':
      return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" ${paint}/>`;
    case 'triangle':
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z" ${paint}/>`;
    case 'diamond':
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z" ${paint}/>`;
  }
}
