// The start screen drawn on the server into the page at /s/CODE (see
// server/survey-page.ts), so a slow tablet shows the age buttons as soon as
// the page and its style have arrived, before the app's script has been
// fetched and run. Built by vite (web/vite.prerender.config.ts) from the
// same components the app draws, in the same state the app starts in with
// this wave, so the app takes the markup over as it is (preact's hydrate)
// and a browser test checks the two are the same.
import { renderToString } from 'preact-render-to-string';
import { Frame } from './components/Frame.js';
import { setLocale } from './i18n.js';
import { roundLocale } from './locales.js';
import type { Wave } from './schemas.js';
import { Start } from './screens/Start.js';

export { EARLY_TAPS_SCRIPT } from './early-taps.js';

/** Nothing happens on the server; the app attaches the real handlers. */
const inert = () => undefined;

/** The markup of `#app` for a wave's start screen, in English (every child starts in English) unless the round is not asked in it. */
export async function renderStart(wave: Wave): Promise<string> {
  const locale = roundLocale(wave, 'en');
  await setLocale(locale);
  return renderToString(
    <Frame authority={wave.authority.name} contact={wave.authority.contact} onLeave={inert}>
      <Start wave={wave} locale={locale} waiting={{ count: 0, refused: 0 }} onLocale={inert} onAge={inert} onBegin={inert} />
    </Frame>,
  );
}
