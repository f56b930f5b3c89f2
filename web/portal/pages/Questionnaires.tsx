// Councils' own questionnaires: upload a file (checked on the server, every
// problem shown with its JSON path), read it as respondents will before
// adding it (every question at once here, and the survey app's own
// screens in a new tab: web/survey/preview.tsx), then open a round of it.
// What a user may see and use is decided by the server; this page only
// leaves out what it would refuse.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { PREVIEW_FILE, PREVIEW_READY } from '../../survey/preview-messages.js';
import { api, ApiError, can, type Issue, type Me } from '../api.js';
import { useLoad } from '../hooks.js';
import { OpenRoundForm } from './OpenRoundForm.js';

interface Summary {
  id: string;
  version: number;
  title: string;
  authority: string | null;
  createdAt: string;
  responses: number;
}

interface PreviewQuestion {
  id: string;
  text: string;
  choices: { value: string; label: string }[];
  freeText: boolean;
  condition: { question: string; notIn: string[] } | null;
}

interface Preview {
  id: string;
  version: number;
  title: string;
  audience: 'children' | 'young_people' | 'adults';
  locale: string;
  locales: string[];
  rtl: boolean;
  questions: PreviewQuestion[];
}

interface Authority {
  code: string;
  name: string;
}

const AUDIENCE: Record<Preview['audience'], string> = {
  children: 'children (the child survey’s look, with pictures and read-aloud)',
  young_people: 'young people',
  adults: 'adults: parents, carers or staff (plain screens)',
};

const LANGUAGE: Record<string, string> = { en: 'English', cy: 'Cymraeg', ar: 'العربية' };

/** What the survey's own preview (web/survey/preview.tsx) is, beside the link or button that opens it. */
const SURVEY_PREVIEW = 'in a new tab: the survey’s own screens, one question a screen, as a round shows them; nothing answered there is kept or sent';

/**
 * The questions as respondents read them: `survey`, the link or button to
 * the survey's own screens, then every question at once, answers shown but
 * not answerable.
 */
export function QuestionnairePreview({ preview, onLocale, survey }: { preview: Preview; onLocale: (locale: string) => void; survey: ComponentChildren }) {
  return (
    <section aria-labelledby="preview-heading" class="preview">
      <h2 id="preview-heading">
        Preview: {preview.title} <span class="small">(version {preview.version})</span>
      </h2>
      <p>Answered by {AUDIENCE[preview.audience]}.</p>
      {preview.locales.length > 1 && (
        <p class="toolbar">
          <label for="preview-locale">Language</label>
          <select id="preview-locale" value={preview.locale} onChange={(e) => onLocale((e.currentTarget as HTMLSelectElement).value)}>
            {preview.locales.map((l) => (
              <option value={l} key={l}>
                {LANGUAGE[l] ?? l}
              </option>
            ))}
          </select>
        </p>
      )}
      <p>
        {survey} <span class="small">({SURVEY_PREVIEW})</span>
      </p>
      <h3>Every question at once</h3>
      <p>Read-only: nothing can be answered here.</p>
      <ol class="preview-questions" lang={preview.locale} dir={preview.rtl ? 'rtl' : 'ltr'}>
        {preview.questions.map((q) => (
          <li key={q.id}>
            <fieldset disabled>
              <legend>{q.text}</legend>
              {q.freeText ? (
                <>
                  <label for={`preview-${q.id}`} class="visually-hidden">
                    {q.text}
                  </label>
                  <textarea id={`preview-${q.id}`} rows={2} />
                </>
              ) : (
                q.choices.map((c) => (
                  <label key={c.value} class="choice">
                    <input type="radio" name={`preview-${q.id}`} value={c.value} /> {c.label}
                  </label>
                ))
              )}
            </fieldset>
            {q.condition && (
              <p class="small" lang="en" dir="ltr">
                Asked unless the answer to “{q.condition.question}” is {q.condition.notIn.map((v) => `“${v}”`).join(' or ')}.
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Problems({ issues }: { issues: Issue[] }) {
  return (
    <div class="error" role="alert">
      <p>
        The file has {issues.length === 1 ? 'a problem' : `${issues.length} problems`}; nothing was added:
      </p>
      <ul>
        {issues.map((i, k) => (
          <li key={k}>
            <code>{i.path}</code>: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The survey's own screens for a stored questionnaire (the preview reads it from the portal's API). */
const surveyPreviewUrl = (id: string, version: number, locale: string) =>
  `/s/preview/${encodeURIComponent(id)}/${version}?locale=${encodeURIComponent(locale)}`;

/**
 * Opens the survey's own screens for a file not yet added, in a new tab,
 * and hands it the checked file when it asks (web/survey/preview-messages.ts).
 * False when the browser would not open the tab.
 */
function openFilePreview(view: unknown, locale: string): boolean {
  // Without noopener: the tab asks this page for the file through window.opener.
  const tab = window.open(`/s/preview/file?locale=${encodeURIComponent(locale)}`, '_blank');
  if (!tab) return false;
  // Answered each time the tab asks (a reload asks again) while this page is open; closed, the listener goes.
  const answer = (event: MessageEvent) => {
    if (tab.closed) return removeEventListener('message', answer);
    if (event.origin !== location.origin || event.source !== tab || (event.data as { type?: unknown } | null)?.type !== PREVIEW_READY) return;
    tab.postMessage({ type: PREVIEW_FILE, view }, location.origin);
  };
  addEventListener('message', answer);
  return true;
}

function Upload({ me, authorities, onAdded }: { me: Me; authorities: Authority[]; onAdded: () => void }) {
  const [file, setFile] = useState<unknown>();
  const [preview, setPreview] = useState<Preview>();
  /** The checked file as the survey app takes it, for its preview. */
  const [view, setView] = useState<unknown>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<string>();
  const [added, setAdded] = useState<string>();

  const check = async (value: unknown, locale?: string) => {
    setPreview(undefined);
    setIssues([]);
    setMessage(undefined);
    try {
      const checked = await api<{ preview: Preview; respondentView: unknown }>('POST', '/questionnaires/check', { file: value, locale });
      setPreview(checked.preview);
      setView(checked.respondentView);
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setIssues(err.issues);
      else setMessage((err as Error).message);
    }
  };
  const choose = async (e: Event) => {
    setAdded(undefined);
    const picked = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!picked) return;
    let value: unknown;
    try {
      value = JSON.parse(await picked.text());
    } catch (err) {
      setFile(undefined);
      setPreview(undefined);
      setIssues([]);
      setMessage(`${picked.name} is not JSON: ${(err as Error).message}`);
      return;
    }
    setFile(value);
    await check(value);
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const owner = new FormData(e.currentTarget as HTMLFormElement).get('owner');
    try {
      const r = await api<{ id: string; version: number; outcome: string }>('POST', '/questionnaires', { authority: owner === '' ? null : owner, file });
      setAdded(`${r.outcome === 'unchanged' ? 'Already added, unchanged' : 'Added'}: ${r.id} version ${r.version}.`);
      setFile(undefined);
      setPreview(undefined);
      onAdded();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) setIssues(err.issues);
      else setMessage((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="upload-heading">
      <h2 id="upload-heading">Add a questionnaire</h2>
      <p>
        Choose the questionnaire’s JSON file (the format is in the README, “Councils’ own questionnaires”). It is checked and shown below as respondents will read
        it before anything is added.
      </p>
      <p>
        <label for="questionnaire-file">Questionnaire file (JSON)</label>
        <br />
        <input id="questionnaire-file" type="file" accept=".json,application/json" onChange={choose} />
      </p>
      {added && (
        <p class="ok" role="status">
          {added}
        </p>
      )}
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      {issues.length > 0 && <Problems issues={issues} />}
      {preview && (
        <>
          <QuestionnairePreview
            preview={preview}
            onLocale={(l) => void check(file, l)}
            survey={
              <button type="button" onClick={() => openFilePreview(view, preview.locale) || setMessage('The browser did not open a new tab: allow this site’s pop-ups, then try again.')}>
                Preview it as respondents see it
              </button>
            }
          />
          <form onSubmit={add} class="grid">
            <label for="owner">For</label>
            <select id="owner" name="owner">
              {authorities.map((a) => (
                <option value={a.code} key={a.code}>
                  {a.name} ({a.code}) only
                </option>
              ))}
              {can.admin(me) && <option value="">Every authority</option>}
            </select>
            <button type="submit">Add the questionnaire</button>
          </form>
        </>
      )}
    </section>
  );
}

export function QuestionnairesPage({ me }: { me: Me }) {
  const list = useLoad(() => api<{ questionnaires: Summary[] }>('GET', '/questionnaires'), []);
  const authorities = useLoad(() => api<{ authorities: Authority[] }>('GET', '/authorities'), []);
  return (
    <>
      <h1>Questionnaires</h1>
      <p>Councils’ own questionnaires, for carers, parents, staff or young people: those of your authority and those for every authority.</p>
      {list.error && <p class="error">{list.error}</p>}
      {list.data && (
        <table>
          <caption>Questionnaires you can use</caption>
          <thead>
            <tr>
              <th scope="col">Questionnaire</th>
              <th scope="col">Version</th>
              <th scope="col">For</th>
              <th scope="col" class="num">
                Responses
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.questionnaires.length === 0 && (
              <tr>
                <td colSpan={4}>None yet.</td>
              </tr>
            )}
            {list.data.questionnaires.map((q) => (
              <tr key={`${q.id}-${q.version}`}>
                <th scope="row">
                  <a href={`#/questionnaires/${q.id}?version=${q.version}`}>{q.title}</a> <span class="small">({q.id})</span>
                </th>
                <td>{q.version}</td>
                <td>{q.authority ?? 'Every authority'}</td>
                <td class="num">{q.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can.manageWaves(me) && authorities.data && <Upload me={me} authorities={authorities.data.authorities} onAdded={list.reload} />}
    </>
  );
}

/** One stored questionnaire: its preview, and a round opened with it. */
export function QuestionnairePage({ id, version }: { id: string; version: number | null }) {
  const [locale, setLocale] = useState<string>();
  const query = new URLSearchParams({ ...(version !== null && { version: String(version) }), ...(locale && { locale }) }).toString();
  const { data, error } = useLoad(() => api<{ preview: Preview; canOpenRound: boolean }>('GET', `/questionnaires/${id}${query ? `?${query}` : ''}`), [id, query]);
  const authorities = useLoad(() => api<{ authorities: Authority[] }>('GET', '/authorities'), []);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <>
      <h1>Questionnaire: {data.preview.title}</h1>
      <p>
        <a href="#/questionnaires">All questionnaires</a>
      </p>
      <QuestionnairePreview
        preview={data.preview}
        onLocale={setLocale}
        survey={
          <a href={surveyPreviewUrl(id, data.preview.version, data.preview.locale)} target="_blank">
            Preview it as respondents see it
          </a>
        }
      />
      {data.canOpenRound && authorities.data && (
        <section aria-labelledby="round-heading">
          <h2 id="round-heading">Open a round of it</h2>
          <p>A new round asks the newest version.</p>
          <OpenRoundForm authorities={authorities.data.authorities} programme={id} onOpened={(wave) => (location.hash = `#/waves/${wave}`)} />
        </section>
      )}
    </>
  );
}
