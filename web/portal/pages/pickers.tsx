// Choosing an authority and a programme, shared by several pages.
import { api, PROGRAMMES } from '../api.js';
import { useLoad } from '../hooks.js';

export function AuthorityPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { data } = useLoad(() => api<{ authorities: { code: string; name: string }[] }>('GET', '/authorities'), []);
  const list = data?.authorities ?? [];
  if (!value && list[0]) queueMicrotask(() => onChange(list[0]!.code));
  return (
    <>
      <label for="pick-authority">Authority</label>
      <select id="pick-authority" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {list.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * The built-in programmes; with `questionnaires`, also the council questionnaires the user's
 * rounds are of (the rounds list's choices), for pages that can show those rounds' figures.
 */
export function ProgrammePicker({ value, onChange, questionnaires = false }: { value: string; onChange: (p: string) => void; questionnaires?: boolean }) {
  const { data } = useLoad(
    () => (questionnaires ? api<{ choices: { programmes: { id: string; title: string }[] } }>('GET', '/waves?perPage=1') : Promise.resolve(undefined)),
    [questionnaires],
  );
  const own = (data?.choices.programmes ?? []).filter((p) => !Object.hasOwn(PROGRAMMES, p.id)).map((p) => [p.id, p.title] as const);
  return (
    <>
      <label for="pick-programme">Programme</label>
      <select id="pick-programme" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {[...Object.entries(PROGRAMMES), ...own].map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </>
  );
}
