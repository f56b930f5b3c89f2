// Free-text answers that matched the worrying-words list, to review, mark
// as seen and note what was done. Answers are anonymous.
import { useState } from 'preact/hooks';
import { api, type Me } from '../api.js';
import { useLoad } from '../hooks.js';
import { AuthorityPicker } from './pickers.js';

interface Item {
  /** Names the answer (e.g. in a safeguarding referral); in no order, unlike the response's row id. */
  reference: string;
  question: string;
  text: string;
  matches: string[];
  band: string;
  submittedOn: string;
  seen: { at: string; by: string | null; note: string } | null;
}

function Review({ item, onDone }: { item: Item; onDone: () => void }) {
  const [note, setNote] = useState(item.seen?.note ?? '');
  const [error, setError] = useState<string>();
  const id = `note-${item.reference}-${item.question}`;
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await api('POST', `/safeguarding/${item.reference}/${item.question}/seen`, { note });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={save} class="review">
      <label for={id}>What was done</label>
      <textarea id={id} value={note} rows={2} maxLength={2000} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      <button type="submit">{item.seen ? 'Update note' : 'Mark as seen'}</button>
      {error && <p class="error">{error}</p>}
    </form>
  );
}

export function SafeguardingPage(_: { me: Me }) {
  const [authority, setAuthority] = useState('');
  const { data, error, reload } = useLoad(
    () => (authority ? api<{ items: Item[] }>('GET', `/authorities/${authority}/safeguarding`) : Promise.resolve(undefined)),
    [authority],
  );
  const waiting = data?.items.filter((i) => !i.seen).length ?? 0;
  return (
    <>
      <h1>Safeguarding queue</h1>
      <p>Answers whose words may mean a child is at risk. They are anonymous: act through your usual safeguarding procedure.</p>
      <div class="toolbar">
        <AuthorityPicker value={authority} onChange={setAuthority} />
      </div>
      {error && <p class="error">{error}</p>}
      {data && (
        <>
          <h2>
            {waiting} waiting, {data.items.length - waiting} seen
          </h2>
          {data.items.length === 0 && <p>Nothing in the queue.</p>}
          <ul class="queue">
            {data.items.map((i) => (
              <li key={`${i.reference}-${i.question}`} class={i.seen ? 'seen' : 'waiting'}>
                <blockquote>{i.text}</blockquote>
                <p class="small">
                  ref {i.reference} · {i.band} years · {i.submittedOn} · matched: {i.matches.join(', ')}
                  {i.seen && ` · seen ${i.seen.at.slice(0, 16).replace('T', ' ')} by ${i.seen.by ?? 'a former user'}`}
                </p>
                <Review item={i} onDone={reload} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
