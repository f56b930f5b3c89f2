// Builds the server's copy of the child survey's start screen
// (web/survey/prerender.tsx) into dist/web/survey-prerender/prerender.js:
// a Node module that draws the same components into the page at /s/CODE.
// preact, preact-render-to-string and i18next stay in node_modules (the
// server's own dependencies); the English strings are bundled in.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./survey'),
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    ssr: here('./survey/prerender.tsx'),
    outDir: here('../dist/web/survey-prerender'),
    emptyOutDir: true,
    target: 'node20',
    reportCompressedSize: false,
    rollupOptions: { output: { entryFileNames: 'prerender.js' } },
  },
});
