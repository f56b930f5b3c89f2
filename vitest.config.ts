import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongFirst from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the server, the child survey and the portal (only what changed).
    globalSetup: ['test/global-setup.ts'],
    // Test files run side by side, each in its own process. Vitest's default
    // (one fewer than the cores) is a single file at a time on a 2-core
    // machine, leaving a core idle while a file waits on Chromium, a server
    // process or the disk: at least two at once.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongFirst },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
