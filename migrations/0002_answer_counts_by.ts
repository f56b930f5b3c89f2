import { sql, type Kysely } from 'kysely';

// Cross-tab running counts for report breakdowns: how each indicator
// question was answered, split by a background answer (gender, placement
// or, for care leavers, where they live). Kept by ResponseStore.storeBatch
// in the same transaction as each response, like answer_counts.

/** The background questions reports break down by. Frozen here: later code may grow its own list. */
const BY_QUESTIONS = ['gender', 'placement', 'leaver_home'];

/**
 * Indicator questions of each instrument as published when this migration
 * was written, so the backfill of existing answers counts exactly what
 * storeBatch counts for new ones.
 */
const INDICATOR_QUESTIONS: Record<string, string[]> = {
  'ylyc-4-7': ['carer_notice', 'carer_trust', 'feel_safe', 'feel_settled', 'fun_weekends', 'good_friend', 'happy_yesterday_faces', 'like_bedroom', 'like_school', 'sw_know', 'sw_trust', 'understand_why'],
  'ylyc-8-11': ['bullying', 'carer_notice', 'carer_trust', 'feel_safe', 'feel_settled', 'good_friend', 'happy_yesterday_faces', 'hobbies', 'in_decisions', 'life_better', 'like_bedroom', 'like_school', 'sw_contact', 'sw_know', 'sw_trust', 'understand_why'],
  'ylyc-11-17': ['bullying', 'carer_notice', 'carer_trust', 'embarrassed', 'feel_safe', 'feel_settled', 'good_friend', 'happy_yesterday', 'hobbies', 'in_decisions', 'life_better', 'life_satisfaction', 'like_bedroom', 'like_school', 'sw_contact', 'sw_count', 'sw_know', 'sw_trust', 'trusted_adult', 'trusted_with', 'understand_why'],
  'ylbc-16-25': ['feel_safe', 'feel_settled', 'good_friend', 'happy_yesterday', 'life_better', 'life_satisfaction', 'lonely', 'pa_know', 'trusted_adult'],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('answer_counts_by')
    .addColumn('wave_id', 'integer', (c) => c.notNull().references('waves.id').onDelete('cascade'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('by_question', 'text', (c) => c.notNull())
    .addColumn('by_value', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull().check(sql`n >= 0`))
    .addPrimaryKeyConstraint('answer_counts_by_pk', ['wave_id', 'instrument', 'by_question', 'by_value', 'question', 'value'])
    .modifyEnd(sql`without rowid`)
    .execute();

  for (const [instrument, questions] of Object.entries(INDICATOR_QUESTIONS)) {
    await sql`
      INSERT INTO answer_counts_by (wave_id, instrument, by_question, by_value, question, value, n)
      SELECT r.wave_id, r.instrument, b.question, b.value, a.question, a.value, count(*)
      FROM responses r
      JOIN answers b ON b.response_id = r.id AND b.question IN (${sql.join(BY_QUESTIONS)})
      JOIN answers a ON a.response_id = r.id AND a.question IN (${sql.join(questions)})
      WHERE r.instrument = ${instrument}
      GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('answer_counts_by').execute();
}
