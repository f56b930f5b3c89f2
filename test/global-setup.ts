// Builds the child survey once before the tests: the browser tests and the
// weight budget test read dist/web/survey, which must match the sources.
import { build } from 'vite';

export default async function setup() {
  await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
