import { sql, type Kysely } from 'kysely';

// Migrations are frozen history: they take Kysely<any> so later changes
// to table types never break an old migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('authorities')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .execute();

  await db.schema
    .createTable('waves')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
    .addColumn('programme', 'text', (c) => c.notNull().check(sql`programme in ('ylyc', 'ylbc')`))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text')
    .addColumn('closes_on', 'text')
    .addColumn('access_code', 'text', (c) => c.notNull().unique())
    .addUniqueConstraint('waves_authority_programme_period', ['authority_id', 'programme', 'period'])
    .execute();

  await db.schema
    .createTable('wave_populations')
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population >= 0`))
    .addPrimaryKeyConstraint('wave_populations_pk', ['wave_id', 'band'])
    .execute();

  await db.schema
    .createTable('responses')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('payload_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('responses_wave').on('responses').columns(['wave_id', 'band']).execute();

  await db.schema
    .createTable('answers')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answers_pk', ['response_id', 'question'])
    .modifyEnd(sql`without rowid`)
    .execute();

  await db.schema
    .createTable('answer_counts')
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().check(sql`n >= 0`))
    .addPrimaryKeyConstraint('answer_counts_pk', ['wave_id', 'instrument', 'question', 'value'])
    .modifyEnd(sql`without rowid`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['answer_counts', 'answers', 'responses', 'wave_populations', 'waves', 'authorities'])
    await db.schema.dropTable(table).execute();
}
