// Running counts held in memory while a report is built: for one wave (or
// several pooled), how many gave each value to each instrument's question.
import type { AnswerCountRow } from './queries/wave-answer-counts.js';

/** instrument → question → value → n */
export type Tally = Map<string, Map<string, Map<string, number>>>;

export function tallyOf(rows: Iterable<Pick<AnswerCountRow, 'instrument' | 'question' | 'value' | 'n'>>): Tally {
  const t: Tally = new Map();
  for (const r of rows) add(t, r.instrument, r.question, r.value, r.n);
  return t;
}

export function add(t: Tally, instrument: string, question: string, value: string, n: number): void {
  let byQuestion = t.get(instrument);
  if (!byQuestion) t.set(instrument, (byQuestion = new Map()));
  let byValue = byQuestion.get(question);
  if (!byValue) byQuestion.set(question, (byValue = new Map()));
  byValue.set(value, (byValue.get(value) ?? 0) + n);
}

export function valueCounts(t: Tally, instrument: string, question: string): Map<string, number> {
  return t.get(instrument)?.get(question) ?? new Map();
}

/** Base (everyone who answered) and count (answers in the positive set) of a question. */
export function proportion(t: Tally, instrument: string, question: string, positive: ReadonlySet<string>): { n: number; count: number } {
  let n = 0;
  let count = 0;
  for (const [value, k] of valueCounts(t, instrument, question)) {
    n += k;
    if (positive.has(value)) count += k;
  }
  return { n, count };
}

/** Numeric answers of a question as (value, count) pairs, for means. */
export function numericCounts(t: Tally, instrument: string, question: string): [number, number][] {
  return [...valueCounts(t, instrument, question)].map(([v, k]) => [Number(v), k]);
}
