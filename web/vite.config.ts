// Builds the child survey (web/survey) into dist/web/survey, served by
// server/plugins/static.ts: pages at / and /s/:code, files under /survey/,
// the service worker at /survey-sw.js (root scope, so it can serve /s/…).
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './precompress.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SW_FILE = 'survey-sw.js';
const OUT_DIR = here('../dist/web/survey');

/** Emits the service worker with the list of built files it must keep offline. */
function serviceWorker(): Plugin {
  return {
    name: 'hearme-survey-sw',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: here('./survey/sw.ts'), fileName: SW_FILE });
    },
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        // The preview for portal staff (survey/preview.tsx) is never kept for offline use (see survey/sw.ts).
        .filter((f) => f !== SW_FILE && f !== 'index.html' && !f.endsWith('.map') && !f.startsWith('assets/preview-'))
        .map((f) => `/survey/${f}`)
        .sort();
      const sw = bundle[SW_FILE];
      if (!sw || sw.type !== 'chunk' || !sw.code.includes('__PRECACHE__')) throw new Error('service worker chunk missing');
      if (!Object.keys(bundle).some((f) => f.startsWith('assets/preview-'))) throw new Error('the preview chunk is not named as survey/sw.ts expects');
      sw.code = sw.code.replaceAll('__PRECACHE__', JSON.stringify(files));
    },
  };
}

export default defineConfig({
  root: here('./survey'),
  base: '/survey/',
  publicDir: here('./survey/public'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [serviceWorker(), precompress(OUT_DIR)],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'es2020',
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
