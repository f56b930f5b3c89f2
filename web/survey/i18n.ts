// i18next for every word on screen. English, the first screen's language,
// is in the main script (no extra round trip before the first screen); each
// other locale is its own chunk, loaded when chosen.
import i18next from 'i18next';
import en from '../../surveys/locales/en.json';
import { localeInfo, type LocaleInfo } from './locales.js';

export { LOCALES, localeInfo } from './locales.js';

const loaders: Record<string, () => Promise<{ default: unknown }>> = {
  en: async () => ({ default: en }),
  cy: () => import('../../surveys/locales/cy.json'),
  ar: () => import('../../surveys/locales/ar.json'),
};

/** Loads a locale (once) and switches every string, the page's lang and its direction to it. */
export async function setLocale(code: string): Promise<LocaleInfo> {
  const info = localeInfo(code);
  if (!i18next.isInitialized)
    await i18next.init({ lng: info.code, fallbackLng: false, resources: {}, interpolation: { escapeValue: false } });
  if (!i18next.hasResourceBundle(info.code, 'translation')) {
    const messages = (await loaders[info.code]!()).default as Record<string, unknown>;
    i18next.addResourceBundle(info.code, 'translation', messages);
  }
  await i18next.changeLanguage(info.code);
  document.documentElement.lang = info.code;
  document.documentElement.dir = info.dir;
  document.title = i18next.t('survey.app_name');
  return info;
}

export const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options ?? {});
