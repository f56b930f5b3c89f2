// Changing one's own password (POST /api/portal/password). The current
// password is asked for; the server refuses a new one that is too easy to
// guess and says why, next to the field. Other sessions end; this one stays.
import { useState } from 'preact/hooks';
import { api, ApiError, type Me } from '../api.js';

type Field = 'current' | 'password' | 'repeat';
const FIELDS: Field[] = ['current', 'password', 'repeat'];

export function PasswordPage({ me }: { me: Me }) {
  const [problem, setProblem] = useState<{ field?: Field; message: string }>();
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const refuse = (message: string, field?: Field) => {
    setProblem({ field, message });
    // The field at fault, so a keyboard or screen-reader user lands on it with its message.
    if (field) document.getElementById(`pw-${field}`)?.focus();
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    setChanged(false);
    if (f.get('password') !== f.get('repeat')) return refuse('the two new passwords are not the same', 'repeat');
    setBusy(true);
    try {
      await api('POST', '/password', { current: f.get('current'), password: f.get('password') });
      form.reset();
      setProblem(undefined);
      setChanged(true);
    } catch (err) {
      const path = err instanceof ApiError ? err.issues[0]?.path : undefined;
      refuse((err as Error).message, FIELDS.find((field) => field === path));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: Field, label: string, autocomplete: string) => {
    const error = problem?.field === name ? problem.message : undefined;
    return (
      <>
        <label for={`pw-${name}`}>{label}</label>
        <input
          id={`pw-${name}`}
          name={name}
          type="password"
          autocomplete={autocomplete}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `pw-${name}-error` : undefined}
        />
        {error && (
          <p id={`pw-${name}-error`} class="error" role="alert">
            {error}
          </p>
        )}
      </>
    );
  };
  return (
    <>
      <h1>Change your password</h1>
      <p>
        For {me.email}. At least 12 characters and not easy to guess: a few unrelated words work well. When it is changed, you stay
        signed in here and every other browser or computer signed in as you is signed out.
      </p>
      {changed && <p role="status">Your password is changed. Any other place you were signed in has been signed out.</p>}
      {problem && !problem.field && (
        <p class="error" role="alert">
          {problem.message}
        </p>
      )}
      <form onSubmit={submit} class="grid">
        {field('current', 'Current password', 'current-password')}
        {field('password', 'New password', 'new-password')}
        {field('repeat', 'The new password again', 'new-password')}
        <button type="submit" disabled={busy}>
          Change my password
        </button>
      </form>
    </>
  );
}
