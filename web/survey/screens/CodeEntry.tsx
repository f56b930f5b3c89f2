// `/`: a box to type the survey code, then on to `/s/CODE`.
import { useState } from 'preact/hooks';
import { normaliseCode } from '../code.js';
import { Heading } from '../components/Heading.js';
import { t } from '../i18n.js';

export function CodeEntry({ initialError }: { initialError?: string }) {
  const [error, setError] = useState(initialError);
  const [value, setValue] = useState('');
  return (
    <section>
      <Heading id="step-code">{t('survey.code_heading')}</Heading>
      <form
        class="code-form"
        onSubmit={(e) => {
          e.preventDefault();
          const code = normaliseCode(value);
          if (!code) return setError(t('survey.code_invalid'));
          location.assign(`/s/${code}`);
        }}
      >
        <label for="code">{t('survey.code_label')}</label>
        <p id="code-hint" class="hint">
          {t('survey.code_hint')}
        </p>
        <input
          id="code"
          name="code"
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
            {error}
          </p>
        )}
        <button type="submit" class="primary">
          {t('common.start')}
        </button>
      </form>
    </section>
  );
}
