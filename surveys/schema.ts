// The shape of an instrument definition, checked when the definitions
// load, so a mistake in surveys/ fails at start-up rather than in a
// child's hands.
import { z } from 'zod';
import { INDICATOR_IDS } from './indicators.js';
import { SCALES, SCALE_IDS, integerBounds, type Scale, type ScaleId } from './scales.js';
import type { Direction } from './indicators.js';

/** The built-in programmes. A council's questionnaire is a programme of its own (its id): see registry.ts. */
export const PROGRAMMES = ['ylyc', 'ylbc'] as const;
/** A programme id the registry knows: a built-in one or a council questionnaire's id. */
export type Programme = string;
/** The built-in instruments' age bands. A council questionnaire's band is its ages or its audience. */
export const BANDS = ['4-7', '8-11', '11-17', '16-25'] as const;
export type Band = string;
/** Who answers an instrument: children get faces and read-aloud, adults plainer screens. */
export const AUDIENCES = ['children', 'young_people', 'adults'] as const;
export type Audience = (typeof AUDIENCES)[number];

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case id');
const i18nKey = z.string().regex(/^[a-z0-9_.-]+$/i, 'i18n key');

export const ConditionSchema = z
  .object({
    /** The question is shown unless the answer to `question` is one of `notIn`. */
    question: id,
    notIn: z.array(z.string()).min(1),
  })
  .strict();

export const QuestionSchema = z
  .object({
    id,
    scale: z.enum(SCALE_IDS),
    /** i18n key of the question's wording. */
    text: i18nKey,
    /** i18n key prefix of option labels; defaults to `scales.<scale>`. */
    labels: i18nKey.optional(),
    /** Who answers: in 4-7 a trusted adult answers the background questions. */
    answeredBy: z.enum(['child', 'adult']).default('child'),
    required: z.boolean().default(false),
    condition: ConditionSchema.optional(),
  })
  .strict();

export const IndicatorRuleSchema = z
  .object({
    indicator: z.enum(INDICATOR_IDS),
    question: id,
    /** Answers that count as positive for the indicator: option ids or integers. */
    options: z.array(z.union([z.string(), z.number().int()])).min(1),
  })
  .strict();

export const InstrumentSchema = z
  .object({
    id: z.string().regex(/^(ylyc|ylbc)-\d+-\d+$/),
    version: z.number().int().min(1),
    programme: z.enum(PROGRAMMES),
    band: z.enum(BANDS),
    minAge: z.number().int().min(0),
    maxAge: z.number().int().max(30),
    title: i18nKey,
    questions: z.array(QuestionSchema).min(1),
    indicators: z.array(IndicatorRuleSchema),
    /** Questions reported as means (n, mean, sd). */
    scores: z.array(id),
    audience: z.enum(AUDIENCES).optional(),
  })
  .strict()
  .superRefine((inst, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message: `${inst.id}: ${message}` });
    if (inst.minAge > inst.maxAge) issue('minAge is above maxAge');
    const byId = new Map<string, z.infer<typeof QuestionSchema>>();
    for (const q of inst.questions) {
      if (byId.has(q.id)) issue(`question ${q.id} appears twice`);
      if (q.condition) {
        const dep = byId.get(q.condition.question);
        if (!dep) issue(`${q.id}: condition refers to ${q.condition.question}, which is not asked before it`);
        else {
          const scale: Scale = SCALES[dep.scale];
          if (scale.kind !== 'options') issue(`${q.id}: condition on ${dep.id}, which has no options`);
          else
            for (const v of q.condition.notIn)
              if (!scale.options.includes(v)) issue(`${q.id}: condition option ${v} is not on ${dep.scale}`);
        }
      }
      byId.set(q.id, q);
    }
    const age = byId.get('age');
    if (!age || age.scale !== 'age' || !age.required) issue('must ask a required age question');
    for (const q of inst.questions)
      if (q.required && q.id !== 'age') issue(`${q.id}: only age may be required (every other question can be skipped)`);
    for (const rule of inst.indicators) {
      const q = byId.get(rule.question);
      if (!q) {
        issue(`indicator ${rule.indicator} uses ${rule.question}, which is not asked`);
        continue;
      }
      for (const option of rule.options)
        if (!acceptsValue(SCALES[q.scale], inst, option))
          issue(`indicator ${rule.indicator}: ${String(option)} is not an answer to ${q.id}`);
    }
    for (const s of inst.scores) {
      const q = byId.get(s);
      if (!q || SCALES[q.scale].kind !== 'integer') issue(`score ${s} is not an integer question of this instrument`);
    }
  });

export type Condition = z.infer<typeof ConditionSchema>;

/**
 * One question as every consumer sees it. Built-in questions use a scale of
 * scales.ts; a council's `options` question carries its own option ids
 * (read them through scaleOf, never SCALES[q.scale]).
 */
export interface Question {
  id: string;
  scale: ScaleId | 'options';
  /** Only with scale `options`: the question's own option ids, in display order. */
  options?: string[];
  text: string;
  labels?: string;
  answeredBy: 'child' | 'adult';
  required: boolean;
  condition?: Condition;
}

export interface IndicatorRule {
  indicator: string;
  question: string;
  options: (string | number)[];
}

/** A council's own indicator: what indicators.ts says of a built-in one, declared in its file. */
export interface LocalIndicator {
  id: string;
  direction: Direction;
  /** i18n key of its label, in the instrument's `strings`. */
  label: string;
}

/** An instrument as every consumer sees it, from a built-in file or a council's questionnaire. */
export interface Instrument {
  id: string;
  version: number;
  programme: Programme;
  band: Band;
  minAge: number;
  maxAge: number;
  audience: Audience;
  title: string;
  questions: Question[];
  indicators: IndicatorRule[];
  scores: string[];
  /** A council questionnaire's scores' directions (`better` in its file); a score not listed (every built-in's) is higher-is-better. */
  scoreDirections?: Record<string, Direction>;
  /** A council questionnaire's own indicators (built-ins' are in indicators.ts). */
  localIndicators?: LocalIndicator[];
  /** A council questionnaire's languages. Built-ins are in every locale of surveys/locales. */
  locales?: string[];
  /** A council questionnaire's text: locale -> i18n key -> words (built-ins' are in surveys/locales). */
  strings?: Record<string, Record<string, string>>;
  /** A council's local questions on a core round: the core instrument they follow. */
  extends?: { instrument: string; version: number };
}
/** A built-in definition as its file is checked. */
export type BuiltInInstrument = z.infer<typeof InstrumentSchema>;
/** What an instrument file exports, before defaults are applied. */
export type InstrumentInput = z.input<typeof InstrumentSchema>;

export { integerBounds };

function acceptsValue(scale: Scale, inst: Pick<Instrument, 'minAge' | 'maxAge'>, value: string | number): boolean {
  if (scale.kind === 'options') return typeof value === 'string' && scale.options.includes(value);
  const bounds = integerBounds(scale, inst);
  return bounds !== null && typeof value === 'number' && value >= bounds.min && value <= bounds.max;
}
