import { sql, type Kysely } from 'kysely';

// Staff accounts for the portal: users and the authorities they may see,
// server-side sessions (only a hash of each token is stored, so a copy of
// the database cannot be used to sign in), the audit log, and the
// safeguarding review of free-text answers.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // Compared without case: people type their address as they please.
    .addColumn('email', 'text', (c) => c.notNull().unique().modifyEnd(sql`collate nocase`))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('programme_admin', 'authority_officer', 'viewer')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0).check(sql`disabled in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_authorities')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_authorities_pk', ['user_id', 'authority_id'])
    .modifyEnd(sql`without rowid`)
    .execute();

  await db.schema
    .createTable('sessions')
    // sha256 of the cookie's token, hex.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Milliseconds since the epoch: idle and absolute limits are compared in code.
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_seen', 'integer', (c) => c.notNull())
    // Sent back in a header on every state change (synchroniser token).
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    // Null for a failed sign-in of an unknown address; email kept as typed so the log reads on its own.
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('email', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('authority_code', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_authority').on('audit_log').columns(['authority_code', 'id']).execute();

  await db.schema
    .createTable('safeguarding_reviews')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('seen_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('safeguarding_reviews_pk', ['response_id', 'question'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['safeguarding_reviews', 'audit_log', 'sessions', 'user_authorities', 'users'])
    await db.schema.dropTable(table).execute();
}
