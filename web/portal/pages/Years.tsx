// Each indicator across an authority's rounds, with intervals, and changes
// from the round before marked when significant.
import { useState } from 'preact/hooks';
import { api, type Me } from '../api.js';
import { COLOURS, useChart } from '../charts.js';
import { useLoad } from '../hooks.js';
import { AuthorityPicker, ProgrammePicker } from './pickers.js';

interface Point {
  period: string;
  suppressed: boolean;
  n: number | null;
  percent: number | null;
  ci: { low: number; high: number } | null;
  change: number | null;
  significant: boolean | null;
}
interface Years {
  periods: string[];
  /** Rounds still open: their figures may change. */
  provisionalPeriods: string[];
  indicators: { id: string; band: string; label: string; points: Point[] }[];
}

function TrendChart({ row, periods }: { row: Years['indicators'][number]; periods: string[] }) {
  const at = (p: string) => row.points.find((x) => x.period === p);
  const ref = useChart(
    () => ({
      type: 'line',
      data: {
        labels: periods,
        datasets: [
          { label: `${row.label} (%)`, data: periods.map((p) => at(p)?.percent ?? null), borderColor: COLOURS.own, backgroundColor: COLOURS.own, spanGaps: true },
          { label: 'Interval low', data: periods.map((p) => at(p)?.ci?.low ?? null), borderColor: '#6b7f93', borderDash: [4, 4], pointRadius: 0, spanGaps: true },
          { label: 'Interval high', data: periods.map((p) => at(p)?.ci?.high ?? null), borderColor: '#6b7f93', borderDash: [4, 4], pointRadius: 0, spanGaps: true },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } } },
    }),
    [row.id, row.band, periods.join()],
  );
  return (
    <div class="chart" aria-hidden="true">
      <canvas ref={ref} />
    </div>
  );
}

export function YearsPage(_: { me: Me }) {
  const [authority, setAuthority] = useState('');
  const [programme, setProgramme] = useState('ylyc');
  const [picked, setChosen] = useState<number | null>(null);
  const { data, error } = useLoad(
    () => (authority ? api<Years>('GET', `/authorities/${authority}/years?programme=${programme}`) : Promise.resolve(undefined)),
    [authority, programme],
  );
  // Until one is picked, chart the first indicator that has a figure to show.
  const chosen = picked ?? Math.max(0, data?.indicators.findIndex((r) => r.points.some((p) => p.percent !== null)) ?? 0);
  const row = data?.indicators[chosen];
  return (
    <>
      <h1>Year on year</h1>
      <div class="toolbar">
        <AuthorityPicker value={authority} onChange={setAuthority} />
        <ProgrammePicker value={programme} onChange={setProgramme} />
      </div>
      {error && <p class="error">{error}</p>}
      {data && data.periods.length === 0 && <p>No answers yet in any round.</p>}
      {data && row && (
        <>
          <div class="toolbar">
            <label for="pick-indicator">Indicator for the chart</label>
            <select id="pick-indicator" value={chosen} onChange={(e) => setChosen(Number((e.currentTarget as HTMLSelectElement).value))}>
              {data.indicators.map((r, i) => (
                <option key={i} value={i}>
                  {r.label} ({r.band})
                </option>
              ))}
            </select>
          </div>
          <TrendChart row={row} periods={data.periods} />
          <table>
            <caption>Percent (95% interval) by round; ▲▼ marks a significant change from the round before</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Band</th>
                {data.periods.map((p) => (
                  <th scope="col" key={p}>
                    {p}
                    {data.provisionalPeriods.includes(p) && <span class="small"> (provisional: the round is still open)</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((r) => (
                <tr key={`${r.id}-${r.band}`}>
                  <th scope="row">{r.label}</th>
                  <td>{r.band}</td>
                  {data.periods.map((p) => {
                    const x = r.points.find((pt) => pt.period === p);
                    return (
                      <td class="num" key={p}>
                        {!x ? '–' : x.percent === null ? 'hidden' : `${x.percent}%`}
                        {x?.ci && <span class="small"> ({x.ci.low}–{x.ci.high})</span>}
                        {x?.significant && x.change !== null && (
                          <strong class="flag">
                            {' '}
                            {x.change > 0 ? '▲' : '▼'}
                            <span class="visually-hidden"> significant change of {x.change} points</span>
                          </strong>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
