// The language buttons, each written in its own language, on the first
// screens a child sees (the code screen and the start screen: there only the
// round's languages), and on the results screen.
import { LOCALES, t } from '../i18n.js';
import type { LocaleInfo } from '../locales.js';

/** `offered`: the languages to show (a round's own; all by default). With one there is nothing to choose: no row. */
export function Languages({ locale, onLocale, offered = LOCALES }: { locale: string; onLocale: (code: string) => void; offered?: readonly LocaleInfo[] }) {
  if (offered.length < 2) return null;
  return (
    <>
      <h2 id="lang-heading">{t('common.language')}</h2>
      <div class="languages" role="group" aria-labelledby="lang-heading">
        {offered.map((l) => (
          <button type="button" lang={l.code} dir={l.dir} aria-pressed={locale === l.code} onClick={() => onLocale(l.code)}>
            {l.nativeName}
          </button>
        ))}
      </div>
    </>
  );
}
