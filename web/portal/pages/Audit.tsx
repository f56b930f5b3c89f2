// Programme admins: the audit log, newest first.
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

export function AuditPage() {
  const { data, error } = useLoad(() => api<{ entries: Entry[] }>('GET', '/audit?limit=200'), []);
  return (
    <>
      <h1>Audit log</h1>
      {error && <p class="error">{error}</p>}
      {data && (
        <table>
          <caption>The latest {data.entries.length} entries, newest first</caption>
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
                <th scope="row">{e.action.replaceAll('_', ' ')}</th>
                <td>{e.authority ?? ''}</td>
                <td class="small">{e.detail ? JSON.stringify(e.detail) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
