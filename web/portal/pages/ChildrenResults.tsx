// The children's version of a round's results ("you said, we will"), per
// age band and language: an officer picks what is going well and what needs
// to change from the findings that may be shown (words worked out on the
// server, never figures), writes the pledges, saves and publishes. Children
// see a published version on the next round's start screen, at
// /results/CODE and on the poster. Viewers read the saved versions.
import { useState } from 'preact/hooks';
import { RESULTS_TEXT, resultSentence, type ResultsLocale } from '../../../surveys/results-text.js';
import type { IndicatorId } from '../../../surveys/indicators.js';
import type { Words } from '../../../surveys/results-wording.js';
import { api, can, type Me } from '../api.js';
import { useLoad } from '../hooks.js';
import type { WaveSummary } from './Waves.js';

interface Finding {
  indicator: IndicatorId;
  words: Words;
}
interface Edit {
  good: IndicatorId[];
  change: IndicatorId[];
  pledges: string[];
}
interface Version {
  band: string;
  locale: ResultsLocale;
  content: { good: Finding[]; change: Finding[]; pledges: string[] };
  updatedAt: string;
  publishedAt: string | null;
}
interface ChildrenResults {
  bands: string[];
  locales: ResultsLocale[];
  suggestions: Record<string, Edit>;
  choices: Record<string, (Finding & { label: string })[]>;
  versions: Version[];
}

/** The most findings of each kind and pledges a version holds (the server's limit). */
const MAX = 6;
const LANGUAGES: Record<ResultsLocale, string> = { en: 'English', cy: 'Welsh (Cymraeg)', ar: 'Arabic (العربية)' };
const dirOf = (l: ResultsLocale) => (l === 'ar' ? 'rtl' : 'ltr');

export function childrenResultsHref(waveId: number): string {
  return `#/waves/${waveId}/children-results`;
}

function stateOf(v: Version | undefined): string {
  if (!v) return 'Not saved yet: children see nothing for these ages in this language.';
  if (v.publishedAt) return `Published ${v.publishedAt.slice(0, 10)}: children see this version.`;
  return `Saved ${v.updatedAt.slice(0, 10)}, not published: children do not see it yet.`;
}

/** One of "What is going well" / "What needs to change": a box for each finding that may be shown. */
function Findings(p: { kind: 'good' | 'change'; locale: ResultsLocale; choices: ChildrenResults['choices'][string]; chosen: IndicatorId[]; onChange: (ids: IndicatorId[]) => void }) {
  const heading = RESULTS_TEXT.en[p.kind];
  return (
    <fieldset>
      <legend>
        {heading} (up to {MAX})
      </legend>
      {p.choices.map((c) => {
        const id = `${p.kind}-${c.indicator}`;
        const checked = p.chosen.includes(c.indicator);
        return (
          <div class="check" key={id}>
            <input
              type="checkbox"
              id={id}
              checked={checked}
              disabled={!checked && p.chosen.length >= MAX}
              onChange={() => p.onChange(checked ? p.chosen.filter((x) => x !== c.indicator) : [...p.chosen, c.indicator])}
            />
            <label for={id}>
              <span lang={p.locale} dir={dirOf(p.locale)}>
                {resultSentence(p.locale, c.words, c.indicator)}
              </span>{' '}
              <span class="small">({c.label})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

function Editor(p: { waveId: number; band: string; locale: ResultsLocale; data: ChildrenResults; saved: Version | undefined; writes: boolean; done: (message: string) => void }) {
  const start: Edit = p.saved
    ? { good: p.saved.content.good.map((f) => f.indicator), change: p.saved.content.change.map((f) => f.indicator), pledges: p.saved.content.pledges }
    : p.data.suggestions[p.band] ?? { good: [], change: [], pledges: [] };
  const [good, setGood] = useState(start.good);
  const [change, setChange] = useState(start.change);
  const [pledges, setPledges] = useState(start.pledges.join('\n'));
  const [error, setError] = useState<string>();
  const choices = p.data.choices[p.band] ?? [];
  const language = LANGUAGES[p.locale];
  const run = async (what: () => Promise<unknown>, message: string) => {
    setError(undefined);
    try {
      await what();
      p.done(message);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const edit = (): Edit => ({ good, change, pledges: pledges.split('\n').map((l) => l.trim()).filter(Boolean) });
  const save = (e: Event) => {
    e.preventDefault();
    void run(() => api('PUT', `/waves/${p.waveId}/children-results/${p.band}/${p.locale}`, edit()), `Saved ages ${p.band} in ${language}. Not published yet.`);
  };
  const publish = () =>
    void run(() => api('POST', `/waves/${p.waveId}/children-results/${p.band}/${p.locale}/publish`), `Published ages ${p.band} in ${language}: children can see it.`);

  if (!p.writes) {
    if (!p.saved) return <p>Nothing saved for ages {p.band} in {language}.</p>;
    const c = p.saved.content;
    return (
      <div lang={p.locale} dir={dirOf(p.locale)}>
        {(['good', 'change'] as const).map((k) => (
          <>
            <h3>{RESULTS_TEXT[p.locale][k]}</h3>
            <ul>{c[k].map((f) => <li key={f.indicator}>{resultSentence(p.locale, f.words, f.indicator)}</li>)}</ul>
          </>
        ))}
        <h3>{RESULTS_TEXT[p.locale].pledges}</h3>
        <ul>{c.pledges.map((x) => <li key={x}>{x}</li>)}</ul>
      </div>
    );
  }
  if (!choices.length && !p.saved)
    return <p>No finding can be shown for ages {p.band}: nobody answered, or too few to show without telling who said what.</p>;
  return (
    <form onSubmit={save} class="children-results">
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <Findings kind="good" locale={p.locale} choices={choices} chosen={good} onChange={setGood} />
      <Findings kind="change" locale={p.locale} choices={choices} chosen={change} onChange={setChange} />
      <label for="pledges">
        {RESULTS_TEXT.en.pledges}: one pledge a line, up to {MAX}, in {language}, in words children use
      </label>
      <textarea id="pledges" rows={5} lang={p.locale} dir={dirOf(p.locale)} value={pledges} onInput={(e) => setPledges((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="toolbar">
        <button type="submit">Save</button>
        <button type="button" onClick={publish} disabled={!p.saved || !!p.saved.publishedAt}>
          Publish
        </button>
      </div>
    </form>
  );
}

export function ChildrenResultsPage({ id, me }: { id: number; me: Me }) {
  const wave = useLoad(() => api<WaveSummary>('GET', `/waves/${id}`), [id]);
  const { data, error, reload } = useLoad(() => api<ChildrenResults>('GET', `/waves/${id}/children-results`), [id]);
  const [band, setBand] = useState<string>();
  const [locale, setLocale] = useState<ResultsLocale>('en');
  const [message, setMessage] = useState<string>();
  if (error || wave.error) return <p class="error">{error ?? wave.error}</p>;
  if (!data || !wave.data) return <p>Loading…</p>;
  const w = wave.data;
  const shown = band ?? data.bands.find((b) => data.choices[b]?.length) ?? data.bands[0]!;
  const saved = data.versions.find((v) => v.band === shown && v.locale === locale);
  return (
    <>
      <h1>
        Results for children: {w.authority.name}, {w.title} {w.period}
      </h1>
      <p>
        What children see first on the next round's start screen ("{RESULTS_TEXT.en.title}"){w.code && <>, at <code>/results/{w.code}</code></>} and on the
        poster: for each age band, what is going well, what needs to change and what you will do. Findings are said in words ("most of you"), never
        figures; a finding with too few answers cannot be chosen. Nothing is shown to children until it is published, and saving again withdraws it
        until it is published again.
      </p>
      <div class="toolbar">
        <label for="cr-band">Ages</label>
        <select id="cr-band" value={shown} onChange={(e) => (setBand((e.currentTarget as HTMLSelectElement).value), setMessage(undefined))}>
          {data.bands.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
        <label for="cr-locale">Language</label>
        <select id="cr-locale" value={locale} onChange={(e) => (setLocale((e.currentTarget as HTMLSelectElement).value as ResultsLocale), setMessage(undefined))}>
          {data.locales.map((l) => (
            <option key={l} value={l}>
              {LANGUAGES[l]}
            </option>
          ))}
        </select>
      </div>
      {message && <p role="status">{message}</p>}
      <h2>
        Ages {shown}, {LANGUAGES[locale]}
      </h2>
      <p class="state">{stateOf(saved)}</p>
      <Editor
        key={`${shown} ${locale} ${saved?.updatedAt ?? ''}`}
        waveId={id}
        band={shown}
        locale={locale}
        data={data}
        saved={saved}
        writes={can.actionPlan(me)}
        done={(m) => (setMessage(m), reload())}
      />
    </>
  );
}
