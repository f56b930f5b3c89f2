// Starts the child app: opens the device store, finds a survey left
// unfinished (the app asks before carrying it on), sends anything still
// waiting, and registers the service worker that lets a started survey
// finish offline. At /s/CODE the server has usually drawn the start screen
// into the page already (web/survey/prerender.tsx): the app takes that
// markup over and presses again a button tapped before it ran.
import { hydrate, render } from 'preact';
import { loadResults, loadWave, type Loaded } from './api.js';
import { App } from './app.js';
import { takeEarlyTap } from './early-taps.js';
import { WaveSchema, type Wave } from './schemas.js';
import { setLocale } from './i18n.js';
import { roundLocale } from './locales.js';
import { SurveyStore } from './outbox.js';
import { Sender } from './sender.js';
import { openStore } from './storage.js';
import { WAVE_DATA_ID } from './wave-data.js';
import './styles.css';

async function main() {
  // A preview for portal staff (/s/preview/…): its own start, which opens no device store and registers no service worker.
  if (location.pathname.startsWith('/s/preview/')) return (await import('./preview.js')).startPreview(document.getElementById('app')!);
  const at = (route: RegExp) => {
    const match = route.exec(location.pathname);
    return match ? decodeURIComponent(match[1]!) : undefined;
  };
  const code = at(/^\/s\/([^/]+)\/?$/);
  // /results/CODE: what children told a round, not a survey. A survey left on the tablet waits for its own address.
  const results = at(/^\/results\/([^/]+)\/?$/);
  // The module's evaluation is a task of its own (see nextTask below): reading the drawn wave and opening the store come after it.
  await nextTask();
  // The wave the server drew the start screen with; else it is asked for straight away, while the device store and the language load.
  const drawn = code ? drawnWave() : undefined;
  const wave: Promise<Loaded<Wave>> | undefined = drawn ? Promise.resolve({ ok: true, value: drawn }) : code ? loadWave(code) : undefined;
  const shared = results ? loadResults(results, false) : undefined;
  const store = new SurveyStore(await openStore());
  const sender = new Sender(store);
  const resumed = results ? undefined : await store.current();
  if (!code && resumed) {
    // A survey was left half-way on this tablet: its round's address, where the app asks about it.
    location.replace(`/s/${resumed.code}`);
    return;
  }
  // Every child starts in English, or a drawn round's first language when it is not asked in English (as it was drawn).
  const locale = resumed?.locale ?? (drawn ? roundLocale(drawn, 'en') : 'en');
  await setLocale(locale);
  await nextTask();
  const root = document.getElementById('app')!;
  const app = <App store={store} sender={sender} code={code} results={results} shared={shared} resumed={resumed} locale={locale} wave={wave} drawn={drawn} />;
  // The drawn start screen is what the app draws first unless a survey was left unfinished: then
  // "Are you still answering?" replaces it, and a tap made on it is not acted on (that question comes first).
  if (drawn && !resumed) hydrate(app, root);
  else {
    root.textContent = ''; // the "Loading…" (or the drawn start screen) shown before the script ran
    render(app, root);
  }
  takeEarlyTap()?.click();
  await nextTask();
  // Opening the app is one of the moments to retry what is waiting.
  void sender.flushNow();
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/survey-sw.js', { scope: '/' }).catch(() => undefined);
  // The service worker keeps a round for offline when the wave passes through it: ask for it once, after the first screen.
  if (drawn) void loadWave(code!);
}

/**
 * Resolves in a task of its own. The app's start is cut into short tasks (the module's evaluation,
 * the drawn wave and the device store, the language, the first render over the drawn markup, what
 * follows it): between them a slow tablet draws and takes a tap (the page's tap keeper holds it
 * until the app is live) instead of waiting behind one long task of 200-400 ms.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The wave the server put in the page with its start screen, if it did and it reads as one. */
function drawnWave(): Wave | undefined {
  const text = document.getElementById(WAVE_DATA_ID)?.textContent;
  if (!text) return undefined;
  try {
    const parsed = WaveSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

void main();
