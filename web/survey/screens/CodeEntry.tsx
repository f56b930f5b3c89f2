// `/`: the first screen a child sees. A box to type the survey code (read
// leniently, and saying which look-alike characters codes never use), in
// the child's language, read aloud on request.
import { useState } from 'preact/hooks';
import { hasNeverUsed, normaliseCode } from '../code.js';
import { Heading } from '../components/Heading.js';
import { Languages } from '../components/Languages.js';
import { Listen } from '../components/Listen.js';
import { t } from '../i18n.js';

export interface CodeEntryProps {
  locale: string;
  onLocale: (code: string) => void;
  /** A code that reads as one (in its stored form): open its survey. */
  onCode: (code: string) => void;
}

/** Which message a wrong code gets (a key, so it follows a change of language). */
type Problem = 'survey.code_invalid' | 'survey.code_never_used';

export function CodeEntry(p: CodeEntryProps) {
  const [error, setError] = useState<Problem>();
  const [value, setValue] = useState('');
  const hints = [t('survey.code_hint'), t('survey.code_never_used_hint')];
  return (
    <section>
      <Heading id="step-code">{t('survey.code_heading')}</Heading>
      <Listen locale={p.locale} parts={[t('survey.code_heading'), t('survey.code_label'), ...hints, ...(error ? [t(error)] : [])]} />
      <Languages locale={p.locale} onLocale={p.onLocale} />
      <form
        class="code-form"
        onSubmit={(e) => {
          e.preventDefault();
          const code = normaliseCode(value);
          if (code) return p.onCode(code);
          setError(hasNeverUsed(value) ? 'survey.code_never_used' : 'survey.code_invalid');
        }}
      >
        <label for="code">{t('survey.code_label')}</label>
        <div id="code-hint" class="hint">
          {hints.map((h) => (
            <p>{h}</p>
          ))}
        </div>
        {/* A code is Latin letters and digits, read left to right in every language. */}
        <input
          id="code"
          name="code"
          dir="ltr"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
          aria-invalid={error ? true : undefined}
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        {error && (
          <p id="code-error" class="error" role="alert">
            {t(error)}
          </p>
        )}
        <button type="submit" class="primary">
          {t('common.start')}
        </button>
      </form>
    </section>
  );
}
