// Builds, once before any test file runs, what the tests run as a user
// would: the server and command line (dist/server: the package's bin, run
// by the bin test), the child survey (dist/web/survey: browser and weight
// budget tests; dist/web/survey-prerender: its start screen, drawn by the
// server) and the portal (dist/web/portal: portal browser tests).
// Each is rebuilt only when a file it was built from changed since its
// last build, so running one test file costs no build when nothing changed;
// the builds run side by side.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMPS = join(ROOT, 'dist', '.test-builds');
/** A change here (a dependency updated) may change any build. */
const ALWAYS = ['package.json', 'package-lock.json'];

interface Target {
  name: string;
  /** The folders the build writes. */
  output: string[];
  /** Builds, and returns the files (or folders) the build read. */
  build: () => Promise<string[]>;
}

/** Every file under a path (a file is itself), leaving out dependencies. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules')
    .flatMap((e) => filesUnder(join(path, e.name)));
}

/** A Vite build; the files it read are the modules of the bundle, and everything under its root (pages, public files). */
function viteTarget(name: string, config: string, root: string, output: string): Target {
  return {
    name,
    output: [output],
    build: async () => {
      const read: string[] = [];
      const record: Plugin = {
        name: 'hearme-record-inputs',
        buildEnd() {
          for (const id of this.getModuleIds()) if (id.startsWith(ROOT) && !id.includes('/node_modules/')) read.push(id.split('?')[0]!);
        },
      };
      // Vite takes seconds to load: only when something is to be built.
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, config), logLevel: 'warn', plugins: [record] });
      return [...read, join(ROOT, config), join(ROOT, root)];
    },
  };
}

const run = promisify(execFile);

/** What the server's bundle is made from (scripts/build-server.mjs), with the one web module it takes: the id it and the survey share. */
const SERVER_SOURCES = ['server', 'surveys', 'migrations', 'reports', 'web/survey/wave-data.ts', 'tsconfig.json', 'scripts/build-server.mjs'];

const TARGETS: Target[] = [
  {
    name: 'server',
    output: ['dist/server'],
    build: async () => {
      await run(process.execPath, [join(ROOT, 'scripts/build-server.mjs')], { cwd: ROOT });
      return SERVER_SOURCES.map((p) => join(ROOT, p));
    },
  },
  viteTarget('survey', 'web/vite.config.ts', 'web/survey', 'dist/web/survey'),
  // The server's copy of the start screen, drawn into the page at /s/CODE (server/survey-page.ts).
  viteTarget('survey-prerender', 'web/vite.prerender.config.ts', 'web/survey', 'dist/web/survey-prerender'),
  viteTarget('portal', 'web/vite.portal.config.ts', 'web/portal', 'dist/web/portal'),
];

/** Every source any build may read: what a build without a stamp is checked against. */
const SOURCES = [...SERVER_SOURCES, 'web'];

/** True when every file under these inputs (and the ALWAYS ones) is older than the time given. */
function unchangedSince(builtAt: number, inputs: string[]): boolean {
  return [...inputs, ...ALWAYS].every((input) => {
    const files = filesUnder(join(ROOT, input));
    return files.length > 0 && files.every((f) => statSync(f).mtimeMs <= builtAt);
  });
}

/** Records that the build read these inputs, and when it started. */
function writeStamp(stamp: string, inputs: string[], builtAt: number): void {
  writeFileSync(stamp, JSON.stringify(inputs));
  utimesSync(stamp, builtAt / 1000, builtAt / 1000);
}

/**
 * The last build: from its stamp, what it read and when. Without a stamp (a
 * fresh clone, where `npm ci` has just run `npm run build`), when its oldest
 * output was written, taken to have read every source: the next build then
 * records exactly what it reads.
 */
function lastBuild(target: Target, stamp: string): { builtAt: number; inputs: string[] } | undefined {
  if (existsSync(stamp)) return { builtAt: statSync(stamp).mtimeMs, inputs: JSON.parse(readFileSync(stamp, 'utf8')) as string[] };
  const written = target.output.flatMap((o) => filesUnder(join(ROOT, o)));
  if (written.length === 0) return undefined;
  return { builtAt: Math.min(...written.map((f) => statSync(f).mtimeMs)), inputs: SOURCES };
}

export default async function setup() {
  mkdirSync(STAMPS, { recursive: true });
  await Promise.all(
    TARGETS.map(async (target) => {
      const stamp = join(STAMPS, `${target.name}.json`);
      const last = lastBuild(target, stamp);
      if (last && unchangedSince(last.builtAt, last.inputs)) {
        if (!existsSync(stamp)) writeStamp(stamp, last.inputs, last.builtAt);
        return;
      }
      // Stamped with the time the build started: a file changed during the build makes the next run build again.
      const started = Date.now();
      const inputs = await target.build();
      writeStamp(stamp, [...new Set(inputs.map((p) => relative(ROOT, p)))], started);
    }),
  );
}
