// Each indicator across an authority's rounds, with intervals, and changes
// from the round before marked when significant.
import { useState } from 'preact/hooks';
import { api, type Me } from '../api.js';
import { SvgChart } from '../charts.js';
import { audienceWords } from '../../../reports/labels.js';
import { indicatorStyle } from '../../../reports/render/report-charts.js';
import { trendChartSvg } from '../../../reports/render/svg-charts.js';
import { verdict } from '../../../reports/render/summary.js';
import { useLoad } from '../hooks.js';
import { Change } from './Report.js';
import { AuthorityPicker, ProgrammePicker } from './pickers.js';

interface Point {
  period: string;
  suppressed: boolean;
  n: number | null;
  percent: number | null;
  ci: { low: number; high: number } | null;
  change: number | null;
  significant: boolean | null;
  pValue: number | null;
  qValue: number | null;
}
interface Years {
  /** Who answered: the page's words follow it (an adults' questionnaire has one band and no ages). */
  audience: 'children' | 'young_people' | 'adults';
  periods: string[];
  /** Rounds still open: their figures may change. */
  provisionalPeriods: string[];
  indicators: { id: string; band: string; label: string; direction: 'higher' | 'lower'; points: Point[] }[];
}

/**
 * The chosen indicator in each age band that asks it, one panel per band, drawn by the report's own
 * chart code: rounds on a time axis, 0-100%, the indicator's colour in every panel, intervals as
 * whiskers, rounds still open hollow.
 */
function TrendCharts({ data, id }: { data: Years; id: string }) {
  const periods = [...data.periods].sort();
  const rows = data.indicators.filter((r) => r.id === id && r.points.some((p) => p.percent !== null));
  const words = audienceWords({ questionnaire: data });
  return (
    <div class="chart-row">
      {rows.map((row) => {
        const at = (p: string) => row.points.find((x) => x.period === p);
        const label = `Line chart of ${row.label} for ${words.band(row.band)} across survey rounds, with 95% intervals. The same figures are in the table below.`;
        const svg = trendChartSvg({
          label,
          title: words.heading(row.band),
          periods,
          provisional: data.provisionalPeriods,
          series: [
            {
              label: row.label,
              style: indicatorStyle(row.id),
              data: periods.map((p) => at(p)?.percent ?? null),
              ci: periods.map((p) => {
                const ci = at(p)?.ci;
                return ci ? [ci.low, ci.high] : null;
              }),
            },
          ],
        });
        return <SvgChart key={row.band} svg={svg} id={`years-${row.band}`} />;
      })}
    </div>
  );
}

export function YearsPage(_: { me: Me }) {
  const [authority, setAuthority] = useState('');
  const [programme, setProgramme] = useState('ylyc');
  const [picked, setChosen] = useState('');
  const { data, error } = useLoad(
    () => (authority ? api<Years>('GET', `/authorities/${authority}/years?programme=${programme}`) : Promise.resolve(undefined)),
    [authority, programme],
  );
  // Until one is picked, chart the first indicator that has a figure to show.
  const ids = [...new Set(data?.indicators.map((r) => r.id))];
  const words = audienceWords({ questionnaire: data });
  const chosen = ids.includes(picked) ? picked : (data?.indicators.find((r) => r.points.some((p) => p.percent !== null))?.id ?? ids[0]);
  return (
    <>
      <h1>Year on year</h1>
      <div class="toolbar">
        <AuthorityPicker value={authority} onChange={setAuthority} />
        <ProgrammePicker value={programme} onChange={setProgramme} questionnaires />
      </div>
      {error && <p class="error">{error}</p>}
      {data && data.periods.length === 0 && <p>No answers yet in any round.</p>}
      {data && chosen && (
        <>
          <div class="toolbar">
            <label for="pick-indicator">Indicator for the chart</label>
            <select id="pick-indicator" value={chosen} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}>
              {ids.map((id) => (
                <option key={id} value={id}>
                  {data.indicators.find((r) => r.id === id)!.label}
                </option>
              ))}
            </select>
          </div>
          <TrendCharts data={data} id={chosen} />
          <table>
            <caption>Percent (95% interval) by round, with each significant change from the round before: better or worse{words.forWhom}, and whether it may be chance</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">{words.bandHead}</th>
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
                  <td>{words.row(r.band)}</td>
                  {data.periods.map((p) => {
                    const x = r.points.find((pt) => pt.period === p);
                    return (
                      <td class="num" key={p}>
                        {!x ? '–' : x.percent === null ? 'hidden' : `${x.percent}%`}
                        {x?.ci && <span class="small"> ({x.ci.low}–{x.ci.high})</span>}
                        {x && x.change !== null && verdict(x, x.change) !== 'none' && (
                          <>
                            <br />
                            <Change direction={r.direction} delta={x.change} t={x} />
                          </>
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
