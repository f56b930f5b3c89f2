// Which i18n keys the survey content uses, so tests and the child app can
// check that a locale has every one. No I/O here: callers read the files.
import { DOMAINS, INDICATOR_IDS } from './indicators.js';
import type { Instrument, Question } from './schema.js';
import { scaleOf, type ScaleId } from './scales.js';

/**
 * Integer scales whose every point has its own label (`<prefix>.<n>`), as
 * well as the end labels (`<prefix>.min`, `<prefix>.max`) that every
 * integer scale has: happy5 is shown as five labelled faces, agree5 as five numbered, worded buttons.
 */
export const POINT_LABELLED_SCALES: ReadonlySet<ScaleId> = new Set<ScaleId>(['happy5', 'agree5']);

/** The key prefix of a question's answer labels: `labels`, or `scales.<scale>` by default. */
export function labelPrefix(question: Pick<Question, 'scale' | 'labels'>): string {
  return question.labels ?? `scales.${question.scale}`;
}

/** The key of one option's label (or one point of a point-labelled integer scale). */
export function optionLabelKey(question: Pick<Question, 'scale' | 'labels'>, option: string | number): string {
  return `${labelPrefix(question)}.${String(option)}`;
}

/** The keys one answer's label may have, the most particular first: worded for its question (see variantOf), or the scale's. */
export function optionLabelKeys(question: Pick<Question, 'id' | 'scale' | 'labels'>, option: string | number): string[] {
  const key = optionLabelKey(question, option);
  return [`${key}_${question.id}`, key];
}

/** The label keys a question's answers use: one per option, or an integer scale's end (and point) labels. */
export function answerLabelKeys(question: Pick<Question, 'scale' | 'labels'>): string[] {
  const scale = scaleOf(question);
  const prefix = labelPrefix(question);
  switch (scale.kind) {
    case 'options':
      return scale.options.map((o) => `${prefix}.${o}`);
    case 'integer': {
      const keys = [`${prefix}.min`, `${prefix}.max`];
      if (question.scale !== 'options' && POINT_LABELLED_SCALES.has(question.scale))
        for (let n = scale.min; n <= scale.max; n++) keys.push(`${prefix}.${n}`);
      return keys;
    }
    case 'age':
    case 'text':
      return [];
  }
}

/** Every i18n key an instrument uses: its title, each question's text and answer labels; no duplicates. */
export function instrumentKeys(inst: Instrument): string[] {
  const keys = [inst.title];
  for (const q of inst.questions) keys.push(q.text, ...answerLabelKeys(q));
  return [...new Set(keys)];
}

/** The label key of an indicator (`indicators.<id>`). */
export function indicatorKey(id: string): string {
  return `indicators.${id}`;
}

/** The label key of a domain (`domains.<domain>`). */
export function domainKey(domain: string): string {
  return `domains.${domain}`;
}

/** The keys of every indicator and domain label, which reports need. */
export function reportKeys(): string[] {
  return [...INDICATOR_IDS.map(indicatorKey), ...DOMAINS.map(domainKey)];
}

/**
 * Flattens a locale (nested objects keyed by the parts of a dot path, or
 * already-flat dotted keys, or a mix) to one record of dot path to value.
 */
export function flattenLocale(messages: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) {
    if (prefix) out[prefix] = messages;
    return out;
  }
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(out, flattenLocale(value, path));
    else out[path] = value;
  }
  return out;
}

/**
 * Wording a language may have beyond English's keys, as a variant of one of
 * them: `<key>_female`, said to a girl in a language that speaks to girls
 * and boys differently (Arabic: تعرفين, not تعرف), and
 * `<answer label key>_<question id>`, an answer worded for one question (a
 * Welsh yes answers with the question's own verb: "Wyt ti…?" "Ydw", "Oes…?"
 * "Oes"). The child app looks for the most particular one first
 * (web/survey/i18n.ts).
 */
export const FEMALE_SUFFIX = '_female';

/** The English key a variant key varies, or undefined when `key` is no variant of a key `known` has. */
export function variantOf(key: string, known: (key: string) => boolean, questionIds: ReadonlySet<string>): string | undefined {
  const base = key.endsWith(FEMALE_SUFFIX) ? key.slice(0, -FEMALE_SUFFIX.length) : key;
  if (base !== key && known(base)) return base;
  if (!base.startsWith('scales.')) return undefined;
  for (const id of questionIds) if (base.endsWith(`_${id}`) && known(base.slice(0, -id.length - 1))) return base.slice(0, -id.length - 1);
  return undefined;
}
