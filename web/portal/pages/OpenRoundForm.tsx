// The form that opens a survey round, one for every page that offers it:
// the rounds page (any built-in programme) and a questionnaire's page (that
// questionnaire, fixed). The server decides who may open what; a refused
// field is named by its label here (formError).
import { useState } from 'preact/hooks';
import { api, formError, PROGRAMMES } from '../api.js';

export interface OpenRoundFormProps {
  /** The authorities the user may open a round for. */
  authorities: { code: string; name: string }[];
  /** A council's questionnaire the round asks; without it, a built-in programme is chosen on the form. */
  programme?: string;
  onOpened: (id: number) => void;
}

export function OpenRoundForm({ authorities, programme, onOpened }: OpenRoundFormProps) {
  const [error, setError] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const date = (k: string) => (f.get(k) ? String(f.get(k)) : null);
    try {
      const { id } = await api<{ id: number }>('POST', '/waves', {
        authority: f.get('authority'),
        programme: programme ?? f.get('programme'),
        period: f.get('period'),
        opensOn: date('opensOn'),
        closesOn: date('closesOn'),
      });
      onOpened(id);
    } catch (err) {
      setError(formError(err, form));
    }
  };
  return (
    <>
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
        {programme === undefined && (
          <>
            <label for="programme">Programme</label>
            <select id="programme" name="programme">
              {Object.entries(PROGRAMMES).map(([id, name]) => (
                <option value={id} key={id}>
                  {name}
                </option>
              ))}
            </select>
          </>
        )}
        <label for="period">Period (such as 2025 or 2025-26)</label>
        <input id="period" name="period" required pattern="\d{4}(-\d{2})?" />
        <label for="opensOn">Opens on (optional; today if empty)</label>
        <input id="opensOn" name="opensOn" type="date" />
        <label for="closesOn">Closes after (optional)</label>
        <input id="closesOn" name="closesOn" type="date" />
        <button type="submit">Open the round</button>
      </form>
    </>
  );
}
