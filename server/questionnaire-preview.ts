// A questionnaire's questions in words, one language at a time, for the
// portal's read-only preview: the question as the survey app words it and
// the answers it offers (the file's own options, or a built-in scale's
// labels from surveys/locales), with the rule that hides it. Resolved
// here so the portal needs no copy of the locale files.
//
// And the questionnaire as the survey app takes it (respondentView): a
// round of it alone, for the survey app's preview mode (/s/preview/…),
// which draws the real screens from it without a round, a code or a
// response.
import ar from '../surveys/locales/ar.json' with { type: 'json' };
import cy from '../surveys/locales/cy.json' with { type: 'json' };
import en from '../surveys/locales/en.json' with { type: 'json' };
import { integerBounds, scaleOf, type Instrument } from '../surveys/index.js';
import { roundInstrument, roundLocales } from './routes/public/waves.js';

type LocaleFile = Record<string, Record<string, unknown>>;
const LOCALES: Record<string, LocaleFile> = { en: en as unknown as LocaleFile, cy: cy as unknown as LocaleFile, ar: ar as unknown as LocaleFile };

export interface PreviewQuestion {
  id: string;
  text: string;
  /** The answers offered, in order; for a number scale, each number with its words where the scale has them. */
  choices: { value: string; label: string }[];
  /** Free text: a box to type in. */
  freeText: boolean;
  /** Shown unless the answer to `question` is one of `notIn` (given as the answers' words). */
  condition: { question: string; notIn: string[] } | null;
}

export interface QuestionnairePreview {
  id: string;
  version: number;
  title: string;
  audience: Instrument['audience'];
  locale: string;
  locales: string[];
  /** Right to left (Arabic). */
  rtl: boolean;
  questions: PreviewQuestion[];
}

/** Follows a dotted i18n key (`scales.agree5.1`) in a locale file. */
function lookup(file: LocaleFile | undefined, key: string): string | undefined {
  let at: unknown = file;
  for (const part of key.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined;
  return typeof at === 'string' ? at : undefined;
}

/** The preview of an instrument in one of its languages (its first when `locale` is not one of them). */
export function questionnairePreview(inst: Instrument, locale?: string): QuestionnairePreview {
  const locales = inst.locales ?? Object.keys(LOCALES);
  const lang = locale && locales.includes(locale) ? locale : locales[0]!;
  const own = inst.strings?.[lang] ?? {};
  const word = (key: string) => own[key] ?? lookup(LOCALES[lang], key) ?? lookup(LOCALES.en, key) ?? key;
  const optionLabel = (q: Instrument['questions'][number], value: string) => word(`${q.labels ?? `scales.${q.scale}`}.${value}`);
  const questions = inst.questions.map((q): PreviewQuestion => {
    const scale = scaleOf(q);
    let choices: PreviewQuestion['choices'] = [];
    if (scale.kind === 'options') choices = scale.options.map((value) => ({ value, label: optionLabel(q, value) }));
    else {
      const bounds = integerBounds(scale, inst);
      if (bounds)
        for (let v = bounds.min; v <= bounds.max; v++) {
          // Each number's words where the scale has them (agree5, happy5); else words at the two ends only (0 to 10).
          const label = lookup(LOCALES[lang], `scales.${q.scale}.${v}`);
          const end = v === bounds.min ? lookup(LOCALES[lang], `scales.${q.scale}.min`) : v === bounds.max ? lookup(LOCALES[lang], `scales.${q.scale}.max`) : undefined;
          choices.push({ value: String(v), label: label ? `${v} ${label}` : end ? `${v} ${end}` : String(v) });
        }
    }
    const dep = q.condition && inst.questions.find((x) => x.id === q.condition!.question);
    return {
      id: q.id,
      text: word(q.text),
      choices,
      freeText: scale.kind === 'text',
      condition: q.condition && dep ? { question: word(dep.text), notIn: q.condition.notIn.map((v) => optionLabel(dep, v)) } : null,
    };
  });
  return { id: inst.id, version: inst.version, title: word(inst.title), audience: inst.audience, locale: lang, locales, rtl: lang === 'ar', questions };
}

/** The period a preview's round carries: it names no real round. */
export const PREVIEW_PERIOD = 'preview';

/**
 * What the survey app needs to draw a questionnaire's screens as a round of
 * it would: the wave (`GET /api/waves/:code`'s shape, with the authority
 * respondents would see) and the instrument (`GET /api/instruments/:id`'s).
 */
export function respondentView(inst: Instrument, authority: { code: string; name: string; contact: string | null }) {
  return {
    wave: { authority, programme: inst.programme, period: PREVIEW_PERIOD, open: true, instruments: [roundInstrument(inst)], locales: roundLocales([inst]) },
    instrument: inst,
  };
}
