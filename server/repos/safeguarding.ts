// Free-text answers of a wave for the safeguarding queue, with their review.
import type { DB } from '../db/database.js';

export interface TextAnswerRow {
  response_id: number;
  /** The response's reference (stored, migration 0010). */
  reference: string;
  question: string;
  value: string;
  band: string;
  submitted_on: string;
  seen_at: string | null;
  seen_by: string | null;
  note: string | null;
}

export async function textAnswers(db: DB, waveIds: number[], textQuestions: readonly string[]): Promise<TextAnswerRow[]> {
  if (!waveIds.length || !textQuestions.length) return [];
  return db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .leftJoin('safeguarding_reviews as r', (j) => j.onRef('r.response_id', '=', 'answers.response_id').onRef('r.question', '=', 'answers.question'))
    .leftJoin('users', 'users.id', 'r.seen_by')
    .select([
      'answers.response_id',
      'responses.reference',
      'answers.question',
      'answers.value',
      'responses.band',
      'responses.submitted_on',
      'r.seen_at',
      'users.email as seen_by',
      'r.note',
    ])
    .where('responses.wave_id', 'in', waveIds)
    .where('answers.question', 'in', textQuestions)
    .execute();
}

/**
 * The answer to `question` of the response with this reference, among the
 * authorities given (all when null), with its authority: one look-up by
 * the stored, indexed reference (migration 0010).
 */
export async function answerByReference(db: DB, reference: string, question: string, authorityIds: number[] | null) {
  if (authorityIds && !authorityIds.length) return undefined;
  let query = answerByReferenceQuery(db, reference, question);
  if (authorityIds) query = query.where('waves.authority_id', 'in', authorityIds);
  const found = await query.executeTakeFirst();
  return found && { responseId: found.response_id, authorityId: found.authority_id, authorityCode: found.authority_code, value: found.value };
}

/** The look-up itself (its query plan is tested to use the index). */
export const answerByReferenceQuery = (db: DB, reference: string, question: string) =>
  db
    .selectFrom('responses')
    .innerJoin('answers', (j) => j.onRef('answers.response_id', '=', 'responses.id').on('answers.question', '=', question))
    .innerJoin('waves', 'waves.id', 'responses.wave_id')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .select(['answers.response_id', 'answers.value', 'authorities.id as authority_id', 'authorities.code as authority_code'])
    .where('responses.reference', '=', reference);

export async function markSeen(db: DB, responseId: number, question: string, userId: number, note: string): Promise<void> {
  await db
    .insertInto('safeguarding_reviews')
    .values({ response_id: responseId, question, seen_at: new Date().toISOString(), seen_by: userId, note })
    .onConflict((oc) => oc.columns(['response_id', 'question']).doUpdateSet({ seen_at: new Date().toISOString(), seen_by: userId, note }))
    .execute();
}
