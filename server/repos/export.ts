import type { Answers } from '../../surveys/index.js';
import type { DB } from '../db/database.js';

export interface ExportedResponse {
  uuid: string;
  authority: string;
  programme: string;
  period: string;
  instrument: string;
  version: number;
  submittedOn: string;
  answers: Answers;
  /** Local questions on a core round: the questionnaire version also answered. */
  local?: { instrument: string; version: number } | undefined;
}

/** Every response of an authority's waves for a period, ordered by id so an export is reproducible. */
export async function responsesForExport(
  db: DB,
  authorityCode: string,
  period: string,
  programme?: string,
): Promise<ExportedResponse[]> {
  let query = db
    .selectFrom('responses')
    .innerJoin('waves', 'waves.id', 'responses.wave_id')
    .innerJoin('authorities', 'authorities.id', 'waves.authority_id')
    .where('authorities.code', '=', authorityCode)
    .where('waves.period', '=', period);
  if (programme) query = query.where('waves.programme', '=', programme);
  const responses = await query
    .select([
      'responses.id',
      'responses.uuid',
      'authorities.code as authority',
      'waves.programme',
      'waves.period',
      'responses.instrument',
      'responses.instrument_version',
      'responses.submitted_on',
      'responses.local_instrument',
      'responses.local_version',
    ])
    .orderBy('responses.uuid')
    .execute();
  const answers = await query
    .innerJoin('answers', 'answers.response_id', 'responses.id')
    .select(['answers.response_id', 'answers.question', 'answers.value'])
    .execute();
  const byResponse = new Map<number, Record<string, string>>();
  for (const a of answers) {
    let map = byResponse.get(a.response_id);
    if (!map) byResponse.set(a.response_id, (map = {}));
    map[a.question] = a.value;
  }
  return responses.map((r) => ({
    uuid: r.uuid,
    authority: r.authority,
    programme: r.programme,
    period: r.period,
    instrument: r.instrument,
    version: r.instrument_version,
    submittedOn: r.submitted_on,
    // Stored values are the CSV's text already; the CSV needs no decoding.
    answers: byResponse.get(r.id) ?? {},
    ...(r.local_instrument && r.local_version ? { local: { instrument: r.local_instrument, version: r.local_version } } : {}),
  }));
}
