// Starts the child app: opens the device store, finds a survey left
// unfinished (the app asks before carrying it on), sends anything still
// waiting, and registers the service worker that lets a started survey
// finish offline.
import { render } from 'preact';
import { loadResults, loadWave } from './api.js';
import { App } from './app.js';
import { setLocale } from './i18n.js';
import { SurveyStore } from './outbox.js';
import { Sender } from './sender.js';
import { openStore } from './storage.js';
import './styles.css';

async function main() {
  const at = (route: RegExp) => {
    const match = route.exec(location.pathname);
    return match ? decodeURIComponent(match[1]!) : undefined;
  };
  const code = at(/^\/s\/([^/]+)\/?$/);
  // /results/CODE: what children told a round, not a survey. A survey left on the tablet waits for its own address.
  const results = at(/^\/results\/([^/]+)\/?$/);
  // Ask for the wave straight away, while the device store and the language load.
  const wave = code ? loadWave(code) : undefined;
  const shared = results ? loadResults(results, false) : undefined;
  const store = new SurveyStore(await openStore());
  const sender = new Sender(store);
  const resumed = results ? undefined : await store.current();
  if (!code && resumed) {
    // A survey was left half-way on this tablet: its round's address, where the app asks about it.
    location.replace(`/s/${resumed.code}`);
    return;
  }
  const locale = resumed?.locale ?? 'en';
  await setLocale(locale);
  const root = document.getElementById('app')!;
  root.textContent = ''; // the "Loading…" shown before the script ran
  render(<App store={store} sender={sender} code={code} results={results} shared={shared} resumed={resumed} locale={locale} wave={wave} />, root);
  // Opening the app is one of the moments to retry what is waiting.
  void sender.flushNow();
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/survey-sw.js', { scope: '/' }).catch(() => undefined);
}

void main();
