// The authority's action plan: what it will do about the findings of its
// rounds, as the board's table (indicator, finding, pledge, owner, due,
// status, latest note), printable. Officers and admins add and update
// actions here; viewers read. Reached from the report ("Add an action"
// next to an indicator), which fills in the finding to act on.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, can, programmeName, type Me } from '../api.js';
import { useLoad } from '../hooks.js';

type Programme = 'ylyc' | 'ylbc';
interface Action {
  id: number;
  programme: Programme;
  period: string;
  indicator: string;
  band: string | null;
  pledge: string;
  owner: string;
  due: string;
  status: string;
  notes: { date: string; text: string; by: string | null }[];
  finding: { n: number | null; percent: number | null } | null;
}
interface Plan {
  authority: { code: string; name: string };
  actions: Action[];
  rounds: { programme: Programme; period: string; title: string }[];
  indicators: Record<Programme, { id: string; label: string; bands: string[] }[]>;
}

export const STATUSES: [string, string][] = [
  ['planned', 'Planned'],
  ['in_progress', 'In progress'],
  ['done', 'Done'],
  ['dropped', 'Dropped'],
];
const statusLabel = (s: string) => STATUSES.find(([v]) => v === s)?.[1] ?? s;

/** The address of the page, with the finding to act on filled in. */
export function actionPlanHref(code: string, finding?: { programme: string; period: string; indicator: string; band: string }): string {
  return `#/authorities/${code}/actions${finding ? `?${new URLSearchParams(finding).toString()}` : ''}`;
}

function findingText(a: Action): string {
  if (!a.finding) return 'nobody answered';
  if (a.finding.percent === null) return 'hidden: too few answers';
  return `${a.finding.percent}% of ${a.finding.n}`;
}

function AddAction({ plan, code, preset, done }: { plan: Plan; code: string; preset: URLSearchParams; done: (message: string) => void }) {
  const round0 = plan.rounds.find((r) => r.programme === preset.get('programme') && r.period === preset.get('period')) ?? plan.rounds[plan.rounds.length - 1];
  const [round, setRound] = useState(round0 ? `${round0.programme} ${round0.period}` : '');
  const [indicator, setIndicator] = useState(preset.get('indicator') ?? '');
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  // Coming from the report, the officer lands on the form for that finding.
  useEffect(() => void (preset.get('indicator') && heading.current?.focus()), []);
  const programme = round.split(' ')[0] as Programme;
  const indicators = plan.indicators[programme] ?? [];
  const bands = indicators.find((i) => i.id === indicator)?.bands ?? [];
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = new FormData(form);
    const band = String(f.get('band'));
    try {
      await api('POST', `/authorities/${code}/actions`, {
        programme,
        period: round.split(' ')[1],
        indicator,
        band: band === 'all' ? null : band,
        pledge: f.get('pledge'),
        owner: f.get('owner'),
        due: f.get('due'),
      });
      form.reset();
      done('Added the action.');
    } catch (err) {
      setError((err as Error).message);
    }
  };
  if (!plan.rounds.length) return <p>There is no survey round yet to act on.</p>;
  return (
    <section aria-labelledby="add-action" class="no-print">
      <h2 id="add-action" tabIndex={-1} ref={heading}>
        Add an action
      </h2>
      {error && <p class="error">{error}</p>}
      <form onSubmit={submit} class="grid">
        <label for="a-round">Survey round</label>
        <select id="a-round" value={round} onChange={(e) => setRound((e.currentTarget as HTMLSelectElement).value)}>
          {plan.rounds.map((r) => (
            <option key={`${r.programme} ${r.period}`} value={`${r.programme} ${r.period}`}>
              {r.title} {r.period}
            </option>
          ))}
        </select>
        <label for="a-indicator">Finding (indicator)</label>
        <select id="a-indicator" required value={indicator} onChange={(e) => setIndicator((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Choose an indicator</option>
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
        <label for="a-band">Age band</label>
        <select id="a-band" name="band" key={indicator}>
          <option value="all">All bands that ask it</option>
          {bands.map((b) => (
            <option key={b} value={b} selected={b === preset.get('band')}>
              {b} years
            </option>
          ))}
        </select>
        <label for="a-pledge">What we will do (in plain words)</label>
        <textarea id="a-pledge" name="pledge" required maxLength={500} rows={3} />
        <label for="a-owner">Who owns it</label>
        <input id="a-owner" name="owner" required maxLength={200} />
        <label for="a-due">Due by</label>
        <input id="a-due" name="due" type="date" required />
        <button type="submit">Add the action</button>
      </form>
    </section>
  );
}

function UpdateAction({ action, label, done }: { action: Action; label: string; done: (message?: string) => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string>();
  useEffect(() => heading.current?.focus(), [action.id]);
  const save = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const note = String(f.get('note')).trim();
    try {
      await api('PATCH', `/actions/${action.id}`, { status: f.get('status'), due: f.get('due'), ...(note && { note }) });
      done(`Updated the action on ${label}.`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="update-action" class="no-print">
      <h2 id="update-action" tabIndex={-1} ref={heading}>
        Update the action on {label}
      </h2>
      <p>{action.pledge}</p>
      {error && <p class="error">{error}</p>}
      <form onSubmit={save} class="grid">
        <label for="u-status">Status</label>
        <select id="u-status" name="status">
          {STATUSES.map(([v, l]) => (
            <option key={v} value={v} selected={v === action.status}>
              {l}
            </option>
          ))}
        </select>
        <label for="u-due">Due by</label>
        <input id="u-due" name="due" type="date" required value={action.due} />
        <label for="u-note">Progress note (dated today)</label>
        <textarea id="u-note" name="note" maxLength={2000} rows={3} />
        <button type="submit">Save the update</button>
        <button type="button" onClick={() => done()}>
          Cancel
        </button>
      </form>
    </section>
  );
}

export function ActionsPage({ code, query, me }: { code: string; query: string; me: Me }) {
  const { data, error, reload } = useLoad(() => api<Plan>('GET', `/authorities/${code}/actions`), [code]);
  const [message, setMessage] = useState<string>();
  const [updating, setUpdating] = useState<Action>();
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const label = (a: Action) => data.indicators[a.programme].find((i) => i.id === a.indicator)?.label ?? a.indicator;
  const after = (m?: string) => (setUpdating(undefined), setMessage(m), reload());
  const writes = can.actionPlan(me);
  return (
    <>
      <h1>Action plan: {data.authority.name}</h1>
      <div class="toolbar no-print">
        <button type="button" onClick={() => print()}>
          Print the action plan
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <table class="action-plan">
        <caption>What {data.authority.name} will do about the findings of its surveys</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Finding</th>
            <th scope="col">Pledge</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Latest note</th>
            {writes && (
              <th scope="col" class="no-print">
                Change
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {data.actions.length === 0 && (
            <tr>
              <td colSpan={writes ? 8 : 7}>No actions yet.</td>
            </tr>
          )}
          {data.actions.map((a) => {
            const note = a.notes[a.notes.length - 1];
            return (
              <tr key={a.id}>
                <th scope="row">
                  {label(a)}
                  <span class="small">
                    {' '}
                    ({a.band ? `${a.band} years` : 'all bands'}, {data.rounds.find((r) => r.programme === a.programme)?.title ?? programmeName(a.programme)} {a.period})
                  </span>
                </th>
                <td>{findingText(a)}</td>
                <td>{a.pledge}</td>
                <td>{a.owner}</td>
                <td>{a.due}</td>
                <td>{statusLabel(a.status)}</td>
                <td>{note ? `${note.date}: ${note.text}` : '–'}</td>
                {writes && (
                  <td class="no-print">
                    <button type="button" onClick={() => setUpdating(a)} aria-label={`Update the action on ${label(a)}, ${a.period}`}>
                      Update
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {writes && updating && <UpdateAction action={updating} label={label(updating)} done={after} />}
      {writes && !updating && <AddAction plan={data} code={code} preset={new URLSearchParams(query)} done={after} />}
    </>
  );
}
