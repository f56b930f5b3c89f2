import type { Kysely } from 'kysely';
import { answerReference } from '../server/safeguarding/reference.js';

// The safeguarding queue's reference of each response (worked out from
// its UUID, server/safeguarding/reference.ts), stored and indexed so that
// marking an answer seen finds it by one indexed look-up instead of
// working out the reference of every response in scope. Existing rows are
// filled in here; new ones get it as they are stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('reference', 'text').execute();
  const rows = (await db.selectFrom('responses').select(['id', 'uuid']).execute()) as { id: number; uuid: string }[];
  for (const r of rows) await db.updateTable('responses').set({ reference: answerReference(r.uuid) }).where('id', '=', r.id).execute();
  await db.schema.createIndex('responses_reference').on('responses').column('reference').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_reference').execute();
  await db.schema.alterTable('responses').dropColumn('reference').execute();
}
