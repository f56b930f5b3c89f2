// Builds the server and command line into dist/server: the `hearme` bin
// (main.js) and the two thread modules it starts (write-worker.js,
// report-worker.js), each one module with its dependencies in it. What
// loads only when asked (the Word report, the password dictionaries) is in
// the same file, run when first asked for. Not split into shared chunks:
// esbuild's chunks give a CommonJS package loaded on demand only a default
// export, which emptied the password dictionaries and broke cookie parsing.
//
// Bundled because Node spent most of a start finding, reading and linking
// some six hundred module files: `hearme serve` took 1.7 CPU-seconds to
// answer its first request, 1.0 bundled; `hearme --help` 1.3, 0.55. Types
// are checked by `npm run typecheck`, not here.
//
// Everything lands in dist/server, so a module's own address
// (import.meta.url) still finds its neighbours: threads.ts starts
// ./write-worker.js, plugins/static.ts walks up to package.json.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// What tsc used to write beside the server, no longer read by anything.
for (const dir of ['dist/server', 'dist/surveys', 'dist/migrations', 'dist/reports']) rmSync(dir, { recursive: true, force: true });

await build({
  entryPoints: ['server/main.ts', 'server/write-worker.ts', 'server/report-worker.ts'],
  outdir: 'dist/server',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Native modules find their compiled part beside their own files.
  external: ['better-sqlite3', '@resvg/resvg-js'],
  // CommonJS packages in an ES module bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __hearmeRequire } from 'node:module'; const require = __hearmeRequire(import.meta.url);" },
  logLevel: 'warning',
});
