// The annual report in the browser: the same report model as the HTML
// download (reports/build.ts), section for section, with a filter by age
// band. Results are coloured by what they mean for children (better blue,
// worse orange, both said in words), judged as the download judges them
// (reports/render/summary.ts), and every chart has a table beside it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { BY_NAMES, STATUS_NAMES, audienceWords, bandName, domainLabel, localQuestionsIntro, optionLabel, reportLabels, scoreWords } from '../../../reports/labels.js';
import { DOMAINS, INDICATORS } from '../../../surveys/indicators.js';
import { UNTESTED, referenceRows, shownLocalQuestions, summarise, verdict, type SummaryLine, type Tested } from '../../../reports/render/summary.js';
import type { BreakdownCell, Report, ReportIndicator } from '../../../reports/schema.js';
import { api, can, programmeName, type Me } from '../api.js';
import { SvgChart } from '../charts.js';
import { domainChart, trendCharts, trendPeriods, trendSeries } from '../../../reports/render/report-charts.js';
import { useLoad } from '../hooks.js';
import { actionPlanHref } from './Actions.js';
import { childrenResultsHref } from './ChildrenResults.js';

interface ReportData {
  report: Report;
  comparePeriods: string[];
  /** For those who may not read it: how many free-text answers the round has. */
  freeTextWithheld: number;
}

const directionOf = (id: string) => INDICATORS.find((i) => i.id === id)?.direction ?? 'higher';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'hidden' : `${x}%`);

/** A change or difference: the arrow is the way the figure moved; the words say what it means for children. */
export function Change({ direction, delta, t, unit = ' points', digits = 1 }: { direction: 'higher' | 'lower'; delta: number | null; t: Tested; unit?: string; digits?: number }) {
  if (delta === null) return <span class="small">not shown</span>;
  const better = direction === 'higher' ? delta > 0 : delta < 0;
  const v = verdict(t, delta);
  const words = v === 'finding' ? (better ? 'significantly better' : 'significantly worse') : v === 'chance' ? `${better ? 'better' : 'worse'}, but may be chance` : 'not significant';
  return (
    <>
      <span class={v === 'finding' ? (better ? 'good' : 'bad') : undefined}>
        {delta > 0 ? '▲ +' : delta < 0 ? '▼ ' : '▬ '}
        {delta.toFixed(digits)}
        {unit}
      </span>
      <br />
      <span class="small">{words}</span>
    </>
  );
}

/** A figure (a percent or an average) with, under it, how it differs from the one it is compared with. */
function FigureWithChange({ figure, direction, delta, t, unit, digits }: { figure: string; direction: 'higher' | 'lower'; delta: number | null; t: Tested | null; unit?: string; digits?: number }) {
  return (
    <td class="num">
      {figure}
      {t && delta !== null && (
        <>
          <br />
          <Change direction={direction} delta={delta} t={t} unit={unit} digits={digits} />
        </>
      )}
    </td>
  );
}

function Lines({ lines, none, verdict }: { lines: SummaryLine[]; none: string; verdict: (good: boolean) => string }) {
  if (!lines.length) return <p class="small">{none}</p>;
  return (
    <ul>
      {lines.map((l) => (
        <li key={`${l.id}-${l.band}-${l.text}`}>
          <span class={l.good ? 'good' : 'bad'} aria-hidden="true">
            {l.up ? '▲ ' : '▼ '}
          </span>
          {l.text} <span class="small">({verdict(l.good)})</span>
        </li>
      ))}
    </ul>
  );
}

function Summary({ report }: { report: Report }) {
  const s = summarise(report);
  const words = audienceWords(report);
  return (
    <section aria-labelledby="summary-h">
      <h2 id="summary-h">Summary</h2>
      {report.comparePeriod ? (
        <>
          <h3>What got better since {report.comparePeriod}</h3>
          <Lines lines={s.better} none="No indicator improved by more than chance could explain." verdict={words.verdict} />
          <h3>What got worse since {report.comparePeriod}</h3>
          <Lines lines={s.worse} none="No indicator got worse by more than chance could explain." verdict={words.verdict} />
        </>
      ) : (
        <p>This is the first survey round for this authority, so there is nothing earlier to compare with yet.</p>
      )}
      <h3>Different from other authorities</h3>
      <Lines lines={[...s.aboveOthers, ...s.belowOthers]} none="Nothing was significantly different from other authorities." verdict={words.verdict} />
      {s.mayBeChance.length > 0 && (
        <>
          <h3>May be chance</h3>
          <p class="small">
            Significant on their own (p below 0.05), but among {s.compared} comparisons with the last round and as many with other authorities some are expected by
            chance alone. Watch them; do not act on them alone.
          </p>
          <ul>
            {s.mayBeChance.map((l) => (
              <li key={`${l.id}-${l.band}-${l.text}`}>
                {l.text} <span class="small">({words.verdict(l.good)}, if real)</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Responses({ report }: { report: Report }) {
  const words = audienceWords(report);
  return (
    <section aria-labelledby="responses-h">
      <h2 id="responses-h">Who answered</h2>
      <table>
        <caption>{report.responses.total} responses; figures with fewer than {report.minBase} answers are hidden</caption>
        <thead>
          <tr>
            <th scope="col">{words.bandHead}</th>
            <th scope="col">Responses</th>
            <th scope="col">{words.population}</th>
            <th scope="col">Response rate</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.responses.byBand).map(([band, n]) => {
            const r = report.responseRate.byBand[band];
            return (
              <tr key={band}>
                <th scope="row">{words.rowYears(band)}</th>
                <td class="num">{n}</td>
                <td class="num">{r ? r.population : 'not entered'}</td>
                <td class="num">
                  {r?.populationLooksWrong ? `the population looks wrong: fewer ${words.people} than responses` : !r || r.rate === null ? '–' : `${r.rate}%`}
                  {r?.low && <strong> under 30%</strong>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** One side of an action's before and after: the figure, hidden under the minimum base, or none. */
function Side({ side, minBase }: { side: Report['actions'][number]['before']; minBase: number }) {
  if (!side) return <td class="num small">no answers</td>;
  if (side.percent === null) return <td class="num small">hidden: fewer than {minBase} answers</td>;
  return (
    <td class="num">
      {side.percent}%<br />
      <span class="small">of {side.n}</span>
    </td>
  );
}

/** "What we said we would do, and what changed": actions made at earlier rounds, before and after (as the download shows them). */
function Actions({ report }: { report: Report }) {
  if (!report.actions.length) return null;
  return (
    <section aria-labelledby="actions-h">
      <h2 id="actions-h">What we said we would do, and what changed</h2>
      <p>
        Actions recorded against findings of earlier rounds, with the indicator in the round each was made at and in {report.period}. <a href={actionPlanHref(report.authority.code)}>Action plan</a>
      </p>
      <table>
        <caption>Actions and the indicator before and after</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">What we said we would do</th>
            <th scope="col">Made at</th>
            <th scope="col" class="num">
              Before
            </th>
            <th scope="col" class="num">
              After ({report.period})
            </th>
            <th scope="col" class="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {report.actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {reportLabels(report).indicator(a.indicator)} <span class="small">({bandName(a.band)})</span>
              </th>
              <td>
                {a.pledge}
                <br />
                <span class="small">
                  {a.owner}, by {a.due} · {STATUS_NAMES[a.status] ?? a.status}
                </span>
              </td>
              <td>{a.madeAt}</td>
              <Side side={a.before} minBase={report.minBase} />
              <Side side={a.after} minBase={report.minBase} />
              <td class="num">
                <Change direction={directionOf(a.indicator)} delta={a.change} t={{ pValue: a.pValue }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Domain({ report, domain, rows, me }: { report: Report; domain: string | null; rows: ReportIndicator[]; me: Me }) {
  const title = domainLabel(domain);
  const anchor = `domain-${domain ?? 'own'}`;
  const chart = domainChart(report, domain);
  return (
    <section aria-labelledby={anchor}>
      <h2 id={anchor}>{title}</h2>
      {chart && <SvgChart svg={chart.svg} id={`chart-${domain ?? 'own'}`} />}
      <table>
        <caption>
          {title}: share of {audienceWords(report).people} in each indicator's positive answers
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">{audienceWords(report).bandHead}</th>
            <th scope="col">Answered</th>
            <th scope="col">% (95% interval)</th>
            <th scope="col">Change since {report.comparePeriod ?? 'last round'}</th>
            <th scope="col">Other authorities</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.id}-${r.band}`}>
              <th scope="row">
                {reportLabels(report).indicator(r.id)}
                {r.direction === 'lower' && <span class="small"> (lower is better)</span>}
                {can.actionPlan(me) && (
                  <>
                    {' '}
                    <a class="small no-print" href={actionPlanHref(report.authority.code, { programme: report.programme, period: report.period, indicator: r.id, band: r.band })}>
                      Add an action<span class="visually-hidden"> on {reportLabels(report).indicator(r.id)}, {r.band}</span>
                    </a>
                  </>
                )}
              </th>
              <td>{audienceWords(report).row(r.band)}</td>
              <td class="num">{r.n ?? `fewer than ${report.minBase}`}</td>
              <td class="num">
                {pct(r.percent)}
                {r.ci && <span class="small"> ({r.ci.low}–{r.ci.high})</span>}
              </td>
              <td class="num">{r.previous ? <Change direction={r.direction} delta={r.previous.change} t={r.previous} /> : '–'}</td>
              <FigureWithChange figure={r.benchmark ? pct(r.benchmark.percent) : '–'} direction={r.direction} delta={r.benchmark?.difference ?? null} t={r.benchmark} />
            </tr>
          ))}
        </tbody>
      </table>
      <References report={report} rows={rows} />
    </section>
  );
}

/** Published figures from outside this installation (hearme reference import), as the download shows them: tested only where they give n. */
function References({ report, rows }: { report: Report; rows: ReportIndicator[] }) {
  const refs = referenceRows({ ...report, indicators: rows }).map(({ indicator: i, figure: f }) => ({ i, f }));
  if (!refs.length) return null;
  return (
    <table class="reference">
      <caption>Published reference figures (from outside this system), beside {report.authority.name}</caption>
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          <th scope="col">{audienceWords(report).bandHead}</th>
          <th scope="col">Source</th>
          <th scope="col">Reference</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {refs.map(({ i, f }) => (
          <tr key={`${i.id}-${i.band}-${f.source}-${f.period}`}>
            <th scope="row">{reportLabels(report).indicator(i.id)}</th>
            <td>{audienceWords(report).row(i.band)}</td>
            <td>
              {f.source} {f.period}
            </td>
            <td class="num">
              {f.percent}%{f.n !== null && <span class="small"> of {f.n}</span>}
            </td>
            <td class="num">
              {f.difference === null ? (
                <span class="small">not shown</span>
              ) : f.pValue === null ? (
                <>
                  {f.difference > 0 ? '+' : ''}
                  {f.difference.toFixed(1)} points
                  <br />
                  <span class="small">{UNTESTED}</span>
                </>
              ) : (
                <Change direction={i.direction} delta={f.difference} t={{ pValue: f.pValue }} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Scores({ report }: { report: Report }) {
  if (!report.scores.length) return null;
  return (
    <section aria-labelledby="scores-h">
      <h2 id="scores-h">{scoreWords(report).heading}</h2>
      <table>
        <caption>{scoreWords(report).intro}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">{audienceWords(report).bandHead}</th>
            <th scope="col">Answered</th>
            <th scope="col">Average (95% interval)</th>
            <th scope="col">Change since {report.comparePeriod ?? 'last round'}</th>
            <th scope="col">Other authorities</th>
          </tr>
        </thead>
        <tbody>
          {report.scores.map((s) => (
            <tr key={`${s.question}-${s.band}`}>
              <th scope="row">
                {reportLabels(report).question(s.question)}
                {s.direction === 'lower' && <span class="small"> (lower is better)</span>}
              </th>
              <td>{audienceWords(report).row(s.band)}</td>
              <td class="num">{s.n ?? `fewer than ${report.minBase}`}</td>
              <td class="num">
                {s.mean === null ? 'hidden' : s.mean.toFixed(2)}
                {s.ci && <span class="small"> ({s.ci.low.toFixed(2)}–{s.ci.high.toFixed(2)})</span>}
              </td>
              <td class="num">
                {s.previous ? <Change direction={s.direction} delta={s.previous.change} t={s.previous} unit="" digits={2} /> : '–'}
                {s.previous?.t != null && (
                  <span class="small">
                    {' '}
                    (Welch t = {s.previous.t.toFixed(2)}, df {s.previous.df!.toFixed(1)})
                  </span>
                )}
              </td>
              <FigureWithChange
                figure={s.benchmark?.mean === null || !s.benchmark ? '–' : s.benchmark.mean.toFixed(2)}
                direction={s.direction}
                delta={s.benchmark?.difference ?? null}
                t={s.benchmark}
                unit=""
                digits={2}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A core round's local questions, as the download's "Your own questions": before/after, no other authorities (no other council asks them). */
function OwnQuestions({ report }: { report: Report }) {
  const sets = shownLocalQuestions(report);
  if (!sets.length) return null;
  const since = `Change since ${report.comparePeriod ?? 'last round'}`;
  return (
    <section aria-labelledby="own-questions-h">
      <h2 id="own-questions-h">Your own questions</h2>
      <p>{localQuestionsIntro(report.authority.name, sets)}</p>
      {sets.map((l) => {
        const words = reportLabels({ questionnaire: l });
        return (
          <div key={`${l.id}-${l.band}`}>
            <h3>
              {l.title} <span class="small">(ages {l.band})</span>
            </h3>
            <FiguresTable
              caption={`${l.title}: indicators`}
              what="Indicator"
              figure="% (95% interval)"
              since={since}
              minBase={report.minBase}
              rows={l.indicators.map((i) => ({
                key: i.id,
                label: words.indicator(i.id),
                direction: i.direction,
                n: i.n,
                figure: (
                  <>
                    {pct(i.percent)}
                    {i.ci && <span class="small"> ({i.ci.low}–{i.ci.high})</span>}
                  </>
                ),
                change: i.previous ? <Change direction={i.direction} delta={i.previous.change} t={i.previous} /> : '–',
              }))}
            />
            <FiguresTable
              caption={`${l.title}: mean scores`}
              what="Question"
              figure="Mean (95% interval)"
              since={since}
              minBase={report.minBase}
              rows={l.scores.map((s) => ({
                key: s.question,
                label: words.question(s.question),
                direction: s.direction,
                n: s.n,
                figure: (
                  <>
                    {s.mean === null ? 'hidden' : s.mean.toFixed(2)}
                    {s.ci && <span class="small"> ({s.ci.low.toFixed(2)}–{s.ci.high.toFixed(2)})</span>}
                  </>
                ),
                change: (
                  <>
                    {s.previous ? <Change direction={s.direction} delta={s.previous.change} t={s.previous} unit="" digits={2} /> : '–'}
                    {s.previous?.t != null && <span class="small"> (Welch t = {s.previous.t.toFixed(2)}, df {s.previous.df!.toFixed(1)})</span>}
                  </>
                ),
              }))}
            />
            <TrendFigures
              report={{ ...report, questionnaire: l, indicators: l.indicators, trend: l.trend }}
              domain={null}
              id="trend-own-questions"
              title={`${l.title}, ages ${l.band}: indicators`}
            />
          </div>
        );
      })}
    </section>
  );
}

interface FigureRow {
  key: string;
  label: string;
  direction: 'higher' | 'lower';
  n: number | null;
  figure: ComponentChildren;
  change: ComponentChildren;
}

/** A table of figures: what was asked, how many answered, the figure with its interval, and the change since the round compared. None when there are no rows. */
function FiguresTable({ caption, what, figure, since, minBase, rows }: { caption: string; what: string; figure: string; since: string; minBase: number; rows: FigureRow[] }) {
  if (!rows.length) return null;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col">Answered</th>
          <th scope="col">{figure}</th>
          <th scope="col">{since}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              {r.label}
              {r.direction === 'lower' && <span class="small"> (lower is better)</span>}
            </th>
            <td class="num">{r.n ?? `fewer than ${minBase}`}</td>
            <td class="num">{r.figure}</td>
            <td class="num">{r.change}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per domain, as the download: one chart per age band (the report's own SVG) and the figures in a table. */
function Trends({ report }: { report: Report }) {
  const { periods } = trendPeriods(report);
  return (
    <section aria-labelledby="trends-h">
      <h2 id="trends-h">Trends</h2>
      {periods.length < 2 ? (
        <p>Trends appear once this authority has two or more survey rounds.</p>
      ) : (
        <>
          <p>Each indicator across this authority's survey rounds (shown where at least two rounds have enough answers).</p>
          {[...DOMAINS, null].map((domain) =>
            trendSeries(report, domain).length ? (
              <div key={domain ?? 'own'}>
                <h3>{domainLabel(domain)}</h3>
                <TrendFigures report={report} domain={domain} id={`trend-${domain ?? 'own'}`} title={domainLabel(domain)} />
              </div>
            ) : null,
          )}
        </>
      )}
    </section>
  );
}

/** A domain's trend charts (one per band, the report's own SVG) and their table, as the download; none if no indicator has two rounds shown. */
function TrendFigures({ report, domain, id, title }: { report: Report; domain: string | null; id: string; title: string }) {
  const series = trendSeries(report, domain);
  if (!series.length) return null;
  const { periods, provisional } = trendPeriods(report);
  return (
    <>
      <div class="chart-row">
        {trendCharts(report, domain).map((c) => (
          <SvgChart key={c.band} svg={c.svg} id={`${id}-${c.band}`} />
        ))}
      </div>
      <table>
        <caption>{title} across survey rounds</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">{audienceWords(report).bandHead}</th>
            {periods.map((p) => (
              <th scope="col" key={p}>
                {p}
                {provisional.includes(p) && <span class="small"> (provisional: the round is still open)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((t) => (
            <tr key={`${t.id}-${t.band}`}>
              <th scope="row">{reportLabels(report).indicator(t.id)}</th>
              <td>{audienceWords(report).row(t.band)}</td>
              {periods.map((p) => {
                const point = t.points.find((x) => x.period === p);
                return (
                  <td class="num" key={p}>
                    {!point ? 'not asked' : point.percent === null ? `fewer than ${report.minBase}` : `${point.percent}%`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The same words as the download: "small number (of 23)" means the count is hidden, not that few children said yes. */
function cellText(c: BreakdownCell, minBase: number): string {
  if (c.n === null) return c.reason === 'secondary' ? 'hidden*' : `fewer than ${minBase} answers`;
  if (c.n === 0) return 'no answers';
  if (c.fewerThan5) return `fewer than 5 of ${c.n}`;
  if (c.count === null) return `${c.reason === 'secondary' ? 'hidden*' : 'small number'} (of ${c.n})`;
  return `${c.percent}% of ${c.n}`;
}

function Breakdowns({ report }: { report: Report }) {
  if (!report.breakdowns.length) return null;
  const groups = new Map<string, Report['breakdowns']>();
  for (const b of report.breakdowns) {
    const key = `${b.band} ${b.by}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(b);
  }
  return (
    <section aria-labelledby="breakdowns-h">
      <h2 id="breakdowns-h">Breakdowns by gender and placement</h2>
      <p class="small">
        “Small number (of 23)” means that of the 23 in the group who answered, between 1 and 4 did (or did not) give the answer counted, so the exact
        figure is hidden to keep them anonymous. * hidden so that a hidden figure cannot be worked out from the total.
      </p>
      {[...groups.values()].map((list) => {
        const first = list[0]!;
        const scale = first.by === 'gender' && first.band === '16-25' ? 'gender_adult' : first.by;
        return (
          <div class="table-wrap" key={`${first.band}-${first.by}`} tabIndex={0} role="region" aria-label={`${audienceWords(report).heading(first.band)} by ${BY_NAMES[first.by]}`}>
            <table>
              <caption>
                {audienceWords(report).heading(first.band)}, by {BY_NAMES[first.by]}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  {first.cells.map((c) => (
                    <th scope="col" key={String(c.value)}>
                      {optionLabel(scale, c.value)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.map((b) => (
                  <tr key={b.indicator}>
                    <th scope="row">{reportLabels(report).indicator(b.indicator)}</th>
                    {b.cells.map((c) => (
                      <td class="num" key={String(c.value)}>
                        {cellText(c, report.minBase)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

/** Free text by age band and question; the same words written by several children shown once, ×N. */
function Said({ report, me, withheld }: { report: Report; me: Me; withheld: number }) {
  if (!report.said.length && !report.saidWithheld && !withheld) return null;
  const groups = new Map<string, Map<string, number>>();
  for (const s of report.said) {
    const key = `${s.band}\u0000${s.question}`;
    if (!groups.has(key)) groups.set(key, new Map());
    const texts = groups.get(key)!;
    texts.set(s.text, (texts.get(s.text) ?? 0) + 1);
  }
  const n = report.saidWithheld;
  const { people, People } = audienceWords(report);
  return (
    <section aria-labelledby="said-h">
      <h2 id="said-h">What {people} said</h2>
      {withheld > 0 && (
        <p data-testid="said-not-for-you">
          {People} wrote {withheld === 1 ? '1 answer' : `${withheld} answers`} in their own words this round. Your role does not show what {people} wrote: ask an
          authority officer.
        </p>
      )}
      {n > 0 && (
        <p data-testid="said-withheld">
          {n === 1 ? '1 answer is' : `${n} answers are`} not shown: the safeguarding word list caught {n === 1 ? 'it' : 'them'}.{' '}
          {can.safeguarding(me) ? <a href="#/safeguarding">Read {n === 1 ? 'it' : 'them'} in the safeguarding queue</a> : `Someone with safeguarding access will read ${n === 1 ? 'it' : 'them'}.`}
        </p>
      )}
      {[...groups].map(([key, texts]) => {
        const [band, question] = key.split('\u0000') as [string, string];
        return (
          <div key={key}>
            <h3>
              {audienceWords(report).heading(band)}: {reportLabels(report).question(question)}
            </h3>
            <ul class="said">
              {[...texts].map(([text, count]) => (
                <li key={text}>
                  <q>{text}</q>
                  {count > 1 && <span class="small"> ×{count}<span class="visually-hidden"> (written by {count} {people})</span></span>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function HowToRead({ report }: { report: Report }) {
  const { people } = audienceWords(report);
  return (
    <section aria-labelledby="how-h">
      <h2 id="how-h">How to read this report</h2>
      <p>
        Each indicator is the share of {people} who answered a question whose answer was in its positive set. The 95% interval is the range the true figure is
        likely to lie in. No figure is shown when fewer than {report.minBase} {people} answered. “Other authorities” pools every other authority's closed rounds
        of the same period{report.benchmarkRounds.openLeftOut > 0 && ` (${report.benchmarkRounds.openLeftOut} still open, left out)`}, so it does not move as
        answers arrive.
      </p>
      <p>
        This report makes dozens of comparisons, and about one in twenty would have p below 0.05 by chance alone. “Significantly better” or “worse” means the
        result stays significant once that is allowed for (Benjamini-Hochberg q below 0.05); “may be chance” means p below 0.05 only. Better is shown in blue
        and worse in orange, always with the words. The downloadable report explains every figure in full.
      </p>
    </section>
  );
}

export function ReportPage({ id, me }: { id: number; me: Me }) {
  const [compare, setCompare] = useState('');
  const [band, setBand] = useState('');
  const q = compare ? `?compare=${encodeURIComponent(compare)}` : '';
  const { data, error } = useLoad(() => api<ReportData>('GET', `/waves/${id}/report${q}`), [id, q]);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const full = data.report;
  const bands = Object.keys(full.responses.byBand);
  const shown = (b: string) => (band ? b === band : (full.responses.byBand[b] ?? 0) > 0);
  // The band filter narrows every section; "all ages" leaves out bands nobody answered, as the download does.
  const report: Report = {
    ...full,
    indicators: full.indicators.filter((i) => shown(i.band)),
    scores: full.scores.filter((s) => shown(s.band)),
    ...(full.localQuestions ? { localQuestions: full.localQuestions.filter((l) => shown(l.band)) } : {}),
    breakdowns: full.breakdowns.filter((b) => shown(b.band)),
    trend: full.trend.filter((t) => shown(t.band)),
    said: full.said.filter((s) => shown(s.band)),
    // An action on every band (band null) concerns each band.
    actions: full.actions.filter((a) => !band || a.band === null || a.band === band),
  };
  const domains = [...new Set(report.indicators.map((i) => i.domain))];
  // An adults' questionnaire (carers, staff) has one band, no age, and no results for children.
  const { adults } = audienceWords(full);
  return (
    <>
      <h1>
        Report: {full.authority.name}, {full.questionnaire?.title ?? programmeName(full.programme)} {full.period}
      </h1>
      {full.provisional && (
        <p class="provisional" role="note">
          <strong>Provisional: the round is still open.</strong> Every figure here may change as more answers arrive.
        </p>
      )}
      <div class="toolbar no-print">
        <label for="compare">Compare with</label>
        <select id="compare" value={compare || full.comparePeriod || ''} onChange={(e) => setCompare((e.currentTarget as HTMLSelectElement).value)}>
          {data.comparePeriods.length === 0 && <option value="">no earlier round</option>}
          {data.comparePeriods.map((p) => (
            <option value={p} key={p}>
              {p}
            </option>
          ))}
        </select>
        {!adults && (
          <>
            <label for="band">Ages</label>
            <select id="band" value={band} onChange={(e) => setBand((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">All ages</option>
              {bands.map((b) => (
                <option value={b} key={b}>
                  {b}
                </option>
              ))}
            </select>
          </>
        )}
        <a href={actionPlanHref(full.authority.code)}>Action plan</a>
        {!adults && <a href={childrenResultsHref(id)}>Results for children</a>}
        <span>Download:</span>
        {(
          [
            ['html', 'Report as HTML'],
            ['docx', 'Report as Word'],
            ['summary', 'One-page summary'],
            ['csv', 'Report as CSV'],
            ['json', 'Report as JSON'],
          ] as const
        ).map(([f, label]) => (
          <a key={f} href={`/api/portal/waves/${id}/report.${f}${q}`} download>
            {label}
          </a>
        ))}
        {can.manageWaves(me) && (
          <a href={`/api/portal/waves/${id}/responses.csv`} download>
            Responses as CSV
          </a>
        )}
      </div>
      <Summary report={report} />
      <Responses report={full} />
      <Actions report={report} />
      {domains.map((d) => (
        <Domain key={d ?? 'own'} report={report} domain={d} rows={report.indicators.filter((i) => i.domain === d)} me={me} />
      ))}
      <Scores report={report} />
      <OwnQuestions report={report} />
      <Trends report={report} />
      <Breakdowns report={report} />
      <Said report={report} me={me} withheld={data.freeTextWithheld} />
      <HowToRead report={full} />
    </>
  );
}
