import { createHash } from 'node:crypto';
import { SCALES, getInstrument, type AnswerValue, type Answers } from '../../surveys/index.js';
import type { DB } from '../db/database.js';

export interface NewResponse {
  uuid: string;
  waveId: number;
  instrument: string;
  version: number;
  band: string;
  submittedOn: string;
  /** Already validated for the instrument version. */
  answers: Answers;
}

/** stored: new; duplicate: the same id and payload was stored before; conflict: the id was used for another payload. */
export type StoreOutcome = 'stored' | 'duplicate' | 'conflict';

/** Identifies what was answered (not when), so a retry on another day is still a retry. */
export function payloadHash(r: Pick<NewResponse, 'waveId' | 'instrument' | 'version' | 'answers'>): string {
  const answers = Object.keys(r.answers)
    .sort()
    .map((k) => [k, r.answers[k]]);
  return createHash('sha256')
    .update(JSON.stringify([r.waveId, r.instrument, r.version, answers]))
    .digest('hex');
}

export function encodeValue(value: AnswerValue): string {
  return typeof value === 'number' ? String(value) : value;
}

export async function findStoredHash(db: DB, uuid: string): Promise<string | undefined> {
  const row = await db.selectFrom('responses').select('payload_hash').where('uuid', '=', uuid).executeTakeFirst();
  return row?.payload_hash;
}

/**
 * Stores a response, its answers and its running counts. Call inside a
 * transaction: the three must land together or not at all.
 */
export async function storeResponse(trx: DB, r: NewResponse): Promise<StoreOutcome> {
  const hash = payloadHash(r);
  const existing = await findStoredHash(trx, r.uuid);
  if (existing !== undefined) return existing === hash ? 'duplicate' : 'conflict';

  const inst = getInstrument(r.instrument, r.version);
  if (!inst) throw new Error(`unknown instrument ${r.instrument} v${r.version}`);
  const { id } = await trx
    .insertInto('responses')
    .values({
      uuid: r.uuid,
      wave_id: r.waveId,
      instrument: r.instrument,
      instrument_version: r.version,
      band: r.band,
      submitted_on: r.submittedOn,
      payload_hash: hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const answers = Object.entries(r.answers).map(([question, value]) => ({
    response_id: id,
    question,
    value: encodeValue(value),
  }));
  if (answers.length) await trx.insertInto('answers').values(answers).execute();

  // Free text is not counted: every text is its own value.
  const counted = inst.questions.filter((q) => SCALES[q.scale].kind !== 'text' && r.answers[q.id] !== undefined);
  if (counted.length)
    await trx
      .insertInto('answer_counts')
      .values(
        counted.map((q) => ({
          wave_id: r.waveId,
          instrument: r.instrument,
          question: q.id,
          value: encodeValue(r.answers[q.id]!),
          n: 1,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['wave_id', 'instrument', 'question', 'value'])
          .doUpdateSet((eb) => ({ n: eb('answer_counts.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  return 'stored';
}
