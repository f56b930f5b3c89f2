// Free-text answers of a wave for the safeguarding queue, with their review.
import type { DB } from '../db/database.js';

export interface TextAnswerRow {
  response_id: number;
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
    .orderBy('responses.submitted_on', 'desc')
    .orderBy('answers.response_id', 'desc')
    .execute();
}

/** The wave's authority of an answer, for the scope check. */
export async function answerAuthority(db: DB, responseId: number, question: string) {
  return db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .innerJoin('waves', 'waves.id', 'responses.wave_id')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .select(['authorities.id', 'authorities.code'])
    .where('answers.response_id', '=', responseId)
    .where('answers.question', '=', question)
    .executeTakeFirst();
}

export async function markSeen(db: DB, responseId: number, question: string, userId: number, note: string): Promise<void> {
  await db
    .insertInto('safeguarding_reviews')
    .values({ response_id: responseId, question, seen_at: new Date().toISOString(), seen_by: userId, note })
    .onConflict((oc) => oc.columns(['response_id', 'question']).doUpdateSet({ seen_at: new Date().toISOString(), seen_by: userId, note }))
    .execute();
}
