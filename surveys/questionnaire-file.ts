// The public file format of a council's questionnaire (carers, parents,
// staff, or local questions added to a core round). A file is checked
// here, every problem reported with its JSON path, before anything is
// stored; surveys/questionnaire.ts turns a valid file into the same
// Instrument the built-in definitions are, so every consumer asks one
// registry and never branches on where a definition came from.
import { z } from 'zod';
import { SCALES, SCALE_IDS, type Scale } from './scales.js';

/** The languages the survey app has its own words in (surveys/locales/*.json). */
export const FILE_LOCALES = ['en', 'cy', 'ar'] as const;
export type FileLocale = (typeof FILE_LOCALES)[number];

/** Who answers: children get the child survey's look and read-aloud; adults plainer screens. */
export const AUDIENCES = ['children', 'young_people', 'adults'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * Question types: every built-in scale, `options` (the file's own
 * options) and `agree5` (1 strongly disagree … 5 strongly agree).
 */
export const QUESTION_TYPES = [...SCALE_IDS, 'options'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Scales drawn as faces: not for adults. */
const FACE_TYPES: readonly string[] = ['faces3', 'happy5'];
/** Ids the built-in instruments use; a file may not take them. */
const RESERVED_ID = /^(ylyc|ylbc)(-|$)/;

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a lower-case id (a-z, 0-9, _)').max(40);
/** Text in each of the file's locales: a record checked against `locales` below. */
const LocalText = z.record(z.string(), z.string().trim().min(1, 'empty text'));

const OptionSchema = z.strictObject({ id, text: LocalText });

const QuestionFileSchema = z.strictObject({
  id,
  type: z.enum(QUESTION_TYPES),
  text: LocalText,
  /** Only for `options`: the answers, in display order. */
  options: z.array(OptionSchema).min(2, 'an options question needs at least 2 options').optional(),
  /** Shown unless the answer to `question` (asked before) is one of `notIn`, as in the built-in instruments. */
  condition: z.strictObject({ question: id, notIn: z.array(z.string()).min(1) }).optional(),
});

const IndicatorFileSchema = z.strictObject({
  id,
  label: LocalText,
  question: id,
  /** Answers that count: option ids, or whole numbers on a numeric scale. */
  options: z.array(z.union([z.string(), z.number().int()])).min(1),
  better: z.enum(['higher', 'lower']),
});

/**
 * A score: a question's id (higher is better), or `{"question", "better"}` for a
 * question where lower is better (e.g. "my caseload is too high").
 */
const ScoreObjectSchema = z.strictObject({ question: id, better: z.enum(['higher', 'lower']) });
// Not z.union: its error would be a bare "Invalid input"; each form is checked by its own schema, so a problem names its field.
const ScoreFileSchema = z.unknown().transform((v, ctx): string | z.infer<typeof ScoreObjectSchema> => {
  const r = typeof v === 'string' ? id.safeParse(v) : ScoreObjectSchema.safeParse(v);
  if (r.success) return r.data;
  for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: [...i.path] });
  return z.NEVER;
});

/** A score's question and which way is better, from either form of the file. */
export function scoreOf(s: z.infer<typeof ScoreFileSchema>): { question: string; better: 'higher' | 'lower' } {
  return typeof s === 'string' ? { question: s, better: 'higher' } : s;
}

export const QuestionnaireFileSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case id (a-z, 0-9, -)')
      .max(40)
      .refine((s) => !RESERVED_ID.test(s), 'ids starting ylyc- or ylbc- belong to the built-in instruments'),
    version: z.number().int().min(1),
    title: LocalText,
    audience: z.enum(AUDIENCES),
    /** Only for children and young people: the ages the survey takes (the age question's bounds). */
    minAge: z.number().int().min(0).max(30).optional(),
    maxAge: z.number().int().min(0).max(30).optional(),
    locales: z.array(z.enum(FILE_LOCALES)).min(1),
    /** Local questions on a core round: asked after the core instrument's questions. */
    extends: z.strictObject({ instrument: z.string().min(1).max(40), version: z.number().int().min(1) }).optional(),
    questions: z.array(QuestionFileSchema).min(1),
    indicators: z.array(IndicatorFileSchema).default([]),
    /** Questions on a numeric scale reported as means (n, mean, sd, 95% interval). */
    scores: z.array(ScoreFileSchema).default([]),
  })
  .superRefine((file, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const locales = new Set<string>(file.locales);
    if (locales.size !== file.locales.length) problem(['locales'], 'a locale is listed twice');

    /** Every listed locale has text, and no text is in a locale not listed. */
    const checkText = (text: Record<string, string>, path: (string | number)[]) => {
      for (const l of locales) if (!(l in text)) problem([...path, l], `missing translation for ${l}`);
      for (const l of Object.keys(text)) if (!locales.has(l)) problem([...path, l], `${l} is not in locales`);
    };
    checkText(file.title, ['title']);

    if (file.audience === 'children') {
      if (file.minAge === undefined) problem(['minAge'], 'required for the children audience');
      if (file.maxAge === undefined) problem(['maxAge'], 'required for the children audience');
    }
    if (file.audience === 'adults') {
      if (file.minAge !== undefined) problem(['minAge'], 'not for the adults audience');
      if (file.maxAge !== undefined) problem(['maxAge'], 'not for the adults audience');
    }
    if (file.minAge !== undefined && file.maxAge !== undefined && file.minAge > file.maxAge)
      problem(['minAge'], 'minAge is above maxAge');
    if (file.extends && file.audience === 'adults') problem(['extends'], 'local questions extend a children’s round, not an adults’ one');

    const asked = new Map<string, { type: QuestionType; options: readonly string[] | null }>();
    file.questions.forEach((q, k) => {
      const at = ['questions', k];
      if (asked.has(q.id)) problem([...at, 'id'], `question ${q.id} appears twice`);
      checkText(q.text, [...at, 'text']);
      if (q.type === 'options') {
        if (!q.options) problem([...at, 'options'], 'an options question lists its options');
        else {
          const seen = new Set<string>();
          q.options.forEach((o, j) => {
            if (seen.has(o.id)) problem([...at, 'options', j, 'id'], `option ${o.id} appears twice`);
            seen.add(o.id);
            checkText(o.text, [...at, 'options', j, 'text']);
          });
        }
      } else if (q.options) problem([...at, 'options'], `only an options question has options (this one is ${q.type})`);
      if (file.audience === 'adults' && FACE_TYPES.includes(q.type))
        problem([...at, 'type'], `${q.type} is drawn as faces, which adults are not shown`);
      if (q.type === 'age' && (file.audience === 'adults' || file.extends))
        problem([...at, 'type'], file.extends ? 'the core instrument asks the age' : 'adults are not asked their age here');
      if (q.condition) {
        const dep = asked.get(q.condition.question);
        if (!dep) problem([...at, 'condition', 'question'], `${q.condition.question} is not asked before ${q.id}`);
        else if (!dep.options) problem([...at, 'condition', 'question'], `${q.condition.question} has no options to depend on`);
        else
          q.condition.notIn.forEach((v, j) => {
            if (!dep.options!.includes(v)) problem([...at, 'condition', 'notIn', j], `${v} is not an option of ${q.condition!.question}`);
          });
      }
      asked.set(q.id, { type: q.type, options: optionIds(q) });
    });
    const ageQuestions = file.questions.filter((q) => q.type === 'age').length;
    if (file.audience === 'children' && !file.extends && ageQuestions !== 1)
      problem(['questions'], 'a children’s questionnaire asks its age once (a question of type age)');
    if (ageQuestions > 1) problem(['questions'], 'the age is asked once');

    const indicatorIds = new Set<string>();
    file.indicators.forEach((ind, k) => {
      const at = ['indicators', k];
      if (indicatorIds.has(ind.id)) problem([...at, 'id'], `indicator ${ind.id} appears twice`);
      indicatorIds.add(ind.id);
      checkText(ind.label, [...at, 'label']);
      const q = asked.get(ind.question);
      if (!q) return problem([...at, 'question'], `${ind.question} is not a question of this file`);
      if (q.type === 'text') return problem([...at, 'question'], `${ind.question} is free text, which has no answers to count`);
      ind.options.forEach((v, j) => {
        if (!answers(q, file, v)) problem([...at, 'options', j], `${String(v)} is not an answer to ${ind.question}`);
      });
    });
    const scored = new Set<string>();
    file.scores.forEach((score, k) => {
      const s = scoreOf(score).question;
      const at = typeof score === 'string' ? ['scores', k] : ['scores', k, 'question'];
      if (scored.has(s)) problem(at, `${s} is listed twice`);
      scored.add(s);
      const q = asked.get(s);
      if (!q) problem(at, `${s} is not a question of this file`);
      else if (q.type === 'options' || q.type === 'age' || SCALES[q.type].kind !== 'integer')
        problem(at, `${s} is not on a numeric scale (agree5, happy5, scale0_10)`);
    });
  });

/** A valid file, with defaults applied. */
export type QuestionnaireFile = z.infer<typeof QuestionnaireFileSchema>;
export type QuestionnaireFileQuestion = QuestionnaireFile['questions'][number];

export interface FileProblem {
  /** Where in the file, as a JSON path: `$.questions[1].text.cy`. */
  path: string;
  message: string;
}

/** `$.questions[1].text.cy` from zod's path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, p) => (typeof p === 'number' ? `${out}[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p)) ? `${out}.${String(p)}` : `${out}[${JSON.stringify(String(p))}]`),
    '$',
  );
}

/** Checks a parsed JSON value as a questionnaire file: the file, or every problem with its path. */
export function parseQuestionnaireFile(value: unknown): { ok: true; file: QuestionnaireFile } | { ok: false; problems: FileProblem[] } {
  const result = QuestionnaireFileSchema.safeParse(value);
  if (result.success) return { ok: true, file: result.data };
  return { ok: false, problems: result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
}

/** The option ids of a question, or null when it has none (numbers, text). */
export function optionIds(q: Pick<QuestionnaireFileQuestion, 'type' | 'options'>): string[] | null {
  if (q.type === 'options') return q.options ? q.options.map((o) => o.id) : [];
  const scale: Scale = SCALES[q.type];
  return scale.kind === 'options' ? [...scale.options] : null;
}

function answers(q: { type: QuestionType; options: readonly string[] | null }, file: Pick<QuestionnaireFile, 'minAge' | 'maxAge'>, v: string | number): boolean {
  if (q.options) return typeof v === 'string' && q.options.includes(v);
  if (typeof v !== 'number' || q.type === 'options') return false;
  const scale: Scale = SCALES[q.type];
  if (scale.kind === 'integer') return v >= scale.min && v <= scale.max;
  if (scale.kind === 'age') return v >= (file.minAge ?? 0) && v <= (file.maxAge ?? 30);
  return false;
}
