// "Are you still answering?": shown instead of a survey left unfinished on
// the tablet, when the app opens or after a while without a touch. It shows
// nothing of the answers, so the next child never sees the last one's.
import { useEffect } from 'preact/hooks';
import { Heading } from '../components/Heading.js';
import { Listen } from '../components/Listen.js';
import { t } from '../i18n.js';
import { speak } from '../speech.js';

export function StillThere(p: { locale: string; onCarryOn: () => void; onStartAgain: () => void }) {
  const parts = [t('survey.still_there'), t('survey.still_there_yes'), t('survey.still_there_no')];
  // Said aloud at once for a child who cannot read it (browsers allow this once the page has been touched).
  useEffect(() => void speak(parts, p.locale), []);
  return (
    <section class="still-there young">
      <Listen locale={p.locale} parts={parts} />
      <Heading id="step-still-there">{t('survey.still_there')}</Heading>
      <div class="choices list">
        <button type="button" class="primary" onClick={p.onCarryOn}>
          {t('survey.still_there_yes')}
        </button>
        <button type="button" class="primary secondary" onClick={p.onStartAgain}>
          {t('survey.still_there_no')}
        </button>
      </div>
    </section>
  );
}
