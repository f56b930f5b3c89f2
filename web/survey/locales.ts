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
