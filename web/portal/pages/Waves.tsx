// Survey rounds the user may see, and (for officers and admins) a form to open one.
import { useState } from 'preact/hooks';
import { api, can, formError, PROGRAMMES, type Me } from '../api.js';
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

interface Authority {
  code: string;
  name: string;
  region: string | null;
  contact: string | null;
}

function CreateWave({ authorities, onCreated }: { authorities: Authority[]; onCreated: (id: number) => void }) {
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
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
      setError(formError(err, form));
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
          {authorities.map((a) => (
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
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Authority details</h2>
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
      await api('POST', '/authorities', { code: f.get('code'), name: f.get('name'), contact: f.get('contact') });
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
        <label for="a-contact">{CONTACT_LABEL} (optional)</label>
        <input id="a-contact" name="contact" maxLength={200} />
        <button type="submit">Add the authority</button>
      </form>
    </section>
  );
}

export function WavesPage({ me }: { me: Me }) {
  const { data, error } = useLoad(() => api<{ waves: WaveSummary[] }>('GET', '/waves'), []);
  const authorities = useLoad(() => api<{ authorities: Authority[] }>('GET', '/authorities'), []);
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
      {can.manageWaves(me) && authorities.data && (
        <>
          <CreateWave authorities={authorities.data.authorities} onCreated={(id) => (location.hash = `#/waves/${id}`)} />
          <AuthorityDetails authorities={authorities.data.authorities} admin={can.admin(me)} onSaved={authorities.reload} />
        </>
      )}
      {can.admin(me) && <AddAuthority onAdded={authorities.reload} />}
    </>
  );
}
