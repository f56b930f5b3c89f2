import type { Kysely } from 'kysely';

// Failed sign-ins per account are counted from the audit log (so a restart
// does not forget them): this index finds an account's recent ones.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_email_action').on('audit_log').columns(['email', 'action', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_email_action').execute();
}
