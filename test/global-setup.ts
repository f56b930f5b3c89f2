// Builds the child survey and the portal once before the tests: the browser
// and budget tests read dist/web/survey and dist/web/portal, which must match
// the sources (and two test files building one folder at once would clash).
import { build } from 'vite';

export default async function setup() {
  await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  await build({ configFile: new URL('../web/vite.portal.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
