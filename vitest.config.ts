import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongFirst from './test/sequencer.js';

/**
 * Left out of `npm run test:quick` (HEARME_QUICK=1), the subset to run while
 * working: what drives Chromium, and what spends its time in other programs
 * or in deliberately slow work. CI and `npm test` run everything.
 */
const SLOW = [
  'test/browser/**', // Chromium
  'test/resilience/**', // crashes, shutdowns and backups of real server processes under load
  'test/cli/demo.test.ts', // fills the demo's 20,000 responses, more than once
  'test/cli/bin.test.ts', // the bin through links and npx, a process each
  'test/cli/process.test.ts', // real server processes
  'test/reports/docx.test.ts', // LibreOffice
  'test/portal/compare-responsiveness.test.ts', // 151 authorities under load
  'test/portal/user-add.test.ts', // full-cost password hashes
];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: process.env.HEARME_QUICK ? SLOW : [],
    // Builds the server, the child survey and the portal (only what changed).
    globalSetup: ['test/global-setup.ts'],
    // The server's threads start from that build (server/threads.ts).
    env: { HEARME_THREADS: 'built' },
    // Test files run side by side, each in its own process. Vitest's default
    // (one fewer than the cores) is a single file at a time on a 2-core
    // machine, leaving a core idle while a file waits on Chromium, a server
    // process or the disk: at least two at once.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongFirst },
    // Files share their worker's modules instead of importing everything
    // afresh (isolation cost a second and a half of CPU a file, half of what
    // the quick subset spent). Tests keep no state in modules that another
    // file could see: each starts its own server on its own database file.
    isolate: false,
    testTimeout: 30_000,
    // expect.poll waits for a condition (a page's data arriving); its default
    // second is too short when two files and Chromium share two busy cores.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
  },
});
