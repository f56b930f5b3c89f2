// Builds the staff portal (web/portal) into dist/web/portal, served at
// /portal by server/plugins/portal-static.ts. A build of its own, separate
// from the child survey's, so the portal (and the report code its charts
// share) never reach the child's bundle.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./portal'),
  base: '/portal/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../dist/web/portal'),
    emptyOutDir: true,
    target: 'es2020',
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 400,
  },
});
