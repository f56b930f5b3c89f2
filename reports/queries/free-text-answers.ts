import type { DB } from '../../server/db/database.js';

export interface FreeTextRow {
  instrument: string;
  question: string;
  value: string;
}

/**
 * What children wrote in one wave's free-text questions. The only query
 * that reads raw answers: text is never counted. Ordered by question and
 * text rather than by arrival, so the order gives nothing away.
 */
export async function freeTextAnswers(db: DB, waveId: number, textQuestions: readonly string[]): Promise<FreeTextRow[]> {
  if (!textQuestions.length) return [];
  return db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['responses.instrument', 'answers.question', 'answers.value'])
    .where('responses.wave_id', '=', waveId)
    .where('answers.question', 'in', textQuestions)
    .orderBy('responses.instrument')
    .orderBy('answers.question')
    .orderBy('answers.value')
    .execute();
}
