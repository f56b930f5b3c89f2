// Programme admins: the audit log, newest first, filtered by action and
// authority (the API's own filters), a page at a time, each entry's
// detail in words rather than raw JSON. The filters live in the address
// (#/audit?action=…&authority=…&before=…), so a filtered view can be
// shared and the back button steps through pages.
import { api } from '../api.js';
import { useLoad } from '../hooks.js';

interface Entry {
  id: number;
  at: string;
  email: string | null;
  action: string;
  authority: string | null;
  detail: Record<string, unknown> | null;
}

const PAGE = 50;

const words = (key: string) => key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** A detail value as a person reads it: lists joined, nested objects as "key value", yes/no. */
function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length ? v.map(value).join(', ') : 'none';
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} ${value(x)}`)
      .join(', ');
  return String(v);
}

/** An entry's detail as "key: value" pairs, e.g. "id: 3; programme: ylyc; period: 2024". */
export const describeDetail = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${words(k)}: ${value(v)}`)
    .join('; ');

export function AuditPage({ query }: { query: string }) {
  const params = new URLSearchParams(query);
  const action = params.get('action') ?? '';
  const authority = params.get('authority') ?? '';
  const before = params.get('before') ?? '';
  const asked = new URLSearchParams({ limit: String(PAGE), ...(action && { action }), ...(authority && { authority }), ...(before && { before }) }).toString();
  const loaded = useLoad(async () => ({ asked, ...(await api<{ entries: Entry[]; actions: string[] }>('GET', `/audit?${asked}`)) }), [asked]);
  const { error } = loaded;
  // The page last loaded stays on screen only until the next is asked for:
  // its entries under the next page's caption would be wrong.
  const data = loaded.data?.asked === asked ? loaded.data : undefined;
  const authorities = useLoad(() => api<{ authorities: { code: string; name: string }[] }>('GET', '/authorities'), []);
  const go = (next: Record<string, string>) => {
    const q = new URLSearchParams(Object.entries({ action, authority, ...next }).filter(([, v]) => v));
    location.hash = `#/audit${q.size ? `?${q}` : ''}`;
  };
  const filter = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    go({ action: String(f.get('action')), authority: String(f.get('authority')), before: '' });
  };
  const last = data?.entries.at(-1);
  return (
    <>
      <h1>Audit log</h1>
      <form class="filters" onSubmit={filter} aria-label="Filter the audit log" key={query}>
        <span>
          <label for="f-action">What</label>
          {/* Options marked selected rather than a controlled value: a page
              arriving while the officer picks would put the pick back. */}
          <select id="f-action" name="action">
            <option value="">Any action</option>
            {(loaded.data?.actions ?? (action ? [action] : [])).map((a) => (
              <option value={a} key={a} selected={a === action}>
                {words(a)}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label for="f-authority">Authority</label>
          <select id="f-authority" name="authority">
            <option value="">Any authority</option>
            {(authorities.data?.authorities ?? []).map((a) => (
              <option value={a.code} key={a.code} selected={a.code === authority}>
                {a.name} ({a.code})
              </option>
            ))}
          </select>
        </span>
        <button type="submit">Show</button>
      </form>
      {error && <p class="error">{error}</p>}
      {!data && !error && <p>Loading…</p>}
      {data && data.entries.length === 0 && <p>No entries{action || authority ? ' match these filters' : ''}.</p>}
      {data && data.entries.length > 0 && (
        <table>
          <caption>
            {data.entries.length} {data.entries.length === 1 ? 'entry' : 'entries'}
            {before ? ' (older)' : ''}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Authority</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
                <td>{e.email ?? 'command line'}</td>
                <th scope="row">{words(e.action)}</th>
                <td>{e.authority ?? ''}</td>
                <td class="small">{e.detail ? describeDetail(e.detail) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="paging">
        {before && (
          <button type="button" onClick={() => go({ before: '' })}>
            Newest entries
          </button>
        )}{' '}
        {data && data.entries.length === PAGE && last && (
          <button type="button" onClick={() => go({ before: String(last.id) })}>
            Older entries
          </button>
        )}
      </p>
    </>
  );
}
