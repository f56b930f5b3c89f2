// Writes a brotli (.br) and a gzip (.gz) copy next to each text file of a
// build, once, at build time, so the server sends compressed bytes without
// compressing on every request (server/plugins/static.ts, preCompressed).
// Audio is already compressed and is left as it is.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(html|js|mjs|css|json|svg|txt|webmanifest)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

export function precompress(outDir: string): Plugin {
  return {
    name: 'hearme-precompress',
    apply: 'build',
    closeBundle() {
      for (const path of files(outDir)) {
        const raw = readFileSync(path);
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = gzipSync(raw, { level: 9 });
        // A copy no smaller than the file is not worth a header (tiny files).
        if (br.length < raw.length) writeFileSync(`${path}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
      }
    },
  };
}
