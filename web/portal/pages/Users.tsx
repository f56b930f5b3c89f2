// Programme admins: portal accounts, their role and authorities, and disabling.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLoad } from '../hooks.js';

interface User {
  id: number;
  email: string;
  role: string;
  disabled: boolean;
  authorities: string[];
}

export function UsersPage() {
  const { data, error, reload } = useLoad(() => api<{ users: User[] }>('GET', '/users'), []);
  const authorities = useLoad(() => api<{ authorities: { code: string; name: string }[] }>('GET', '/authorities'), []);
  const [message, setMessage] = useState<string>();
  const create = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const role = String(f.get('role'));
    try {
      await api('POST', '/users', {
        email: f.get('email'),
        role,
        password: f.get('password'),
        authorities: role === 'programme_admin' ? [] : f.getAll('authorities'),
      });
      setMessage(`Added ${String(f.get('email'))}. Give them their password in person or by phone.`);
      form.reset();
      reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const toggle = async (u: User) => {
    await api('PATCH', `/users/${u.id}`, { disabled: !u.disabled }).catch((err: Error) => setMessage(err.message));
    reload();
  };
  return (
    <>
      <h1>Users</h1>
      {error && <p class="error">{error}</p>}
      {message && <p role="status">{message}</p>}
      {data && (
        <table>
          <caption>Portal accounts</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Authorities</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.email}</th>
                <td>{u.role.replace('_', ' ')}</td>
                <td>{u.role === 'programme_admin' ? 'all' : u.authorities.join(', ')}</td>
                <td>{u.disabled ? 'Disabled' : 'Active'}</td>
                <td>
                  <button type="button" onClick={() => toggle(u)}>
                    {u.disabled ? 'Enable' : 'Disable'} {u.email}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="add-user">
        <h2 id="add-user">Add a user</h2>
        <p>
          An authority officer runs rounds, reads full reports and the safeguarding queue of their authorities; a viewer reads their
          authorities' reports; a programme admin sees every authority and manages users.
        </p>
        <form onSubmit={create} class="grid">
          <label for="u-email">Email address</label>
          <input id="u-email" name="email" type="email" required autocomplete="off" />
          <label for="u-role">Role</label>
          <select id="u-role" name="role">
            <option value="authority_officer">Authority officer</option>
            <option value="viewer">Viewer</option>
            <option value="programme_admin">Programme admin</option>
          </select>
          <label for="u-authorities">Authorities (officers and viewers)</label>
          <select id="u-authorities" name="authorities" multiple size={4}>
            {authorities.data?.authorities.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
          <label for="u-password">Password (at least 12 characters, not a common one)</label>
          <input id="u-password" name="password" type="password" minLength={12} required autocomplete="new-password" />
          <button type="submit">Add the user</button>
        </form>
      </section>
    </>
  );
}
