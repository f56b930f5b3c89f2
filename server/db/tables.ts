// Table types, one interface per table, joined in Database.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface AuthorityTable {
  id: Generated<number>;
  /** ONS code, e.g. E06000002. */
  code: string;
  name: string;
  region: string | null;
  /** How to reach its children's services, for the help screen (free text, e.g. a phone number). */
  contact: Generated<string | null>;
}

export interface WaveTable {
  id: Generated<number>;
  authority_id: number;
  /** A built-in programme (ylyc, ylbc) or a council questionnaire's id. */
  programme: string;
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
  /** Local questions on a core round: the council questionnaire (and version) the response's other answers belong to; null for a plain response. */
  local_instrument: string | null;
  local_version: number | null;
  /** The safeguarding queue's name for it (server/safeguarding/reference.ts), indexed: set at every insert, and for older rows by migration 0010. */
  reference: string;
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

export type Role = 'programme_admin' | 'authority_officer' | 'viewer';

/** A portal account. */
export interface UserTable {
  id: Generated<number>;
  email: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash (base64), see server/auth/passwords.ts. */
  password_hash: string;
  disabled: Generated<number>;
  created_at: string;
}

/** The authorities an officer or viewer may see (programme admins see all). */
export interface UserAuthorityTable {
  user_id: number;
  authority_id: number;
}

export interface SessionTable {
  /** sha256 (hex) of the cookie token: the token itself is never stored. */
  token_hash: string;
  user_id: number;
  /** Milliseconds since the epoch. */
  created_at: number;
  last_seen: number;
  csrf_token: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** ISO timestamp. */
  at: string;
  user_id: number | null;
  email: string | null;
  action: string;
  authority_code: string | null;
  /** JSON object with what was done, or null. */
  detail: string | null;
}

/** A safeguarding match that staff have seen, with what they did. */
export interface SafeguardingReviewTable {
  response_id: number;
  question: string;
  seen_at: string;
  seen_by: number | null;
  note: Generated<string>;
}

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What an authority will do about a finding of a round (migration 0007). */
export interface ActionTable {
  id: Generated<number>;
  /** The round it was made at. */
  wave_id: number;
  indicator: string;
  /** Null: every band that asks the indicator. */
  band: string | null;
  pledge: string;
  owner: string;
  /** YYYY-MM-DD. */
  due: string;
  status: Generated<ActionStatus>;
  created_by: number | null;
  created_at: string;
}

export interface ActionNoteTable {
  id: Generated<number>;
  action_id: number;
  /** YYYY-MM-DD. */
  noted_on: string;
  text: string;
  user_id: number | null;
}

/** The children's version of a round's results, per band and locale; public once published_at is set. */
export interface ChildrenResultTable {
  id: Generated<number>;
  wave_id: number;
  band: string;
  locale: string;
  /** JSON, see server/results/content.ts. */
  content: string;
  updated_at: string;
  updated_by: number | null;
  published_at: string | null;
  published_by: number | null;
}

/** A council's questionnaire, one row per version (migration 0009). */
/** A published figure from outside this installation (hearme reference import). */
export interface ReferenceFigureTable {
  id: Generated<number>;
  source: string;
  period: string;
  programme: string;
  band: string;
  indicator: string;
  percent: number;
  /** How many answered, when published: only then is a difference tested. */
  n: number | null;
}

export interface QuestionnaireTable {
  id: string;
  version: number;
  /** The owning authority, or null: for everyone. */
  authority_id: number | null;
  /** The file's JSON as received. */
  definition: string;
  /** sha256 (hex) of the definition's canonical JSON. */
  hash: string;
  created_at: string;
}

export interface Database {
  authorities: AuthorityTable;
  waves: WaveTable;
  wave_populations: WavePopulationTable;
  responses: ResponseTable;
  answers: AnswerTable;
  answer_counts: AnswerCountTable;
  answer_counts_by: AnswerCountByTable;
  users: UserTable;
  user_authorities: UserAuthorityTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  safeguarding_reviews: SafeguardingReviewTable;
  actions: ActionTable;
  action_notes: ActionNoteTable;
  children_results: ChildrenResultTable;
  questionnaires: QuestionnaireTable;
  reference_figures: ReferenceFigureTable;
}

export type Authority = Selectable<AuthorityTable>;
export type Wave = Selectable<WaveTable>;
export type NewWave = Insertable<WaveTable>;
export type User = Selectable<UserTable>;
