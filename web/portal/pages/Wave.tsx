// One survey round: its access code and QR code, live responses per band
// against the population (with the 30% line), population entry, closing early.
import { useEffect, useState } from 'preact/hooks';
import { api, can, type Me } from '../api.js';
import { SvgChart } from '../charts.js';
import { barChartSvg } from '../../../reports/render/svg-charts.js';
import { useLoad } from '../hooks.js';
import { roundWords } from '../round-words.js';
import { childrenResultsHref } from './ChildrenResults.js';
import type { WaveSummary } from './Waves.js';

interface Band {
  band: string;
  audience: 'children' | 'young_people' | 'adults';
  responses: number;
  population: number | null;
  rate: number | null;
  low: boolean;
  populationLooksWrong: boolean;
}
type WaveDetail = WaveSummary & { bands: Band[]; threshold: number };

/** How often the live counts are fetched again. */
const REFRESH_MS = 5000;

/** Response rate per band on the report's own bar chart (0-100), with the 30% line across it. */
function RateChart({ wave }: { wave: WaveDetail }) {
  const words = roundWords(wave);
  const label = `Bar chart of the response rate${words.adults ? '' : ' in each age band'}, against the ${wave.threshold}% line. The same figures are in the table below.`;
  const svg = barChartSvg({
    label,
    rows: wave.bands.map((b) => `${words.band(b.band)}${b.populationLooksWrong ? ' (population looks wrong)' : b.rate === null ? ' (population not entered)' : ''}`),
    series: [{ label: 'Response rate', colour: 'here', data: wave.bands.map((b) => b.rate) }],
    line: { at: wave.threshold, label: `${wave.threshold}%: below it, ${words.unrepresentative}` },
    axis: words.answered,
  });
  return <SvgChart svg={svg} id="rate-chart" />;
}

function Population({ wave, onSaved }: { wave: WaveDetail; onSaved: () => void }) {
  const [message, setMessage] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const bands = Object.fromEntries(wave.bands.filter((b) => f.get(b.band) !== '').map((b) => [b.band, Number(f.get(b.band))]));
    try {
      await api('PUT', `/waves/${wave.id}/population`, { bands });
      setMessage('Saved.');
      onSaved();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const words = roundWords(wave);
  return (
    <form onSubmit={submit} class="grid">
      {wave.bands.map((b) => (
        <>
          <label for={`pop-${b.band}`}>{words.population(b.band)}</label>
          <input id={`pop-${b.band}`} name={b.band} type="number" min="0" step="1" value={b.population ?? ''} />
        </>
      ))}
      <button type="submit">Save population</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

export function WavePage({ id, me }: { id: number; me: Me }) {
  const { data: wave, error, reload } = useLoad(() => api<WaveDetail>('GET', `/waves/${id}`), [id]);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  if (error) return <p class="error">{error}</p>;
  if (!wave) return <p>Loading…</p>;
  const words = roundWords(wave);
  const close = async () => {
    if (!confirm(`Close this round now? ${words.closing}`)) return;
    await api('POST', `/waves/${id}/close`);
    reload();
  };
  const total = wave.bands.reduce((n, b) => n + b.responses, 0);
  return (
    <>
      <h1>
        {wave.authority.name}: {wave.title} {wave.period}
      </h1>
      <p>
        {wave.open ? 'Open' : 'Closed'}
        {wave.opensOn && `, from ${wave.opensOn}`}
        {wave.closesOn && `, last day ${wave.closesOn}`}. <a href={`#/waves/${id}/report`}>Open the report</a>
        {!words.adults && (
          <>
            {' · '}
            <a href={childrenResultsHref(id)}>Results for children</a>
          </>
        )}
      </p>
      {wave.code && (
        <section aria-labelledby="code-heading" class="code-box">
          <h2 id="code-heading">Access code</h2>
          <p class="code">{wave.code}</p>
          <img src={`/api/portal/waves/${id}/qr.svg`} alt={`QR code that opens the survey with code ${wave.code}`} width={160} height={160} />
          <p>
            <a href={`#/waves/${id}/sheet`}>{words.adults ? 'Print the invitation with the code' : 'Print the instruction sheet for trusted adults'}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="live-heading">
        <h2 id="live-heading">Responses so far: {total}</h2>
        <p>Updated every few seconds. Rates under {wave.threshold}% are flagged: results from fewer are hard to rely on.</p>
        <RateChart wave={wave} />
        <table>
          <caption>{words.byBand}</caption>
          <thead>
            <tr>
              <th scope="col">{words.bandColumn}</th>
              <th scope="col">Responses</th>
              <th scope="col">Population</th>
              <th scope="col">Response rate</th>
            </tr>
          </thead>
          <tbody>
            {wave.bands.map((b) => (
              <tr key={b.band}>
                <th scope="row">{words.band(b.band)}</th>
                <td class="num" data-testid={`responses-${b.band}`}>
                  {b.responses}
                </td>
                <td class="num">{b.population ?? 'not entered'}</td>
                <td class="num">
                  {b.populationLooksWrong ? words.populationLooksWrong : b.rate === null ? '–' : `${b.rate}%`}
                  {b.low && <strong class="flag"> under {wave.threshold}%</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {can.manageWaves(me) && (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">Manage this round</h2>
          <Population wave={wave} onSaved={reload} />
          {wave.open && (
            <p>
              <button type="button" class="danger" onClick={close}>
                Close this round now
              </button>
            </p>
          )}
        </section>
      )}
    </>
  );
}
