// Survey rounds the user may see, and (for officers and admins) a form to open one.
import { useState } from 'preact/hooks';
import { api, can, type Me } from '../api.js';
import { OpenRoundForm } from './OpenRoundForm.js';
import { useLoad } from '../hooks.js';

export interface WaveSummary {
  id: number;
  authority: { code: string; name: string };
  programme: string;
  /** What staff call the programme: a built-in one's name or its questionnaire's title. */
  title: string;
  period: string;
  opensOn: string | null;
  closesOn: string | null;
  open: boolean;
  code: string | null;
  responses: number;
}

interface Authority {
  code: string;
  name: string;
  region: string | null;
  contact: string | null;
}

function CreateWave({ authorities, open, onCreated }: { authorities: Authority[]; open: boolean; onCreated: (id: number) => void }) {
  const [startOpen] = useState(open);
  return (
    <details class="action" open={startOpen}>
      <summary>Open a survey round</summary>
      <OpenRoundForm authorities={authorities} onOpened={onCreated} />
    </details>
  );
}

const CONTACT_LABEL = "How children reach children's services (shown on the survey's help screen)";

/**
 * An authority's details: the contact children see beside Childline on the
 * survey's help screen, which its officers keep up to date, and (for
 * programme admins) its name and region.
 */
function AuthorityDetails({ authorities, admin, onSaved }: { authorities: Authority[]; admin: boolean; onSaved: () => void }) {
  const [code, setCode] = useState(authorities[0]?.code);
  const [message, setMessage] = useState<string>();
  const chosen = authorities.find((a) => a.code === code) ?? authorities[0];
  if (!chosen) return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const contact = String(f.get('contact')).trim();
    try {
      await api('PATCH', `/authorities/${chosen.code}`, admin ? { contact, name: f.get('name'), region: f.get('region') } : { contact });
      setMessage(contact ? `Saved. Children of ${chosen.name} now see: ${contact}.` : `Saved. ${chosen.name} now shows children no contact of its own.`);
      onSaved();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <details class="action">
      <summary>Authority details</summary>
      {message && <p role="status">{message}</p>}
      <form onSubmit={submit} class="grid" key={chosen.code}>
        <label for="d-authority">Which authority</label>
        <select id="d-authority" value={chosen.code} onChange={(e) => (setCode(e.currentTarget.value), setMessage(undefined))}>
          {authorities.map((a) => (
            <option value={a.code} key={a.code}>
              {a.name} ({a.code})
            </option>
          ))}
        </select>
        {admin && (
          <>
            <label for="d-name">Its name</label>
            <input id="d-name" name="name" required defaultValue={chosen.name} maxLength={200} />
            <label for="d-region">Its region (optional)</label>
            <input id="d-region" name="region" defaultValue={chosen.region ?? ''} maxLength={100} />
          </>
        )}
        <label for="d-contact">{CONTACT_LABEL}</label>
        <input id="d-contact" name="contact" defaultValue={chosen.contact ?? ''} maxLength={200} />
        <button type="submit">Save the details</button>
      </form>
    </details>
  );
}

function AddAuthority({ open, onAdded }: { open: boolean; onAdded: () => void }) {
  const [message, setMessage] = useState<string>();
  // Open at first only (no authority yet): it stays open to show its message once the first is added.
  const [startOpen] = useState(open);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    try {
      await api('POST', '/authorities', { code: f.get('code'), name: f.get('name'), contact: f.get('contact') });
      setMessage(`Added ${String(f.get('name'))}.`);
      form.reset();
      onAdded();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <details class="action" open={startOpen}>
      <summary>Add a local authority</summary>
      {message && <p role="status">{message}</p>}
      <form onSubmit={submit} class="grid">
        <label for="a-code">ONS code (such as E06000002)</label>
        <input id="a-code" name="code" required pattern="[EWSNewsn]\d{8}" />
        <label for="a-name">Name</label>
        <input id="a-name" name="name" required />
        <label for="a-contact">{CONTACT_LABEL} (optional)</label>
        <input id="a-contact" name="contact" maxLength={200} />
        <button type="submit">Add the authority</button>
      </form>
    </details>
  );
}

/** Rounds a page shows; at national scale there are about 2,000, so the server filters and pages them. */
const PAGE = 25;
const FILTERS = ['authority', 'programme', 'period', 'state'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** GET /waves with filters and a page: one page of rounds, how many match, and each filter's values. */
interface WaveList {
  waves: WaveSummary[];
  total: number;
  page: number;
  choices: { authorities: { code: string; name: string }[]; programmes: { id: string; title: string }[]; periods: string[] };
}

/** The address's filters and page (#/?authority=…&page=2) as the API's query, 25 a page. */
function listQuery(query: string): string {
  const params = new URLSearchParams(query);
  const q = new URLSearchParams(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  q.set('page', String(Math.max(1, Math.floor(Number(params.get('page'))) || 1)));
  q.set('perPage', String(PAGE));
  return q.toString();
}

/** Each value a filter can take, as [value, label], in the order shown. */
function options(choices: WaveList['choices']): Record<keyof Filters, [string, string][]> {
  const byLabel = (pairs: [string, string][]) => pairs.sort((a, b) => a[1].localeCompare(b[1]));
  return {
    authority: byLabel(choices.authorities.map((a) => [a.code, `${a.name} (${a.code})`])),
    programme: byLabel(choices.programmes.map((p) => [p.id, p.title])),
    period: choices.periods.map((p) => [p, p]),
    state: [['open', 'Open'], ['closed', 'Closed']],
  };
}

const ANY: Filters = { authority: 'Any authority', programme: 'Any programme', period: 'Any period', state: 'Open or closed' };
const LABEL: Filters = { authority: 'Authority', programme: 'Programme', period: 'Period', state: 'Status' };

/**
 * A page of the rounds, filtered by authority, programme, period and status
 * on the server; the filters and page live in the address
 * (#/?authority=…&page=2), so the back button and a shared link keep them.
 */
function RoundsList({ list, query }: { list: WaveList; query: string }) {
  const params = new URLSearchParams(query);
  const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const { waves, total, page } = list;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const go = (next: Partial<Filters> & { page?: number }) => {
    const q = new URLSearchParams(Object.entries({ ...f, ...next, page: next.page && next.page > 1 ? String(next.page) : '' }).filter(([, v]) => v));
    location.hash = `#/${q.size ? `?${q}` : ''}`;
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    go({ ...(Object.fromEntries(FILTERS.map((k) => [k, String(form.get(k) ?? '')])) as Filters), page: 1 });
  };
  const values = options(list.choices);
  const filtering = FILTERS.some((k) => f[k]);
  const from = (page - 1) * PAGE;
  return (
    <>
      <form class="filters" onSubmit={submit} aria-label="Filter the rounds" key={query}>
        {FILTERS.map((k) => (
          <span key={k}>
            <label for={`f-${k}`}>{LABEL[k]}</label>
            <select id={`f-${k}`} name={k} value={f[k]}>
              <option value="">{ANY[k]}</option>
              {values[k].map(([value, label]) => (
                <option value={value} key={value}>
                  {label}
                </option>
              ))}
            </select>
          </span>
        ))}
        <button type="submit">Show</button>
        {filtering && (
          <button type="button" onClick={() => go({ authority: '', programme: '', period: '', state: '', page: 1 })}>
            Show all
          </button>
        )}
      </form>
      {total === 0 ? (
        <p>No rounds match these filters.</p>
      ) : waves.length === 0 ? (
        <p>
          There is no page {page}: {pages === 1 ? 'there is one page' : `there are ${pages} pages`}.
        </p>
      ) : (
        <table>
          <caption>
            Rounds {from + 1} to {from + waves.length} of {total}
            {filtering ? ' matching' : ''}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Authority</th>
              <th scope="col">Programme</th>
              <th scope="col">Period</th>
              <th scope="col">Status</th>
              <th scope="col">Responses</th>
              <th scope="col">Report</th>
            </tr>
          </thead>
          <tbody>
            {waves.map((w) => (
              <tr key={w.id}>
                <th scope="row">
                  <a href={`#/waves/${w.id}`}>{w.authority.name}</a>
                </th>
                <td>{w.title}</td>
                <td>{w.period}</td>
                <td>{w.open ? 'Open' : 'Closed'}</td>
                <td class="num">{w.responses}</td>
                <td>
                  <a href={`#/waves/${w.id}/report`}>Report for {w.authority.name} {w.period}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Pages of rounds" class="paging">
          <button type="button" disabled={page <= 1} onClick={() => go({ page: Math.min(page, pages + 1) - 1 })}>
            Previous page
          </button>{' '}
          <span>
            Page {Math.min(page, pages)} of {pages}
          </span>{' '}
          <button type="button" disabled={page >= pages} onClick={() => go({ page: page + 1 })}>
            Next page
          </button>
        </nav>
      )}
    </>
  );
}

export function WavesPage({ me, query }: { me: Me; query: string }) {
  // One page of rounds, as the address asks; the browser never holds them all.
  const rounds = listQuery(query);
  const { data, error } = useLoad(() => api<WaveList>('GET', `/waves?${rounds}`), [rounds]);
  // No period to filter by: the user's authorities have no round at all.
  const none = data?.choices.periods.length === 0;
  const authorities = useLoad(() => api<{ authorities: Authority[] }>('GET', '/authorities'), []);
  const list = authorities.data?.authorities;
  return (
    <>
      <h1>Survey rounds</h1>
      {/* What one does here first, above a list that can run to thousands of rounds; each opens in place. */}
      {data && list && (
        <div class="actions">
          {can.manageWaves(me) && list.length > 0 && (
            <>
              <CreateWave authorities={list} open={none} onCreated={(id) => (location.hash = `#/waves/${id}`)} />
              <AuthorityDetails authorities={list} admin={can.admin(me)} onSaved={authorities.reload} />
            </>
          )}
          {can.admin(me) && <AddAuthority open={list.length === 0} onAdded={authorities.reload} />}
        </div>
      )}
      {error && <p class="error">{error}</p>}
      {data && none && <p>No survey rounds yet.</p>}
      {data && !none && <RoundsList list={data} query={query} />}
    </>
  );
}
