// Reads a screen aloud. Two ways to speak:
//   - the tablet's own voice (speech synthesis), when it has one for the
//     language: it reads anything, council names included;
//   - the clips shipped with the app (web/audio/build.ts, listed in
//     /survey/audio/manifest.json), for tablets with no voice for the
//     language (many have no Welsh or Arabic), when the worker chose them
//     (`?voice=clips` in the survey's address), or when the council
//     recorded the words itself (a recording always wins).
// Only clips the manifest lists for the current text are asked for, so
// there is never a request for a clip that does not exist. When neither
// way can say anything, speak() answers 'none' and the button says so.
import i18next from 'i18next';
import { PLACEHOLDER, hashText, isPlaceholder, type ClipEntry, type ClipManifest } from './clips.js';
import { localeInfo } from './locales.js';

/** One thing to say: a clip (path under /survey/audio/) or text for the tablet's voice. */
type Step = { clip: string } | { say: string };

/**
 * One part of a screen to read: a string, or one sentence made of pieces
 * that each have their own clip (the results screen's "Most of you" +
 * "feel safe where you live"), said as one sentence by the tablet's voice.
 */
export type Part = string | readonly string[];
const piecesOf = (part: Part): readonly string[] => (typeof part === 'string' ? [part] : part);

let manifest: Promise<ClipManifest | undefined> | undefined;

/** The clip manifest, fetched once (after the first screen: it is not needed to draw it). */
export function loadClips(): Promise<ClipManifest | undefined> {
  manifest ??= fetch('/survey/audio/manifest.json')
    .then((r) => (r.ok ? (r.json() as Promise<ClipManifest>) : undefined))
    .catch(() => undefined)
    .then((m) => {
      // Not fetched (offline, before the service worker kept it): try again next time.
      if (!m) manifest = undefined;
      return m;
    });
  return manifest;
}

interface Index {
  exact: Map<string, ClipEntry>;
  templates: { match: RegExp; entry: ClipEntry }[];
}
const indexes = new Map<string, Index>();

/** Strings were added to a locale after its clips were indexed (the results screen's text, loaded with it). */
export function forgetClipIndex(locale: string): void {
  indexes.delete(locale);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The locale's clips by the text they say, from the strings i18next has loaded; an entry made from other words is left out. */
function indexFor(m: ClipManifest, locale: string): Index {
  const known = indexes.get(locale);
  if (known) return known;
  const index: Index = { exact: new Map(), templates: [] };
  for (const [key, entry] of Object.entries(m.locales[locale] ?? {})) {
    const text = i18next.getResource(locale, 'translation', key) as unknown;
    if (typeof text !== 'string' || hashText(text) !== entry.source) continue;
    if (!text.match(PLACEHOLDER)) index.exact.set(text.trim(), entry);
    else index.templates.push({ match: new RegExp(`^${text.trim().split(PLACEHOLDER).map((s, i) => (i % 2 ? '(.+?)' : escape(s))).join('')}$`, 's'), entry });
  }
  indexes.set(locale, index);
  return index;
}

/** How to say one part with clips: the whole of it, or its clips with the value between them, or (no clip) the text. */
function stepsFor(index: Index | undefined, part: string): { steps: Step[]; recorded: boolean } {
  const exact = index?.exact.get(part.trim());
  if (exact) return { steps: exact.pieces.map((clip) => ({ clip })), recorded: !!exact.recorded };
  for (const { match, entry } of index?.templates ?? []) {
    const values = match.exec(part.trim());
    if (!values) continue;
    let v = 1;
    return { steps: entry.pieces.map((p) => (isPlaceholder(p) ? { say: values[v++] ?? '' } : { clip: p })), recorded: !!entry.recorded };
  }
  return { steps: [{ say: part }], recorded: false };
}

/** The tablet's voice for this language, if it has one. */
function deviceVoice(lang: string): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const want = lang.slice(0, 2).toLowerCase();
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(want));
}

const workerChoseClips = () => new URLSearchParams(location.search).get('voice') === 'clips';

let current = 0;
let playing: HTMLAudioElement | undefined;

export function stopSpeaking(): void {
  current++;
  playing?.pause();
  playing = undefined;
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}

/** Says `text` with the tablet's voice for `lang` (the tablet picks which, as it was set up). */
function say(text: string, lang: string): Promise<void> {
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    u.rate = 0.9;
    u.onend = u.onerror = () => resolve();
    speechSynthesis.speak(u);
  });
}

/** Plays one clip to its end; false if it could not be played. */
function play(clip: string): Promise<boolean> {
  return new Promise((resolve) => {
    const audio = new Audio(`/survey/audio/${clip}`);
    playing = audio;
    audio.addEventListener('ended', () => resolve(true), { once: true });
    audio.addEventListener('error', () => resolve(false), { once: true });
    audio.play().catch(() => resolve(false));
  });
}

/**
 * Speaks `parts` (a question, then each answer) in `locale`, one after
 * another. Resolves when done: 'spoken', 'stopped' (another Listen or a new
 * screen stopped it), or 'none' when nothing could be played.
 */
export async function speak(parts: readonly Part[], locale: string): Promise<'spoken' | 'stopped' | 'none'> {
  stopSpeaking();
  const run = current;
  const lang = localeInfo(locale).speech;
  const voice = deviceVoice(lang);
  const m = await loadClips();
  if (run !== current) return 'stopped';
  const index = m && indexFor(m, locale);
  const planned = parts.flatMap((p) => piecesOf(p).map((piece) => stepsFor(index, piece)));
  const useClips = !voice || workerChoseClips() || planned.some((p) => p.recorded);
  // A full stop after each part (unless it has its own) makes a voice pause between answers.
  const steps: Step[] = useClips
    ? planned.flatMap((p) => p.steps)
    : [{ say: parts.map((p) => piecesOf(p).join(' ')).map((p) => (/[.?!…؟:]$/.test(p) ? p : `${p}.`)).join(' ') }];
  let spoke = false;
  for (const step of steps) {
    if (run !== current) return 'stopped';
    if ('clip' in step) spoke = (await play(step.clip)) || spoke;
    else if (voice) {
      await say(step.say, lang);
      spoke = true;
    }
  }
  if (run !== current) return 'stopped';
  return spoke ? 'spoken' : 'none';
}
