// Table types, one interface per table, joined in Database.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface AuthorityTable {
  id: Generated<number>;
  /** ONS code, e.g. E06000002. */
  code: string;
  name: string;
  region: string | null;
}

export interface WaveTable {
  id: Generated<number>;
  authority_id: number;
  programme: 'ylyc' | 'ylbc';
  period: string;
  /** First and last day (YYYY-MM-DD) the wave takes answers; null means no bound. */
  opens_on: string | null;
  closes_on: string | null;
  /** What children type or scan, stored without separators. */
  access_code: string;
}

export interface WavePopulationTable {
  wave_id: number;
  band: string;
  /** Looked-after children in the band, for response rates. */
  population: number;
}

export interface ResponseTable {
  id: Generated<number>;
  /** The client's UUID; makes submission idempotent. */
  uuid: string;
  wave_id: number;
  instrument: string;
  instrument_version: number;
  band: string;
  /** The date alone: no time of day is stored. */
  submitted_on: string;
  /** sha256 of the canonical payload, to tell a retry from a conflicting reuse of the id. */
  payload_hash: string;
}

export interface AnswerTable {
  response_id: number;
  question: string;
  /** Option id, decimal integer or text, as the question's scale says. */
  value: string;
}

/** Running count of each answer value, kept in the same transaction as each response. */
export interface AnswerCountTable {
  wave_id: number;
  instrument: string;
  question: string;
  value: string;
  n: number;
}

/** Running cross-tab counts of indicator answers by a background answer, for report breakdowns. */
export interface AnswerCountByTable {
  wave_id: number;
  instrument: string;
  /** The background question: gender, placement or leaver_home. */
  by_question: string;
  by_value: string;
  question: string;
  value: string;
  n: number;
}

export interface Database {
  authorities: AuthorityTable;
  waves: WaveTable;
  wave_populations: WavePopulationTable;
  responses: ResponseTable;
  answers: AnswerTable;
  answer_counts: AnswerCountTable;
  answer_counts_by: AnswerCountByTable;
}

export type Authority = Selectable<AuthorityTable>;
export type Wave = Selectable<WaveTable>;
export type NewWave = Insertable<WaveTable>;
