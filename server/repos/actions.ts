// Actions tied to findings of a round, and their dated progress notes.
import type { DB } from '../db/database.js';
import type { ActionStatus } from '../db/tables.js';
import { writeTransaction } from '../db/transaction.js';
import { today } from '../dates.js';

/** An action as the command line and the API show it. */
export interface ActionView {
  id: number;
  authority: string;
  programme: string;
  /** The period of the round it was made at. */
  period: string;
  indicator: string;
  band: string | null;
  pledge: string;
  owner: string;
  due: string;
  status: ActionStatus;
  createdAt: string;
  notes: { date: string; text: string; by: string | null }[];
}

/** With its authority's id, for the portal's scope check. */
export type ScopedAction = ActionView & { authorityId: number };

export interface NewAction {
  waveId: number;
  indicator: string;
  band: string | null;
  pledge: string;
  owner: string;
  due: string;
  createdBy: number | null;
}

export interface ActionChange {
  status?: ActionStatus | undefined;
  pledge?: string | undefined;
  owner?: string | undefined;
  due?: string | undefined;
  note?: string | undefined;
  by: number | null;
}

export async function addAction(db: DB, a: NewAction): Promise<ScopedAction> {
  const { id } = await db
    .insertInto('actions')
    .values({
      wave_id: a.waveId,
      indicator: a.indicator,
      band: a.band,
      pledge: a.pledge,
      owner: a.owner,
      due: a.due,
      created_by: a.createdBy,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getAction(db, id))!;
}

/** Changes what is given and adds a note dated today, in one transaction; undefined when there is no such action. */
export async function updateAction(db: DB, id: number, change: ActionChange): Promise<ScopedAction | undefined> {
  return writeTransaction(db, async (trx) => {
    const { status, pledge, owner, due } = change;
    const set = Object.fromEntries(Object.entries({ status, pledge, owner, due }).filter(([, v]) => v !== undefined));
    const exists = await trx.selectFrom('actions').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) return undefined;
    if (Object.keys(set).length) await trx.updateTable('actions').set(set).where('id', '=', id).execute();
    if (change.note) await trx.insertInto('action_notes').values({ action_id: id, noted_on: today(), text: change.note, user_id: change.by }).execute();
    return getAction(trx, id);
  });
}

function actionRows(db: DB) {
  return db
    .selectFrom('actions')
    .innerJoin('waves', 'waves.id', 'actions.wave_id')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .selectAll('actions')
    .select(['authorities.code as authority', 'authorities.id as authority_id', 'waves.programme', 'waves.period']);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionRows>['execute']>>[number];

async function withNotes(db: DB, rows: ActionRow[]): Promise<ScopedAction[]> {
  const ids = rows.map((r) => r.id);
  const notes = ids.length
    ? await db
        .selectFrom('action_notes')
        .leftJoin('users', 'users.id', 'action_notes.user_id')
        .select(['action_notes.action_id', 'action_notes.noted_on', 'action_notes.text', 'users.email'])
        .where('action_notes.action_id', 'in', ids)
        .orderBy('action_notes.id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    authorityId: r.authority_id,
    authority: r.authority,
    programme: r.programme,
    period: r.period,
    indicator: r.indicator,
    band: r.band,
    pledge: r.pledge,
    owner: r.owner,
    due: r.due,
    status: r.status,
    createdAt: r.created_at,
    notes: notes.filter((n) => n.action_id === r.id).map((n) => ({ date: n.noted_on, text: n.text, by: n.email ?? null })),
  }));
}

/** One action with its authority's id. */
export async function getAction(db: DB, id: number): Promise<ScopedAction | undefined> {
  const row = await actionRows(db).where('actions.id', '=', id).executeTakeFirst();
  return row && (await withNotes(db, [row]))[0];
}

/** An authority's actions, oldest round first, then in the order they were made. */
export async function listActions(
  db: DB,
  q: { authorityId: number; programme?: string | undefined; period?: string | undefined; before?: string | undefined },
): Promise<ActionView[]> {
  let query = actionRows(db).where('waves.authority_id', '=', q.authorityId);
  if (q.programme) query = query.where('waves.programme', '=', q.programme);
  if (q.period) query = query.where('waves.period', '=', q.period);
  if (q.before) query = query.where('waves.period', '<', q.before);
  const rows = await query.orderBy('waves.period').orderBy('actions.id').execute();
  return (await withNotes(db, rows)).map(({ authorityId: _, ...view }) => view);
}
