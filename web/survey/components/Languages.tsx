// The language picker: the start screen's and the results screen's. Each
// language is named in itself and marked with its own language and direction.
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
