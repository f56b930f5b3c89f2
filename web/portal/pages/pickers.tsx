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

export function ProgrammePicker({ value, onChange }: { value: string; onChange: (p: string) => void }) {
  return (
    <>
      <label for="pick-programme">Programme</label>
      <select id="pick-programme" value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {Object.entries(PROGRAMMES).map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </>
  );
}
