// i18next for every word on screen. English, the first screen's language,
// is in the main script (no extra round trip before the first screen); each
// other locale is its own chunk, loaded when chosen.
import i18next from 'i18next';
import en from '../../surveys/locales/en.json';
import { FEMALE_SUFFIX } from '../../surveys/i18n-keys.js';
import type { Instrument } from '../../surveys/schema.js';
import { localeInfo, type LocaleInfo } from './locales.js';

export { LOCALES, localeInfo } from './locales.js';

const loaders: Record<string, () => Promise<{ default: unknown }>> = {
  en: async () => ({ default: en }),
  cy: () => import('../../surveys/locales/cy.json'),
  ar: () => import('../../surveys/locales/ar.json'),
};

/** Locales whose own file is loaded (a council's words may be added to a locale before it is). */
const loaded = new Set<string>();

/** The words of the council questionnaire on screen, kept to add to a locale loaded later. */
let instrumentWords: Pick<Instrument, 'strings' | 'locales'> | undefined;

/** A questionnaire's words in a locale, or (a language it was not written in) in its first language. */
function addWords(locale: string, inst: Pick<Instrument, 'strings' | 'locales'>): void {
  const words = inst.strings?.[locale] ?? inst.strings?.[inst.locales?.[0] ?? 'en'];
  // Flat dotted keys (questionnaire.q.role): i18next's own key separator reads them as nesting.
  if (words) for (const [key, text] of Object.entries(words)) i18next.addResource(locale, 'translation', key, text);
}

/**
 * Makes a council questionnaire's own words (its title, questions, options)
 * available to t(), in every loaded locale and in any loaded later. Built-in
 * instruments have none: their words are in the locale files.
 */
export function addInstrumentWords(inst: Pick<Instrument, 'strings' | 'locales'>): void {
  if (!inst.strings || inst === instrumentWords) return;
  instrumentWords = inst;
  for (const locale of loaded) addWords(locale, inst);
}

/** Loads a locale (once) and switches every string, the page's lang and its direction to it. */
export async function setLocale(code: string): Promise<LocaleInfo> {
  const info = localeInfo(code);
  if (!i18next.isInitialized)
    await i18next.init({ lng: info.code, fallbackLng: false, resources: {}, interpolation: { escapeValue: false } });
  if (!loaded.has(info.code)) {
    const messages = (await loaders[info.code]!()).default as Record<string, unknown>;
    i18next.addResourceBundle(info.code, 'translation', messages, true, false);
    loaded.add(info.code);
    if (instrumentWords) addWords(info.code, instrumentWords);
  }
  await i18next.changeLanguage(info.code);
  // On the server (the start screen drawn into the page, prerender.tsx) there is no page to set.
  if (typeof document === 'undefined') return info;
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
  document.title = i18next.t('survey.app_name');
  return info;
}

/**
 * Who the screens speak to. Arabic speaks to a girl in other words than to a
 * boy; until a child has said she is a girl the app uses the forms a
 * language uses for anyone (Arabic's masculine ones).
 */
let female = false;
export function setAddressee(gender: unknown): void {
  female = gender === 'female';
}

/**
 * A string in the current language: the most particular wording it has
 * (`<key>_female` for a girl; the first of several keys it has, so an
 * answer can be worded for its question; see surveys/i18n-keys.ts).
 *
 * In a right-to-left language each text put into it (a council's name or
 * contact, in Latin script) is set apart by Unicode isolates (FSI … PDI),
 * so it is drawn in its own order: otherwise the 3 of "3 Rivers District
 * Council" is drawn at the far end of the name, and a contact's "+44" or
 * brackets can land on the wrong side of its number.
 */
export const t = (key: string | string[], options?: Record<string, unknown>): string => {
  const keys = [key].flat();
  const tried = female ? keys.flatMap((k) => [`${k}${FEMALE_SUFFIX}`, k]) : keys;
  if (!options || localeInfo(i18next.language).dir !== 'rtl') return i18next.t(tried, options ?? {});
  const isolated = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, typeof v === 'string' ? `\u2068${v}\u2069` : v]));
  return i18next.t(tried, isolated);
};
