import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { BREAKDOWN_QUESTIONS, councilQuestions, scaleOf, getInstrument, indicatorQuestions, type AnswerValue, type Answers, type Instrument } from '../../surveys/index.js';
import type { DB } from '../db/database.js';
import { answerReference } from '../safeguarding/reference.js';

export interface NewResponse {
  uuid: string;
  waveId: number;
  instrument: string;
  version: number;
  band: string;
  submittedOn: string;
  /** Already validated for the instrument version (with `local`: for the local questionnaire, core and local answers). */
  answers: Answers;
  /** Local questions on a core round: the council questionnaire version answered; `instrument` is then its core. */
  local?: { instrument: string; version: number } | undefined;
}

/**
 * Which instrument a response is stored under. Local questions on a core
 * round are stored as a response to the core instrument naming its local
 * questionnaire, so the core is counted (and reported) exactly as in a
 * plain round, and the local answers are counted under the questionnaire.
 */
export function storedAs(inst: Instrument): Pick<NewResponse, 'instrument' | 'version' | 'local'> {
  if (!inst.extends) return { instrument: inst.id, version: inst.version };
  return { instrument: inst.extends.instrument, version: inst.extends.version, local: { instrument: inst.id, version: inst.version } };
}

const countedUnderCache = new WeakMap<Instrument, ReadonlyMap<string, string>>();

/** Question id -> the instrument its running counts are kept under: the core's for core questions, else the instrument's own. */
function countedUnder(inst: Instrument): ReadonlyMap<string, string> {
  let map = countedUnderCache.get(inst);
  if (!map) {
    const local = new Set(councilQuestions(inst).map((q) => q.id));
    map = new Map(inst.questions.map((q) => [q.id, inst.extends && !local.has(q.id) ? inst.extends.instrument : inst.id]));
    countedUnderCache.set(inst, map);
  }
  return map;
}

/** stored: new; duplicate: the same id and payload was stored before; conflict: the id was used for another payload. */
export type StoreOutcome = 'stored' | 'duplicate' | 'conflict';

/** Identifies what was answered (not when), so a retry on another day is still a retry. */
export function payloadHash(r: Pick<NewResponse, 'waveId' | 'instrument' | 'version' | 'answers' | 'local'>): string {
  const answers = Object.keys(r.answers)
    .sort()
    .map((k) => [k, r.answers[k]]);
  // A plain response hashes as it always has (stored hashes stay valid).
  const local = r.local ? [r.local.instrument, r.local.version] : [];
  return createHash('sha256')
    .update(JSON.stringify([r.waveId, r.instrument, r.version, answers, ...local]))
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
 * Writes responses with their answers and running counts. This is the hot
 * path of the product, so it uses prepared statements kept for the life
 * of the connection rather than Kysely, which prepares every statement
 * again on each call: answers go in with one statement per response
 * (json_each), and the counts of a whole batch are summed first and
 * upserted with one statement. Measured in bench/submit.
 */
export class ResponseStore {
  private readonly findHash: SQLite.Statement<[string], { payload_hash: string }>;
  private readonly insertResponse: SQLite.Statement<unknown[], { id: number }>;
  private readonly insertAnswers: SQLite.Statement<[number, string]>;
  private readonly addCounts: SQLite.Statement<[string]>;
  private readonly addCountsBy: SQLite.Statement<[string]>;

  constructor(sqlite: SQLite.Database) {
    this.findHash = sqlite.prepare('SELECT payload_hash FROM responses WHERE uuid = ?');
    this.insertResponse = sqlite.prepare(
      `INSERT INTO responses (uuid, wave_id, instrument, instrument_version, band, submitted_on, payload_hash, local_instrument, local_version, reference)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    this.insertAnswers = sqlite.prepare(
      'INSERT INTO answers (response_id, question, value) SELECT ?, key, value FROM json_each(?)',
    );
    // WHERE true: SQLite needs it to parse an upsert whose rows come from a SELECT.
    this.addCounts = sqlite.prepare(
      `INSERT INTO answer_counts (wave_id, instrument, question, value, n)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?) WHERE true
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
    // Report breakdowns (reports/): the same batched upsert, for the cross-tab counts.
    this.addCountsBy = sqlite.prepare(
      `INSERT INTO answer_counts_by (wave_id, instrument, by_question, by_value, question, value, n)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
       FROM json_each(?) WHERE true
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    );
  }

  /**
   * Stores a batch; call inside a write transaction, since a response, its
   * answers and its counts must land together or not at all. Responses
   * are taken in order, so a repeated id within the batch is a retry too.
   */
  storeBatch(batch: readonly NewResponse[]): StoreOutcome[] {
    const counts = new Map<string, [number, string, string, string, number]>();
    const countsBy = new Map<string, [number, string, string, string, string, string, number]>();
    const outcomes = batch.map((r): StoreOutcome => {
      const hash = payloadHash(r);
      const existing = this.findHash.get(r.uuid);
      if (existing) return existing.payload_hash === hash ? 'duplicate' : 'conflict';
      // The instrument answered: the local questionnaire (core and local questions), or the core alone.
      const answered = r.local ?? r;
      const inst = getInstrument(answered.instrument, answered.version);
      if (!inst) throw new Error(`unknown instrument ${answered.instrument} v${answered.version}`);
      const under = countedUnder(inst);
      const { id } = this.insertResponse.get(
        r.uuid,
        r.waveId,
        r.instrument,
        r.version,
        r.band,
        r.submittedOn,
        hash,
        r.local?.instrument ?? null,
        r.local?.version ?? null,
        answerReference(r.uuid),
      )!;
      const values: Record<string, string> = {};
      for (const [question, value] of Object.entries(r.answers)) values[question] = encodeValue(value);
      this.insertAnswers.run(id, JSON.stringify(values));
      for (const q of inst.questions) {
        // Free text is not counted: every text is its own value.
        if (values[q.id] === undefined || scaleOf(q).kind === 'text') continue;
        const instrument = under.get(q.id)!;
        const key = `${r.waveId}\u0000${instrument}\u0000${q.id}\u0000${values[q.id]}`;
        const row = counts.get(key);
        if (row) row[4]++;
        else counts.set(key, [r.waveId, instrument, q.id, values[q.id]!, 1]);
      }
      for (const by of BREAKDOWN_QUESTIONS) {
        const byValue = values[by];
        if (byValue === undefined) continue;
        for (const question of indicatorQuestions(inst)) {
          if (values[question] === undefined) continue;
          const instrument = under.get(question)!;
          const key = `${r.waveId}\u0000${instrument}\u0000${by}\u0000${byValue}\u0000${question}\u0000${values[question]}`;
          const row = countsBy.get(key);
          if (row) row[6]++;
          else countsBy.set(key, [r.waveId, instrument, by, byValue, question, values[question]!, 1]);
        }
      }
      return 'stored';
    });
    if (counts.size) this.addCounts.run(JSON.stringify([...counts.values()]));
    if (countsBy.size) this.addCountsBy.run(JSON.stringify([...countsBy.values()]));
    return outcomes;
  }
}
