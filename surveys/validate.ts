// The one rule of what a valid set of answers is, shared by the server
// (API and import), the child app (which questions to show) and reports.
// Only types from schema.ts: its zod schemas must not reach the child app's bundle.
import type { Instrument, Question } from './schema.js';
import { scaleOf, integerBounds, type Scale } from './scales.js';
import { BIDI_CONTROLS, isBlank } from './text.js';

export type AnswerValue = string | number;
export type Answers = Record<string, AnswerValue>;
export interface ValidationIssue {
  path: string;
  message: string;
}
export type ValidationResult = { ok: true; answers: Answers } | { ok: false; issues: ValidationIssue[] };

// The rule of free text. No keyboard types these; they only break exports,
// reports and terminals, so the text is refused (400):
/** C0 controls, DEL and C1 controls (U+0085, U+009B …), except tab and line breaks. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Half of a surrogate pair on its own: not Unicode at all, stored as broken UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Text that shows nothing (only spaces and invisible characters) is refused like empty text.
// Bidirectional embeddings, overrides and isolates (U+202E shows text backwards to
// whoever reads it) are removed: the child's words stay, in the order typed.

/** Whether a question is asked, given the answers so far. A skipped dependency does not hide it. */
export function isShown(question: Question, answers: Readonly<Record<string, unknown>>): boolean {
  const c = question.condition;
  if (!c) return true;
  const given = answers[c.question];
  return !(typeof given === 'string' && c.notIn.includes(given));
}

/** Checks one answer against its question's scale; returns a reason, or null when it is fine. */
export function checkValue(inst: Instrument, question: Question, value: unknown): string | null {
  const scale: Scale = scaleOf(question);
  if (value === null || value === undefined) return 'no answer given; leave the question out to skip it';
  switch (scale.kind) {
    case 'options':
      if (typeof value !== 'string') return `expected one of ${scale.options.join(', ')}`;
      return scale.options.includes(value) ? null : `"${value}" is not an option (expected one of ${scale.options.join(', ')})`;
    case 'integer':
    case 'age': {
      const { min, max } = integerBounds(scale, inst)!;
      if (typeof value !== 'number' || !Number.isInteger(value)) return `expected a whole number from ${min} to ${max}`;
      if (value < min || value > max)
        return question.scale === 'age'
          ? `age ${value} is outside this survey's ages (${min} to ${max})`
          : `${value} is out of range (${min} to ${max})`;
      return null;
    }
    case 'text': {
      if (typeof value !== 'string') return 'expected text';
      if (LONE_SURROGATE.test(value)) return 'text contains half of a surrogate pair (not valid Unicode)';
      if (CONTROL_CHARACTERS.test(value)) return 'text contains control characters';
      if (isBlank(value)) return 'empty text; leave the question out to skip it';
      const length = [...storedText(value)].length;
      return length > scale.maxLength ? `text is ${length} characters, more than ${scale.maxLength}` : null;
    }
  }
}

/** Free text as it is stored: without bidirectional controls. */
function storedText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Validates a whole response for an instrument version: every answer, conditions and required questions. */
export function validateAnswers(inst: Instrument, answers: unknown): ValidationResult {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
    return { ok: false, issues: [{ path: 'answers', message: 'expected an object of question id to answer' }] };
  const given = answers as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const known = new Set(inst.questions.map((q) => q.id));
  for (const key of Object.keys(given))
    if (!known.has(key)) issues.push({ path: `answers.${key}`, message: `unknown question for ${inst.id}` });
  const clean: Answers = {};
  for (const q of inst.questions) {
    const path = `answers.${q.id}`;
    if (!Object.hasOwn(given, q.id)) {
      if (q.required) issues.push({ path, message: 'required' });
      continue;
    }
    if (!isShown(q, given)) {
      const c = q.condition!;
      issues.push({ path, message: `not asked when ${c.question} is ${String(given[c.question])}` });
      continue;
    }
    const value = given[q.id];
    const problem = checkValue(inst, q, value);
    if (problem) issues.push({ path, message: problem });
    else clean[q.id] = scaleOf(q).kind === 'text' ? storedText(value as string) : (value as AnswerValue);
  }
  return issues.length ? { ok: false, issues } : { ok: true, answers: clean };
}
