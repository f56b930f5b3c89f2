// The child survey's page at /s/CODE with its start screen already drawn:
// the server renders the same components the app draws (built from
// web/survey/prerender.tsx into dist/web/survey-prerender/), puts the
// wave the app would otherwise fetch beside them, and the small inline
// script that keeps a tap made before the app's script has run
// (web/survey/early-taps.ts), and starts the app's script only after the
// drawn screen has been painted. A slow tablet then shows tappable age
// buttons once the page and its style have arrived, instead of after the
// script has been fetched and run.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { publicWave } from './routes/public/waves.js';
import { WAVE_DATA_ID } from '../web/survey/wave-data.js';

interface Prerender {
  renderStart(wave: ReturnType<typeof publicWave>): Promise<string>;
  EARLY_TAPS_SCRIPT: string;
}

/** What the built page holds where the app draws (the "Loading…" shown before its script has run). */
const APP_SLOT = '<div id="app"><p class="loading">Loading…</p></div>';

export interface SurveyPage {
  /** The page with an open wave's start screen drawn in it, and the Content Security Policy that lets it run. */
  render(wave: ReturnType<typeof publicWave>, policy: string): Promise<{ html: string; policy: string }>;
}

/** How the built page links its stylesheet and its script (vite's output). */
const STYLESHEET = /<link rel="stylesheet" crossorigin href="\/survey\/(assets\/[^"]+\.css)">/;
const APP_SCRIPT = /<script type="module" crossorigin src="(\/survey\/assets\/[^"]+\.js)"><\/script>/;

/**
 * The app's script is fetched from the start (the modulepreload link in the head) but only run once a
 * frame showing the drawn screen has been painted: this inline script, at the end of the page, adds it
 * after the next animation frame (a hidden page paints nothing: at once). A module script in the page
 * would run as soon as parsing ends when it has already arrived, which on a slow tablet it usually has
 * (and always, from the cache, for the next child on the same tablet): the app's start and its taking
 * over the markup then came before the first paint, holding the drawn age buttons off the screen for
 * half a second or more at a quarter of a desktop's speed (issue 10, point 8; bench/README.md).
 */
const START_APP_SCRIPT =
  "(function(){var l=document.querySelector('link[rel=modulepreload]');function go(){var s=document.createElement('script');" +
  "s.type='module';s.crossOrigin='anonymous';s.src=l.href;document.head.appendChild(s);}" +
  "if(document.visibilityState==='visible')requestAnimationFrame(function(){setTimeout(go,0);});else go();})();";

/**
 * Holds the page's first frame until the drawn start screen is all in the page: rendering is blocked
 * until the element with this id (the wave's data, just after `#app`) has been parsed. Without it, on a
 * slow tablet, Chromium's parser stopped every few milliseconds to let a frame be drawn, and drew the
 * page in three frames (the empty page after the head, the header, then the age buttons), each a full
 * style, layout and paint at a quarter of a desktop's speed: the age buttons came 300-400 ms after the
 * first frame (traced, issue 10 point 8, bench/README.md). The whole page is a few KB that arrive
 * together, so nothing is gained by showing it in pieces. Browsers without `rel=expect` ignore it.
 */
const WAIT_FOR_SCREEN = `<link rel="expect" href="#${WAVE_DATA_ID}" blocking="render">`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Loads the built renderer; undefined when the survey has not been built with it (the plain page is served). */
export async function loadSurveyPage(surveyDir: string): Promise<SurveyPage | undefined> {
  const module = join(surveyDir, '..', 'survey-prerender', 'prerender.js');
  if (!existsSync(module) || !existsSync(join(surveyDir, 'index.html'))) return undefined;
  const prerender = (await import(pathToFileURL(module).href)) as Prerender;
  const scriptHashes = `${sha256(prerender.EARLY_TAPS_SCRIPT)} ${sha256(START_APP_SCRIPT)}`;
  /** The stylesheet's text by file (its name changes with its content), with its hash. */
  const styles = new Map<string, { css: string; hash: string }>();
  const style = async (file: string) => {
    let got = styles.get(file);
    if (!got) {
      const css = await readFile(join(surveyDir, file), 'utf8');
      if (css.includes('</')) throw new Error(`${file} cannot be put inside <style>`);
      got = { css, hash: sha256(css) };
      styles.set(file, got);
    }
    return got;
  };
  return {
    async render(wave, policy) {
      // Read each time: a rebuild names new files, and the page is never cached (cache-control: no-cache).
      const template = await readFile(join(surveyDir, 'index.html'), 'utf8');
      const sheet = STYLESHEET.exec(template)?.[1];
      if (!template.includes(APP_SLOT) || !template.includes('</head>') || !sheet || !APP_SCRIPT.test(template) || !policy.includes("script-src 'self';") || !policy.includes("style-src 'self';"))
        throw new Error('dist/web/survey/index.html or the security policy is not as expected: rebuild');
      const { css, hash } = await style(sheet);
      const markup = await prerender.renderStart(wave);
      // "<" escaped so that no text of the wave can close the script element.
      const data = JSON.stringify(wave).replaceAll('<', '\\u003c');
      // The style is in the page, not a second request: the screen is drawn as soon as the page has arrived,
      // before the app's script (the one request left) has arrived and taken the main thread.
      const html = template
        .replace(STYLESHEET, `<style>${css}</style>`)
        .replace(APP_SCRIPT, '<link rel="modulepreload" crossorigin href="$1">')
        .replace('</head>', `${WAIT_FOR_SCREEN}<script>${prerender.EARLY_TAPS_SCRIPT}</script></head>`)
        .replace(
          APP_SLOT,
          `<div id="app">${markup}</div><script type="application/json" id="${WAVE_DATA_ID}">${data}</script><script>${START_APP_SCRIPT}</script>`,
        );
      // Exactly these inline texts are allowed, by their hashes; nothing else inline.
      return { html, policy: policy.replace("script-src 'self';", `script-src 'self' ${scriptHashes};`).replace("style-src 'self';", `style-src 'self' ${hash};`) };
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compresses a page made per request as the built files are sent: brotli, else gzip, else as it is. */
export async function compressPage(html: string, acceptEncoding: string | undefined): Promise<{ body: Buffer; encoding?: 'br' | 'gzip' }> {
  const accepts = (name: string) => new RegExp(`(^|[\\s,])${name}(?![\\w-])(?!\\s*;\\s*q=0(\\.0*)?\\s*(,|$))`, 'i').test(acceptEncoding ?? '');
  const text = Buffer.from(html);
  // Quality 5: a few KB in well under a millisecond, within a few percent of the best.
  if (accepts('br')) return { body: await brotli(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), encoding: 'br' };
  if (accepts('gzip')) return { body: await gzipAsync(text), encoding: 'gzip' };
  return { body: text };
}
