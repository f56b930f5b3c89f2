// The language buttons, each written in its own language, on the first
// screens a child sees (the code screen and the start screen), and on the
// results screen.
import { LOCALES, t } from '../i18n.js';

export function Languages({ locale, onLocale }: { locale: string; onLocale: (code: string) => void }) {
  return (
    <>
      <h2 id="lang-heading">{t('common.language')}</h2>
      <div class="languages" role="group" aria-labelledby="lang-heading">
        {LOCALES.map((l) => (
          <button type="button" lang={l.code} dir={l.dir} aria-pressed={locale === l.code} onClick={() => onLocale(l.code)}>
            {l.nativeName}
          </button>
        ))}
      </div>
    </>
  );
}
