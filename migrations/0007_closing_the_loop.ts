import { sql, type Kysely } from 'kysely';

// Closing the loop after a survey round: the actions an authority commits
// to against a finding of a round (with dated progress notes), and the
// children's version of the results ("you said, we will"), per band and
// locale, public only once published.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('actions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // The round the action was made at: its authority, programme and period, and proof that it exists.
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    // Null: every band of the programme that asks the indicator.
    .addColumn('band', 'text')
    .addColumn('pledge', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('planned').check(sql`status in ('planned', 'in_progress', 'done', 'dropped')`),
    )
    // Null when made at the command line (no portal account).
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_wave').on('actions').column('wave_id').execute();

  await db.schema
    .createTable('action_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('action_id', 'integer', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('noted_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('action_notes_action').on('action_notes').columns(['action_id', 'id']).execute();

  await db.schema
    .createTable('children_results')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    // The edited content as JSON (server/results/content.ts): indicators with their words, and pledges.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Null until published: nothing is shown to children before.
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('children_results_unique', ['wave_id', 'band', 'locale'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('children_results').execute();
  await db.schema.dropTable('action_notes').execute();
  await db.schema.dropTable('actions').execute();
}
