// The speaker button: reads the screen aloud in the chosen language.
import { canSpeak, speak } from '../speech.js';
import { localeInfo, t } from '../i18n.js';

export function Listen({ parts, locale, question }: { parts: string[]; locale: string; question?: string }) {
  if (!canSpeak()) return null;
  const recording = question ? { locale, question } : undefined;
  return (
    <button type="button" class="listen" onClick={() => speak(parts, localeInfo(locale).speech, recording)}>
      <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
        <path d="M3 9v6h4l5 5V4L7 9H3z" fill="currentColor" />
        <path d="M16 8a5 5 0 0 1 0 8M18.5 5.5a8.5 8.5 0 0 1 0 13" fill="none" stroke="currentColor" stroke-width="2" />
      </svg>
      {t('survey.listen')}
    </button>
  );
}
