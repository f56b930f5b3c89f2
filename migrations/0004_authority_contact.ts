import type { Kysely } from 'kysely';

// How a child reaches the council's children's services, shown on the
// survey's help screen beside Childline.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('authorities').addColumn('contact', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('authorities').dropColumn('contact').execute();
}
