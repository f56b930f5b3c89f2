// Survey rounds the user may see, and (for officers and admins) a form to open one.
import { useState } from 'preact/hooks';
import { api, can, PROGRAMMES, type Me } from '../api.js';
import { useLoad } from '../hooks.js';

export interface WaveSummary {
  id: number;
  authority: { code: string; name: string };
  programme: string;
  period: string;
  opensOn: string | null;
  closesOn: string | null;
  open: boolean;
  code: string | null;
  responses: number;
}

function CreateWave({ onCreated }: { onCreated: (id: number) => void }) {
  const authorities = useLoad(() => api<{ authorities: { code: string; name: string }[] }>('GET', '/authorities'), []);
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const date = (k: string) => (f.get(k) ? String(f.get(k)) : null);
    try {
      const { id } = await api<{ id: number }>('POST', '/waves', {
        authority: f.get('authority'),
        programme: f.get('programme'),
        period: f.get('period'),
        opensOn: date('opensOn'),
        closesOn: date('closesOn'),
      });
      onCreated(id);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Open a survey round</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={submit} class="grid">
        <label for="authority">Authority</label>
        <select id="authority" name="authority" required>
          {authorities.data?.authorities.map((a) => (
            <option value={a.code} key={a.code}>
              {a.name} ({a.code})
            </option>
          ))}
        </select>
        <label for="programme">Programme</label>
        <select id="programme" name="programme">
          {Object.entries(PROGRAMMES).map(([id, name]) => (
            <option value={id} key={id}>
              {name}
            </option>
          ))}
        </select>
        <label for="period">Period (such as 2025 or 2025-26)</label>
        <input id="period" name="period" required pattern="\d{4}(-\d{2})?" />
        <label for="opensOn">Opens on (optional; today if empty)</label>
        <input id="opensOn" name="opensOn" type="date" />
        <label for="closesOn">Closes after (optional)</label>
        <input id="closesOn" name="closesOn" type="date" />
        <button type="submit">Open the round</button>
      </form>
    </section>
  );
}

function AddAuthority({ onAdded }: { onAdded: () => void }) {
  const [message, setMessage] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    try {
      await api('POST', '/authorities', { code: f.get('code'), name: f.get('name') });
      setMessage(`Added ${String(f.get('name'))}.`);
      form.reset();
      onAdded();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="authority-heading">
      <h2 id="authority-heading">Add a local authority</h2>
      {message && <p role="status">{message}</p>}
      <form onSubmit={submit} class="grid">
        <label for="a-code">ONS code (such as E06000002)</label>
        <input id="a-code" name="code" required pattern="[EWSNewsn]\d{8}" />
        <label for="a-name">Name</label>
        <input id="a-name" name="name" required />
        <button type="submit">Add the authority</button>
      </form>
    </section>
  );
}

export function WavesPage({ me }: { me: Me }) {
  const [added, setAdded] = useState(0);
  const { data, error } = useLoad(() => api<{ waves: WaveSummary[] }>('GET', '/waves'), []);
  return (
    <>
      <h1>Survey rounds</h1>
      {error && <p class="error">{error}</p>}
      {data && data.waves.length === 0 && <p>No survey rounds yet.</p>}
      {data && data.waves.length > 0 && (
        <table>
          <caption>Survey rounds you can see, newest first</caption>
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
            {data.waves.map((w) => (
              <tr key={w.id}>
                <th scope="row">
                  <a href={`#/waves/${w.id}`}>{w.authority.name}</a>
                </th>
                <td>{PROGRAMMES[w.programme]}</td>
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
      {can.manageWaves(me) && <CreateWave key={added} onCreated={(id) => (location.hash = `#/waves/${id}`)} />}
      {can.admin(me) && <AddAuthority onAdded={() => setAdded((n) => n + 1)} />}
    </>
  );
}
