// Reads a screen aloud. A recorded file (web/survey/public/audio/<locale>/<question>.mp3)
// is played when one exists; otherwise the browser's speech synthesis
// speaks the text in the chosen language.
let playing: HTMLAudioElement | undefined;

export const canSpeak = (): boolean => typeof speechSynthesis !== 'undefined';

export function stopSpeaking(): void {
  playing?.pause();
  playing = undefined;
  if (canSpeak()) speechSynthesis.cancel();
}

function synthesise(text: string, lang: string): void {
  if (!canSpeak()) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = lang;
  const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang.slice(0, 2).toLowerCase()));
  if (voice) u.voice = voice;
  u.rate = 0.9;
  speechSynthesis.speak(u);
}

/** Speaks `parts` (question, then each answer); `recording` names a recorded file to try first. */
export function speak(parts: string[], lang: string, recording?: { locale: string; question: string }): void {
  stopSpeaking();
  // A full stop after each part (unless it has its own) makes the voice pause between answers.
  const text = parts.map((p) => (/[.?!…؟:]$/.test(p) ? p : `${p}.`)).join(' ');
  if (!recording) return synthesise(text, lang);
  const audio = new Audio(`/survey/audio/${recording.locale}/${recording.question}.mp3`);
  playing = audio;
  // No recording: both the error event and play()'s rejection come; speak once.
  let fellBack = false;
  const fallBack = () => {
    if (playing !== audio || fellBack) return;
    fellBack = true;
    synthesise(text, lang);
  };
  audio.addEventListener('error', fallBack, { once: true });
  audio.play().catch(fallBack);
}
