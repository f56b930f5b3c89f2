// The speaker buttons: Listen reads the screen aloud in the chosen language;
// ListenOne (beside an answer) reads just that answer. While speaking the
// button is pressed; when the tablet can play nothing, it says so.
import { useEffect, useState } from 'preact/hooks';
import { loadClips, speak, stopSpeaking, type Part } from '../speech.js';
import { t } from '../i18n.js';

type State = 'idle' | 'speaking' | 'none';

function useSpeaker(parts: readonly Part[], locale: string) {
  const [state, setState] = useState<State>('idle');
  // The clip list comes after the screen is drawn, so the first tap can play at once.
  useEffect(() => void loadClips(), []);
  // A new screen or language stops the voice.
  useEffect(() => () => stopSpeaking(), [locale]);
  const toggle = async () => {
    if (state === 'speaking') {
      stopSpeaking();
      return setState('idle');
    }
    setState('speaking');
    const result = await speak(parts, locale);
    setState((s) => (s === 'speaking' ? (result === 'none' ? 'none' : 'idle') : s));
  };
  return { state, toggle };
}

const Speaker = ({ size }: { size: number }) => (
  <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
    <path d="M3 9v6h4l5 5V4L7 9H3z" fill="currentColor" />
    <path d="M16 8a5 5 0 0 1 0 8M18.5 5.5a8.5 8.5 0 0 1 0 13" fill="none" stroke="currentColor" stroke-width="2" />
  </svg>
);

export function Listen({ parts, locale }: { parts: readonly Part[]; locale: string }) {
  const { state, toggle } = useSpeaker(parts, locale);
  return (
    <button type="button" class={`listen ${state}`} aria-pressed={state === 'speaking'} onClick={() => void toggle()}>
      <Speaker size={28} />
      {state === 'none' ? t('survey.listen_none') : t('survey.listen')}
    </button>
  );
}

/** Reads one answer on its own. */
export function ListenOne({ text, locale }: { text: string; locale: string }) {
  const { state, toggle } = useSpeaker([text], locale);
  return (
    <button
      type="button"
      class={`listen-one ${state}`}
      aria-pressed={state === 'speaking'}
      aria-label={`${state === 'none' ? t('survey.listen_none') : t('survey.listen')}: ${text}`}
      onClick={() => void toggle()}
    >
      <Speaker size={22} />
    </button>
  );
}
