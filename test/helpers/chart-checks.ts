// What the report's SVG charts (reports/render/svg-charts.ts) must hold
// wherever they are drawn, the HTML report and the portal alike, read off
// the page in Chromium (getBBox measures the text as drawn): every percent
// axis runs 0 to 100, texts are whole and inside the picture, rounds sit on
// a time axis, points and bars of rounds still open are hollow and keyed,
// and a series keeps its colour in every panel.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type DrawnChart = {
  id: string;
  kind: string;
  width: number;
  axes: { min: string; max: string; ticks: string[] }[];
  texts: { lines: string[]; left: number; right: number; top: number; bottom: number; legend: boolean; row: boolean }[];
  /** Labelled rounds on the time axis ("2025*" for one still open) and where each sits. */
  years: Record<string, number>;
  series: string[];
  points: { period: string; provisional: string; fill: string }[];
  bars: { provisional: string; fill: string }[];
};

/** Every chart on the page, as drawn. */
export function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate(`[...document.querySelectorAll('svg.chart-svg')].map((svg) => ({
    id: svg.parentElement.id,
    kind: svg.dataset.chart,
    width: svg.viewBox.baseVal.width,
    axes: [...svg.querySelectorAll('g.axis[data-min]')].map((g) => ({ min: g.dataset.min, max: g.dataset.max, ticks: [...g.querySelectorAll('text.tick')].map((t) => t.textContent) })),
    texts: [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      return { lines: t.querySelector('tspan') ? [...t.querySelectorAll('tspan')].map((x) => x.textContent) : [t.textContent], left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height,
        legend: !!t.closest('.legend-item'), row: !!t.closest('.bar-row') };
    }),
    years: Object.fromEntries([...svg.querySelectorAll('.axis-x text.tick[data-period]')].map((t) => [t.textContent, Number(t.getAttribute('x'))])),
    series: [...svg.querySelectorAll('g.series')].map((g) => g.dataset.colour),
    points: [...svg.querySelectorAll('g.point')].map((g) => ({ period: g.dataset.period, provisional: g.dataset.provisional, fill: g.querySelector('circle, rect, path:not(.ci)').getAttribute('fill') })),
    bars: [...svg.querySelectorAll('rect.bar')].map((r) => ({ provisional: r.dataset.provisional, fill: r.getAttribute('fill') })),
  }))`) as Promise<DrawnChart[]>;
}

const legendOf = (d: DrawnChart) => d.texts.filter((t) => t.legend).map((t) => t.lines.join(' '));

/**
 * The rules every chart keeps. `open` is the round still open, if any. Returns each series' label
 * (its legend entry) with the colours it was drawn in, across all the charts: one each when stable.
 */
export function expectUndistorted(drawn: DrawnChart[], open: string | null): Map<string, Set<string>> {
  expect(drawn.length).toBeGreaterThan(0);
  const colourOf = new Map<string, Set<string>>();
  for (const d of drawn) {
    // every percent axis runs 0 to 100
    expect(d.axes, d.id).toHaveLength(1);
    expect(d.axes[0], d.id).toMatchObject({ min: '0', max: '100' });
    expect(d.axes[0]!.ticks[0], d.id).toBe('0');
    expect(d.axes[0]!.ticks.at(-1), d.id).toBe('100');
    // every text whole and inside the picture
    for (const t of d.texts) {
      const text = t.lines.join(' ');
      expect(t.left, `${d.id}: ${text}`).toBeGreaterThanOrEqual(0);
      expect(t.right, `${d.id}: ${text}`).toBeLessThanOrEqual(d.width);
      expect(text).not.toMatch(/…$/);
    }
    // row labels of two lines do not run into the next row's
    const rows = d.texts.filter((t) => t.row);
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.top, `${d.id} row ${k}`).toBeGreaterThanOrEqual(rows[k - 1]!.bottom - 1);
    // a bar of a round still open is hollow, and the key says what hollow means
    for (const b of d.bars) expect(b.fill === '#fff', `${d.id} bar`).toBe(b.provisional === 'true');
    if (d.bars.some((b) => b.provisional === 'true')) expect(legendOf(d)).toContain('* hollow bar: provisional, the round is still open');
    if (d.kind !== 'lines') continue;
    // rounds on a time axis: the distance between two rounds is proportional to the years between them
    const at = Object.entries(d.years).map(([label, x]) => ({ year: Number(label.slice(0, 4)), x, open: label.endsWith('*') }));
    expect(at.length, d.id).toBeGreaterThan(1);
    const perYear = (at.at(-1)!.x - at[0]!.x) / (at.at(-1)!.year - at[0]!.year);
    expect(perYear, d.id).toBeGreaterThan(20);
    for (const a of at) expect(a.x - at[0]!.x, `${d.id} ${a.year}`).toBeCloseTo(perYear * (a.year - at[0]!.year), 5);
    // only the open round is starred, and its points are hollow, the others' filled
    expect(at.filter((a) => a.open).map((a) => String(a.year)), d.id).toEqual(open && at.some((a) => String(a.year) === open.slice(0, 4)) ? [open.slice(0, 4)] : []);
    expect(d.points.length).toBeGreaterThan(0);
    for (const p of d.points) {
      expect(p.provisional, `${d.id} ${p.period}`).toBe(String(p.period === open));
      expect(p.fill === '#fff', `${d.id} ${p.period}`).toBe(p.period === open);
    }
    const legend = legendOf(d);
    if (d.points.some((p) => p.period === open)) expect(legend.at(-1)).toBe('* hollow point: provisional, the round is still open');
    // the first legend entries name the series in order: a series' colour, per panel
    d.series.forEach((colour, k) => {
      if (!colourOf.has(legend[k]!)) colourOf.set(legend[k]!, new Set());
      colourOf.get(legend[k]!)!.add(colour);
    });
  }
  for (const [label, colours] of colourOf) expect([...colours], label).toHaveLength(1);
  return colourOf;
}
