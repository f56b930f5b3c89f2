// The annual report in the browser: response rates, each indicator with
// its interval, change and benchmark, as charts (one per domain) and as
// tables with the same figures; downloads of the report and responses.
import { useState } from 'preact/hooks';
import { api, can, PROGRAMMES, type Me } from '../api.js';
import { COLOURS, useChart } from '../charts.js';
import { useLoad } from '../hooks.js';
import { actionPlanHref } from './Actions.js';

interface Indicator {
  id: string;
  band: string;
  domain: string;
  suppressed: boolean;
  n: number | null;
  percent: number | null;
  ci: { low: number; high: number } | null;
  previous: { period: string; percent: number | null; change: number | null; significant: boolean | null } | null;
  benchmark: { percent: number | null; difference: number | null; significant: boolean | null } | null;
}
interface ReportData {
  report: {
    authority: { code: string; name: string };
    programme: string;
    period: string;
    comparePeriod: string | null;
    minBase: number;
    provisional: boolean;
    responses: { total: number; byBand: Record<string, number> };
    responseRate: { byBand: Record<string, { responses: number; population: number; rate: number | null; low: boolean; populationLooksWrong: boolean } | null> };
    indicators: Indicator[];
    said: { band: string; question: string; text: string }[];
    saidWithheld: number;
  };
  labels: { indicators: Record<string, string>; domains: Record<string, string> };
  comparePeriods: string[];
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'hidden' : `${x}%`);
const signed = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${x > 0 ? '+' : ''}${x}`);

function DomainChart({ rows, labels, title }: { rows: Indicator[]; labels: ReportData['labels']; title: string }) {
  const ref = useChart(
    () => ({
      type: 'bar',
      data: {
        labels: rows.map((r) => `${labels.indicators[r.id] ?? r.id} (${r.band})`),
        datasets: [
          { label: 'This authority (%)', data: rows.map((r) => r.percent), backgroundColor: COLOURS.own },
          { label: 'Other authorities (%)', data: rows.map((r) => r.benchmark?.percent ?? null), backgroundColor: COLOURS.other },
        ],
      },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, scales: { x: { min: 0, max: 100 } }, plugins: { title: { display: false, text: title } } },
    }),
    [JSON.stringify(rows)],
  );
  return (
    <div class="chart" style={{ height: `${80 + rows.length * 36}px` }} aria-hidden="true">
      <canvas ref={ref} data-testid="report-chart" />
    </div>
  );
}

export function ReportPage({ id, me }: { id: number; me: Me }) {
  const [compare, setCompare] = useState('');
  const q = compare ? `?compare=${encodeURIComponent(compare)}` : '';
  const { data, error } = useLoad(() => api<ReportData>('GET', `/waves/${id}/report${q}`), [id, q]);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const { report, labels } = data;
  const domains = [...new Set(report.indicators.map((i) => i.domain))];
  return (
    <>
      <h1>
        Report: {report.authority.name}, {PROGRAMMES[report.programme]} {report.period}
      </h1>
      {report.provisional && (
        <p class="provisional" role="note">
          <strong>Provisional: the round is still open.</strong> Every figure here may change as more answers arrive.
        </p>
      )}
      <div class="toolbar">
        <label for="compare">Compare with</label>
        <select id="compare" value={compare || report.comparePeriod || ''} onChange={(e) => setCompare((e.currentTarget as HTMLSelectElement).value)}>
          {data.comparePeriods.length === 0 && <option value="">no earlier round</option>}
          {data.comparePeriods.map((p) => (
            <option value={p} key={p}>
              {p}
            </option>
          ))}
        </select>
        <a href={actionPlanHref(report.authority.code)}>Action plan</a>
        <span>Download:</span>
        {(['html', 'csv', 'json'] as const).map((f) => (
          <a key={f} href={`/api/portal/waves/${id}/report.${f}${q}`} download>
            Report as {f.toUpperCase()}
          </a>
        ))}
        {can.manageWaves(me) && (
          <a href={`/api/portal/waves/${id}/responses.csv`} download>
            Responses as CSV
          </a>
        )}
      </div>
      <h2>Who answered</h2>
      <table>
        <caption>
          {report.responses.total} responses; figures with fewer than {report.minBase} answers are hidden
        </caption>
        <thead>
          <tr>
            <th scope="col">Age band</th>
            <th scope="col">Responses</th>
            <th scope="col">Response rate</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.responses.byBand).map(([band, n]) => {
            const r = report.responseRate.byBand[band];
            return (
              <tr key={band}>
                <th scope="row">{band} years</th>
                <td class="num">{n}</td>
                <td class="num">
                  {r?.populationLooksWrong ? 'the population looks wrong: fewer children than responses' : r?.rate === null || r === null || r === undefined ? 'no population entered' : `${r.rate}%`}
                  {r?.low && <strong class="flag"> under 30%</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {domains.map((d) => {
        const rows = report.indicators.filter((i) => i.domain === d);
        const title = labels.domains[d] ?? d;
        return (
          <section key={d} aria-labelledby={`domain-${d}`}>
            <h2 id={`domain-${d}`}>{title}</h2>
            {rows.some((r) => r.percent !== null) && <DomainChart rows={rows.filter((r) => r.percent !== null)} labels={labels} title={title} />}
            <table>
              <caption>{title}: share of children in each indicator's positive answers</caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">Band</th>
                  <th scope="col">Answers</th>
                  <th scope="col">Percent (95% interval)</th>
                  <th scope="col">Change since {report.comparePeriod ?? 'last round'} (points)</th>
                  <th scope="col">Other authorities</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.id}-${r.band}`}>
                    <th scope="row">
                      {labels.indicators[r.id] ?? r.id}
                      {can.actionPlan(me) && (
                        <>
                          {' '}
                          <a class="small" href={actionPlanHref(report.authority.code, { programme: report.programme, period: report.period, indicator: r.id, band: r.band })}>
                            Add an action<span class="visually-hidden"> on {labels.indicators[r.id] ?? r.id}, {r.band}</span>
                          </a>
                        </>
                      )}
                    </th>
                    <td>{r.band}</td>
                    <td class="num">{r.n ?? `fewer than ${report.minBase}`}</td>
                    <td class="num">
                      {pct(r.percent)}
                      {r.ci && ` (${r.ci.low}–${r.ci.high})`}
                    </td>
                    <td class="num">
                      {signed(r.previous?.change)}
                      {r.previous?.significant && <strong class="flag"> significant</strong>}
                    </td>
                    <td class="num">
                      {r.benchmark ? pct(r.benchmark.percent) : '–'}
                      {r.benchmark?.significant && <strong class="flag"> significant difference</strong>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      {(report.said.length > 0 || report.saidWithheld > 0) && (
        <section aria-labelledby="said-heading">
          <h2 id="said-heading">What children said</h2>
          {report.saidWithheld > 0 && (
            <p data-testid="said-withheld">
              {report.saidWithheld === 1 ? '1 answer is' : `${report.saidWithheld} answers are`} not shown: the safeguarding
              word list caught {report.saidWithheld === 1 ? 'it' : 'them'}.{' '}
              {can.safeguarding(me) ? (
                <a href="#/safeguarding">Read {report.saidWithheld === 1 ? 'it' : 'them'} in the safeguarding queue</a>
              ) : (
                `Someone with safeguarding access will read ${report.saidWithheld === 1 ? 'it' : 'them'}.`
              )}
            </p>
          )}
          <ul class="said">
            {report.said.map((s, i) => (
              <li key={i}>
                <q>{s.text}</q> <span class="small">({s.band})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
