// One indicator across authorities for a period. Programme admins see each
// authority by name; others see their own and an anonymous spread of the
// other authorities' closed rounds (quartiles only, rounded).
import { useState } from 'preact/hooks';
import { api, type Me } from '../api.js';
import { SvgChart } from '../charts.js';
import { audienceWords } from '../../../reports/labels.js';
import { barChartSvg } from '../../../reports/render/svg-charts.js';
import { useLoad } from '../hooks.js';
import { ProgrammePicker } from './pickers.js';
import { INDICATORS as ALL_INDICATORS } from '../../../surveys/indicators.js';
import { askedIndicators, builtInBands } from '../../../surveys/instruments/published.js';
import en from '../../../surveys/locales/en.json';

// The question bank's indicators, named as in the survey's English text.
const INDICATORS = ALL_INDICATORS.map((i) => ({ id: i.id, label: (en as { indicators: Record<string, string> }).indicators[i.id] ?? i.id }));

interface Compare {
  label: string;
  authorities: { code: string; name: string; provisional: boolean; suppressed: boolean; n: number | null; percent: number | null; ci: { low: number; high: number } | null; benchmark: { percent: number | null } | null }[];
  others: null | { authorities: number; hidden: boolean; q1?: number; median?: number; q3?: number };
  /** Other authorities whose round is still open: in no figure until it closes. */
  openLeftOut: number;
}

/** The authorities' figures as the report's own bar chart: 0-100, intervals as whiskers, open rounds hollow. */
function CompareChart({ data, band, programme }: { data: Compare; band: string; programme: string }) {
  const label = `Bar chart of ${data.label}, ages ${band}, by authority, with 95% intervals. The same figures are in the table below.`;
  const svg = barChartSvg({
    label,
    rows: data.authorities.map((a) => `${a.name}${a.provisional ? ' *' : ''}`),
    series: [
      {
        label: `${data.label}, ages ${band}`,
        colour: 'here',
        data: data.authorities.map((a) => a.percent),
        ci: data.authorities.map((a) => (a.ci ? [a.ci.low, a.ci.high] : null)),
        provisional: data.authorities.map((a) => a.provisional),
      },
      ...(data.authorities.some((a) => a.benchmark?.percent != null)
        ? [{ label: 'All other authorities pooled', colour: 'others' as const, data: data.authorities.map((a) => a.benchmark?.percent ?? null) }]
        : []),
    ],
    axis: `% of ${audienceWords({ programme }).people} who answered`,
  });
  return <SvgChart svg={svg} id="compare-chart" />;
}

export function ComparePage({ me }: { me: Me }) {
  const [programme, setProgramme] = useState('ylyc');
  const [chosenPeriod, setPeriod] = useState('');
  // Periods that have rounds the user can see, newest first; the newest is the default.
  const waves = useLoad(() => api<{ waves: { period: string; programme: string }[] }>('GET', '/waves'), []);
  const periods = [...new Set((waves.data?.waves ?? []).filter((w) => w.programme === programme).map((w) => w.period))].sort().reverse();
  const period = chosenPeriod && periods.includes(chosenPeriod) ? chosenPeriod : (periods[0] ?? '');
  const [indicator, setIndicator] = useState('feels_safe');
  const [band, setBand] = useState('11-17');
  const bands = builtInBands(programme);
  const useBand = bands.includes(band) ? band : bands[0]!;
  // Only what this band is asked: care leavers have no social worker, the youngest no personal adviser.
  const askedIds = askedIndicators(programme, useBand);
  const asked = INDICATORS.filter((i) => askedIds.includes(i.id));
  const useIndicator = asked.some((i) => i.id === indicator) ? indicator : asked[0]!.id;
  const { data, error } = useLoad(
    () => !period ? Promise.resolve(undefined) : api<Compare>('GET', `/compare?programme=${programme}&period=${encodeURIComponent(period)}&indicator=${useIndicator}&band=${useBand}`),
    [programme, period, useIndicator, useBand],
  );
  return (
    <>
      <h1>Compare authorities</h1>
      <div class="toolbar">
        <ProgrammePicker value={programme} onChange={setProgramme} />
        <label for="cmp-period">Period</label>
        <select id="cmp-period" value={period} onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value)}>
          {periods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <label for="cmp-indicator">Indicator</label>
        <select id="cmp-indicator" value={useIndicator} onChange={(e) => setIndicator((e.currentTarget as HTMLSelectElement).value)}>
          {asked.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
        <label for="cmp-band">Age band</label>
        <select id="cmp-band" value={useBand} onChange={(e) => setBand((e.currentTarget as HTMLSelectElement).value)}>
          {bands.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </div>
      {error && <p class="error">{error}</p>}
      {waves.data && !period && <p>No survey rounds in this programme yet.</p>}
      {data && data.authorities.length === 0 && !data.others && <p>No authority has answers for this indicator and band in {period}.</p>}
      {data && (
        <>
          <h2>{data.label}</h2>
          {data.authorities.length > 0 && <CompareChart data={data} band={useBand} programme={programme} />}
          <table>
            <caption>{me.role === 'programme_admin' ? 'Every authority with a round in this period' : 'Your authorities'}</caption>
            <thead>
              <tr>
                <th scope="col">Authority</th>
                <th scope="col">Answers</th>
                <th scope="col">Percent (95% interval)</th>
                <th scope="col">All other authorities pooled</th>
              </tr>
            </thead>
            <tbody>
              {data.authorities.map((a) => (
                <tr key={a.code}>
                  <th scope="row">
                    {a.name}
                    {a.provisional && <span class="small"> (provisional: the round is still open)</span>}
                  </th>
                  <td class="num">{a.n ?? 'too few'}</td>
                  <td class="num">
                    {a.percent === null ? 'hidden' : `${a.percent}%`}
                    {a.ci && ` (${a.ci.low}–${a.ci.high})`}
                  </td>
                  <td class="num">{a.benchmark?.percent === null || !a.benchmark ? '–' : `${a.benchmark.percent}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.others && (
            <section aria-labelledby="others-heading">
              <h2 id="others-heading">Other authorities (not named)</h2>
              <p>
                Only closed rounds count here and in “All other authorities pooled”, so these figures do not move as answers arrive
                {data.openLeftOut > 0 && ` (${data.openLeftOut} other ${data.openLeftOut === 1 ? 'authority’s round is' : 'authorities’ rounds are'} still open and left out)`}.
              </p>
              {data.others.hidden ? (
                <p>Too few other authorities have closed rounds with enough answers to show their spread ({data.others.authorities}; at least 8 are needed).</p>
              ) : (
                <>
                  <p>
                    The middle half of other authorities lie between the lower and upper quartiles. The lowest and highest are not shown: each would be one
                    authority's own figure. Rounded to whole percents.
                  </p>
                  <dl class="stats">
                    <dt>Authorities</dt>
                    <dd>{data.others.authorities}</dd>
                    <dt>Lower quartile</dt>
                    <dd>{data.others.q1}%</dd>
                    <dt>Median</dt>
                    <dd>{data.others.median}%</dd>
                    <dt>Upper quartile</dt>
                    <dd>{data.others.q3}%</dd>
                  </dl>
                </>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
