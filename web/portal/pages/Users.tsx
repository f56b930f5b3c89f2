// Programme admins: portal accounts, their role and authorities, and disabling.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { useLoad } from '../hooks.js';

interface User {
  id: number;
  email: string;
  role: string;
  disabled: boolean;
  authorities: string[];
  /** Too many failed password checks: some address is refused, or the account is slowed. */
  lockedOut: boolean;
}

type Authority = { code: string; name: string };

const ROLES: [string, string][] = [
  ['authority_officer', 'Authority officer'],
  ['viewer', 'Viewer'],
  ['programme_admin', 'Programme admin'],
];

/** The role and authorities fields, the same for adding a user and for changing one. */
function RoleFields({ prefix, authorities, user }: { prefix: string; authorities: Authority[] | undefined; user?: User }) {
  return (
    <>
      <label for={`${prefix}-role`}>Role</label>
      <select id={`${prefix}-role`} name="role">
        {ROLES.map(([value, label]) => (
          <option key={value} value={value} selected={user?.role === value}>
            {label}
          </option>
        ))}
      </select>
      <label for={`${prefix}-authorities`}>Authorities (officers and viewers)</label>
      <select id={`${prefix}-authorities`} name="authorities" multiple size={4}>
        {authorities?.map((a) => (
          <option key={a.code} value={a.code} selected={user?.authorities.includes(a.code)}>
            {a.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** What the form says: a programme admin has no authorities of their own (they see all). */
function roleAndAuthorities(f: FormData) {
  const role = String(f.get('role'));
  return { role, authorities: role === 'programme_admin' ? [] : f.getAll('authorities').map(String) };
}

function ChangeUser({ user, authorities, done }: { user: User; authorities: Authority[] | undefined; done: (message?: string) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string>();
  // Keyboard and screen-reader users land on the form they opened.
  useEffect(() => heading.current?.focus(), [user.id]);
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await api('PATCH', `/users/${user.id}`, roleAndAuthorities(new FormData(e.currentTarget as HTMLFormElement)));
      done(`Saved the changes to ${user.email}.`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="change-user">
      <h2 id="change-user" tabIndex={-1} ref={heading}>
        Change {user.email}
      </h2>
      {error && <p class="error">{error}</p>}
      <form onSubmit={save} class="grid">
        <RoleFields prefix="c" authorities={authorities} user={user} />
        <button type="submit">Save the changes</button>
        <button type="button" onClick={() => done()}>
          Cancel
        </button>
      </form>
    </section>
  );
}

export function UsersPage() {
  const { data, error, reload } = useLoad(() => api<{ users: User[] }>('GET', '/users'), []);
  const authorities = useLoad(() => api<{ authorities: { code: string; name: string }[] }>('GET', '/authorities'), []);
  const [message, setMessage] = useState<string>();
  const [changing, setChanging] = useState<User>();
  const create = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    try {
      await api('POST', '/users', { email: f.get('email'), password: f.get('password'), ...roleAndAuthorities(f) });
      setMessage(`Added ${String(f.get('email'))}. Give them their password in person or by phone.`);
      form.reset();
      reload();
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  const unlock = async (u: User) => {
    try {
      await api('POST', `/users/${u.id}/unlock`);
      setMessage(`Unlocked ${u.email}: they can sign in again now, from anywhere.`);
    } catch (err) {
      setMessage((err as Error).message);
    }
    reload();
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
                <td>{u.disabled ? 'Disabled' : u.lockedOut ? 'Locked out (too many failed sign-ins)' : 'Active'}</td>
                <td>
                  <button type="button" onClick={() => (setMessage(undefined), setChanging(u))}>
                    Change {u.email}
                  </button>{' '}
                  <button type="button" onClick={() => toggle(u)}>
                    {u.disabled ? 'Enable' : 'Disable'} {u.email}
                  </button>
                  {u.lockedOut && (
                    <>
                      {' '}
                      <button type="button" onClick={() => unlock(u)}>
                        Unlock {u.email}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changing && (
        <ChangeUser
          key={changing.id}
          user={changing}
          authorities={authorities.data?.authorities}
          done={(saved) => {
            setChanging(undefined);
            if (saved) (setMessage(saved), reload());
          }}
        />
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
          <RoleFields prefix="u" authorities={authorities.data?.authorities} />
          <label for="u-password">Password (at least 12 characters, not a common one)</label>
          <input id="u-password" name="password" type="password" minLength={12} required autocomplete="new-password" />
          <button type="submit">Add the user</button>
        </form>
      </section>
    </>
  );
}
