// A council's questionnaire file as the Instrument every consumer reads:
// converted once, here, at the edge (NEXT.md: one schema for both). Its
// words travel with it as `strings` (locale -> key -> text) under keys of
// its own; answers on the built-in scales keep the scales' labels from
// surveys/locales.
import { scoreOf, type FileProblem, type QuestionnaireFile } from './questionnaire-file.js';
import type { Instrument, Question } from './schema.js';

/** The i18n keys a questionnaire's own words live under. */
export const questionnaireKeys = {
  title: 'questionnaire.title',
  question: (id: string) => `questionnaire.q.${id}`,
  /** Option labels are `<prefix>.<option id>`, as for the built-in scales. */
  options: (id: string) => `questionnaire.o.${id}`,
  indicator: (id: string) => `questionnaire.i.${id}`,
};

/** The band a questionnaire's responses are counted under: its ages, else its audience. */
export function questionnaireBand(file: Pick<QuestionnaireFile, 'audience' | 'minAge' | 'maxAge'>): string {
  return file.minAge !== undefined && file.maxAge !== undefined ? `${file.minAge}-${file.maxAge}` : file.audience;
}

/**
 * What a valid file cannot say about itself: the core instrument it extends
 * exists, and its questions and indicators do not take the core's ids.
 */
export function extendsProblems(file: QuestionnaireFile, core: Instrument | undefined): FileProblem[] {
  if (!file.extends) return [];
  if (!core) return [{ path: '$.extends', message: `no instrument ${file.extends.instrument} version ${file.extends.version}` }];
  if (core.extends) return [{ path: '$.extends.instrument', message: `${core.id} is itself local questions; extend a core instrument` }];
  const problems: FileProblem[] = [];
  const coreIds = new Set(core.questions.map((q) => q.id));
  file.questions.forEach((q, k) => {
    if (coreIds.has(q.id)) problems.push({ path: `$.questions[${k}].id`, message: `${core.id} already asks ${q.id}` });
    if (q.condition && coreIds.has(q.condition.question))
      problems.push({ path: `$.questions[${k}].condition.question`, message: 'a local question depends only on local questions' });
  });
  const coreIndicators = new Set(core.indicators.map((r) => r.indicator));
  file.indicators.forEach((ind, k) => {
    if (coreIndicators.has(ind.id)) problems.push({ path: `$.indicators[${k}].id`, message: `${core.id} already has an indicator ${ind.id}` });
  });
  return problems;
}

/** The instrument a valid file describes; `core` is the instrument it extends (checked by extendsProblems). */
export function toInstrument(file: QuestionnaireFile, core?: Instrument): Instrument {
  const strings: Record<string, Record<string, string>> = {};
  for (const locale of file.locales) {
    const s: Record<string, string> = { [questionnaireKeys.title]: file.title[locale]! };
    for (const q of file.questions) {
      s[questionnaireKeys.question(q.id)] = q.text[locale]!;
      for (const o of q.options ?? []) s[`${questionnaireKeys.options(q.id)}.${o.id}`] = o.text[locale]!;
    }
    for (const ind of file.indicators) s[questionnaireKeys.indicator(ind.id)] = ind.label[locale]!;
    strings[locale] = s;
  }
  const questions: Question[] = file.questions.map((q) => ({
    id: q.id,
    scale: q.type,
    ...(q.options ? { options: q.options.map((o) => o.id), labels: questionnaireKeys.options(q.id) } : {}),
    text: questionnaireKeys.question(q.id),
    answeredBy: 'child',
    required: q.type === 'age',
    ...(q.condition ? { condition: q.condition } : {}),
  }));
  const own = {
    id: file.id,
    version: file.version,
    locales: [...file.locales],
    strings,
    localIndicators: file.indicators.map((i) => ({ id: i.id, direction: i.better, label: questionnaireKeys.indicator(i.id) })),
  };
  const indicators = file.indicators.map((i) => ({ indicator: i.id, question: i.question, options: i.options }));
  const scores = file.scores.map(scoreOf);
  const scoreDirections = Object.fromEntries(scores.map((s) => [s.question, s.better]));
  if (core && file.extends)
    return {
      ...core,
      ...own,
      extends: { ...file.extends },
      questions: [...core.questions, ...questions],
      indicators: [...core.indicators, ...indicators],
      scores: [...core.scores, ...scores.map((s) => s.question)],
      scoreDirections,
      localIndicators: own.localIndicators,
    };
  return {
    ...own,
    programme: file.id,
    band: questionnaireBand(file),
    minAge: file.minAge ?? 0,
    maxAge: file.maxAge ?? 0,
    audience: file.audience,
    title: questionnaireKeys.title,
    questions,
    indicators,
    scores: scores.map((s) => s.question),
    scoreDirections,
  };
}
