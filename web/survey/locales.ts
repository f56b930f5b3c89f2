// The languages the child app offers. A unit test checks each against its
// locale file (surveys/locales/<code>.json): name, direction, completeness.
export interface LocaleInfo {
  code: string;
  /** The language's name in itself, as the picker shows it. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for speech synthesis. */
  speech: string;
}

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr', speech: 'en-GB' },
  { code: 'cy', nativeName: 'Cymraeg', dir: 'ltr', speech: 'cy-GB' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl', speech: 'ar' },
];

export function localeInfo(code: string): LocaleInfo {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0]!;
}

/** The languages a round offers, of those the app has: a council questionnaire's own (all when the wave does not say). */
export function roundLanguages(wave: { locales?: readonly string[] | undefined }): readonly LocaleInfo[] {
  const offered = LOCALES.filter((l) => !wave.locales || wave.locales.includes(l.code));
  return offered.length ? offered : LOCALES;
}

/** The language a round starts in: the one chosen on this device if the round is asked in it, else the round's first. */
export function roundLocale(wave: { locales?: readonly string[] | undefined }, chosen: string): string {
  const offered = roundLanguages(wave);
  return offered.some((l) => l.code === chosen) ? chosen : offered[0]!.code;
}
