// Type-checks the four TypeScript projects (server and tests, child survey,
// its service worker, portal) side by side, as many at once as there are
// cores: one after another they were a minute of one core before any test
// ran on a fresh clone. Each keeps its incremental state in node_modules/.cache.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const PROJECTS = [
  ['tsconfig.json', 'root'],
  ['web/tsconfig.json', 'survey'],
  ['web/tsconfig.sw.json', 'sw'],
  ['web/tsconfig.portal.json', 'portal'],
];

function check([project, cache]) {
  const args = ['-p', project, '--noEmit', '--incremental', '--tsBuildInfoFile', `node_modules/.cache/tsc/${cache}.tsbuildinfo`];
  return new Promise((resolve) => {
    const tsc = spawn(process.execPath, ['node_modules/typescript/bin/tsc', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    tsc.stdout.on('data', (d) => (out += d));
    tsc.stderr.on('data', (d) => (out += d));
    tsc.on('close', (code) => resolve({ project, code, out }));
  });
}

const queue = [...PROJECTS];
const results = [];
async function lane() {
  for (let next = queue.shift(); next; next = queue.shift()) results.push(await check(next));
}
await Promise.all(Array.from({ length: Math.min(availableParallelism(), PROJECTS.length) }, lane));

let failed = false;
for (const { project, code, out } of results) {
  if (out) process.stdout.write(out);
  if (code !== 0) {
    failed = true;
    console.error(`typecheck: ${project} has type errors`);
  }
}
process.exit(failed ? 1 : 0);
