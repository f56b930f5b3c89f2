import type { Kysely } from 'kysely';

// Local questions on a core round (issue 14, `extends`): a response to a
// council's local questions is stored as a response to the core
// instrument (so the core is counted and reported exactly as in a plain
// round) that also names the local questionnaire version its other
// answers belong to. Both null for a plain response.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('local_instrument', 'text').execute();
  await db.schema.alterTable('responses').addColumn('local_version', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').dropColumn('local_version').execute();
  await db.schema.alterTable('responses').dropColumn('local_instrument').execute();
}
