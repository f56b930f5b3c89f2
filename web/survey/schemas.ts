// zod schemas for everything the child app reads from outside its own code:
// the API's answers and what an earlier visit left in storage. zod/mini
// keeps the bundle small; the shapes mirror surveys/schema.ts.
import * as z from 'zod/mini';
import { INDICATOR_IDS } from '../../surveys/indicators.js';
import { WORDS } from '../../surveys/results-wording.js';
import { SCALE_IDS } from '../../surveys/scales.js';

// Each schema is built the first time it parses something (z.lazy), not as the
// app's script is evaluated: building them all cost the app's start about
// 15 ms of CPU (60 ms on a tablet 4x slower) in the long task before the drawn
// start screen answers a tap, and most (results, sessions, the outbox) are
// not needed then.

/** Mirrors surveys/schema.ts's AUDIENCES (which imports zod, kept out of this bundle). */
const AUDIENCES = ['children', 'young_people', 'adults'] as const;

export const WaveSchema = z.lazy(() => z.object({
  authority: z.object({ code: z.string(), name: z.string(), contact: z.optional(z.nullable(z.string())) }),
  programme: z.string(),
  period: z.string(),
  open: z.boolean(),
  instruments: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      band: z.string(),
      minAge: z.number(),
      maxAge: z.number(),
      audience: z.optional(z.enum(AUDIENCES)),
    }),
  ),
  /** The languages the round is asked in (a council questionnaire's own); a wave saved before it was sent: all. */
  locales: z.optional(z.array(z.string())),
}));
export type Wave = z.infer<typeof WaveSchema>;

const QuestionSchema = z.lazy(() => z.object({
  id: z.string(),
  scale: z.enum([...SCALE_IDS, 'options']),
  options: z.optional(z.array(z.string())),
  text: z.string(),
  labels: z.optional(z.string()),
  answeredBy: z.enum(['child', 'adult']),
  required: z.boolean(),
  condition: z.optional(z.object({ question: z.string(), notIn: z.array(z.string()) })),
}));

export const InstrumentSchema = z.lazy(() => z.object({
  id: z.string(),
  version: z.number(),
  programme: z.string(),
  band: z.string(),
  minAge: z.number(),
  maxAge: z.number(),
  // Sessions saved before audiences existed were children's or young people's built-ins.
  audience: z._default(z.enum(AUDIENCES), 'children'),
  title: z.string(),
  questions: z.array(QuestionSchema),
  indicators: z.array(
    z.object({
      indicator: z.string(),
      question: z.string(),
      options: z.array(z.union([z.string(), z.number()])),
    }),
  ),
  scores: z.array(z.string()),
  localIndicators: z.optional(z.array(z.object({ id: z.string(), direction: z.enum(['higher', 'lower']), label: z.string() }))),
  locales: z.optional(z.array(z.string())),
  strings: z.optional(z.record(z.string(), z.record(z.string(), z.string()))),
  extends: z.optional(z.object({ instrument: z.string(), version: z.number() })),
}));

const AnswersSchema = z.lazy(() => z.record(z.string(), z.union([z.string(), z.number()])));

/** Where the child is: a question (by id) or one of the screens between them. */
export const StepSchema = z.lazy(() => z.union([
  z.object({ kind: z.literal('question'), id: z.string() }),
  z.object({ kind: z.enum(['adult-intro', 'handover', 'review']) }),
]));
export type Step = z.infer<typeof StepSchema>;

/** The survey in progress on this device; saved after every answer. */
export const SessionSchema = z.lazy(() => z.object({
  v: z.literal(1),
  id: z.string(),
  code: z.string(),
  locale: z.string(),
  wave: WaveSchema,
  instrument: InstrumentSchema,
  answers: AnswersSchema,
  step: StepSchema,
}));
export type Session = z.infer<typeof SessionSchema>;

/** A finished survey waiting to be sent: exactly the body POST /api/responses takes. */
export const PendingSchema = z.lazy(() => z.object({
  id: z.string(),
  code: z.string(),
  instrument: z.string(),
  version: z.number(),
  answers: AnswersSchema,
}));
export type Pending = z.infer<typeof PendingSchema>;

/** A pending response the server refused with a 4xx: kept, not retried on its own. */
export const RejectionSchema = z.lazy(() => z.object({ status: z.number(), message: z.string() }));
export type Rejection = z.infer<typeof RejectionSchema>;

export const OutboxItemSchema = z.lazy(() => z.object({ body: PendingSchema, rejected: z.optional(RejectionSchema) }));
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const SubmitAnswerSchema = z.lazy(() => z.object({ id: z.string(), status: z.enum(['stored', 'duplicate']) }));
export const ErrorAnswerSchema = z.lazy(() => z.object({ error: z.string() }));

/** A round's published children's version of the results (GET /api/results/:code), per band and locale. */
export const ResultsSchema = z.lazy(() => z.object({
  authority: z.object({ name: z.string(), contact: z.optional(z.nullable(z.string())) }),
  programme: z.string(),
  period: z.string(),
  versions: z.array(
    z.object({
      band: z.string(),
      locale: z.string(),
      content: z.object({
        good: z.array(z.object({ indicator: z.enum(INDICATOR_IDS), words: z.enum(WORDS) })),
        change: z.array(z.object({ indicator: z.enum(INDICATOR_IDS), words: z.enum(WORDS) })),
        pledges: z.array(z.string()),
      }),
    }),
  ),
}));
export type Results = z.infer<typeof ResultsSchema>;
