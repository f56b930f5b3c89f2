// The start screen: who is asking, that it is private and skippable and
// about ten minutes long, the language, and the age (which picks the survey).
import { useEffect, useState } from 'preact/hooks';
import { BackButton } from '../components/BackButton.js';
import { Heading } from '../components/Heading.js';
import { Languages } from '../components/Languages.js';
import { Listen } from '../components/Listen.js';
import { asksAge, forAdults } from '../flow.js';
import { t } from '../i18n.js';
import { roundLanguages } from '../locales.js';
import type { Wave } from '../schemas.js';

export interface StartProps {
  wave: Wave;
  locale: string;
  /** Finished surveys on this device not yet sent, and how many of them the server refused. */
  waiting: { count: number; refused: number };
  onLocale: (code: string) => void;
  onAge: (age: number) => void;
  /** A round that does not ask the age starts with one button. */
  onBegin: () => void;
  /** Shown when the round before this one published what children told it: opens that screen. */
  onResults?: (() => void) | undefined;
}

export function Start(p: StartProps) {
  const authority = p.wave.authority.name;
  const min = Math.min(...p.wave.instruments.map((i) => i.minAge));
  const max = Math.max(...p.wave.instruments.map((i) => i.maxAge));
  const ages: number[] = [];
  for (let a = min; a <= max; a++) ages.push(a);
  const young = p.wave.programme === 'ylyc';
  const adults = forAdults(p.wave);
  const ask = asksAge(p.wave);
  const intro = [
    t(adults ? 'survey.welcome_adults' : 'survey.welcome', { authority }),
    t('survey.private'),
    t('common.you_can_skip'),
    t('survey.time'),
  ];
  return (
    <section class="start">
      <Heading id="step-start">{t('survey.welcome_heading')}</Heading>
      <Listen locale={p.locale} parts={[t('survey.welcome_heading'), ...intro, ...(ask ? [t('survey.age_heading')] : [])]} />
      {intro.map((line) => (
        <p>{line}</p>
      ))}
      {p.onResults && (
        <button type="button" class="secondary results-link" onClick={p.onResults}>
          {t('survey.results_link')}
        </button>
      )}
      <Languages locale={p.locale} onLocale={p.onLocale} offered={roundLanguages(p.wave)} />
      {ask ? (
        <>
          <h2 id="age-heading">{t('survey.age_heading')}</h2>
          {/* Only children's waves start with an adult answering for a young child; care leavers answer for themselves. */}
          {young && (
            <p class="hint" id="age-hint">
              {t('survey.age_hint')}
            </p>
          )}
          <div class="ages" role="group" aria-labelledby="age-heading" aria-describedby={young ? 'age-hint' : undefined}>
            {ages.map((a) => (
              <button type="button" class="choice" onClick={() => p.onAge(a)}>
                {a}
              </button>
            ))}
          </div>
        </>
      ) : (
        <button type="button" class="primary" onClick={p.onBegin}>
          {t('survey.begin')}
        </button>
      )}
      {p.waiting.count > 0 && <p class="note">{t('survey.waiting_count', { count: p.waiting.count })}</p>}
    </section>
  );
}

export function School(p: { locale: string; onPick: (secondary: boolean) => void; onBack: () => void }) {
  return (
    <section>
      <Heading id="school-heading">{t('common.school_question')}</Heading>
      <Listen locale={p.locale} parts={[t('common.school_question'), t('common.primary_school'), t('common.secondary_school')]} />
      <div class="choices list" role="group" aria-labelledby="school-heading">
        <button type="button" class="choice" onClick={() => p.onPick(false)}>
          <span>{t('common.primary_school')}</span>
        </button>
        <button type="button" class="choice" onClick={() => p.onPick(true)}>
          <span>{t('common.secondary_school')}</span>
        </button>
      </div>
      <div class="nav">
        <BackButton onBack={p.onBack} />
      </div>
    </section>
  );
}

/** How many finished surveys wait on this device, read when the start screen shows. */
export function useWaiting(read: () => Promise<{ count: number; refused: number }>, deps: unknown[]) {
  const [waiting, setWaiting] = useState({ count: 0, refused: 0 });
  useEffect(() => {
    let live = true;
    void read().then((w) => live && setWaiting(w));
    return () => void (live = false);
  }, deps);
  return waiting;
}
