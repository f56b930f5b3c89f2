// The order test files start in. Two files run at a time on a 2-core
// machine, so the suite ends when its last long file ends: the long ones
// (a browser, a server process, a crash loop) start first and the short
// ones fill in around them. Vitest orders by the last run's durations,
// which a fresh clone (CI) does not have; then it would start files in
// path order and leave the resilience suite, minutes long, for the end.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Long files, longest kind first; the rest come after, in Vitest's own order.
 * The crash test leads: the longest file (about a hundred seconds), but mostly
 * waiting for servers to restart and tablets to retry, so it runs beside the
 * browser files rather than late, where it would be the suite's tail.
 */
const LONG_FIRST = ['/test/resilience/crash.test.ts', '/test/browser/', '/test/resilience/', '/test/cli/', '/test/portal/'];

const rank = (file: TestSpecification) => {
  const at = LONG_FIRST.findIndex((path) => file.moduleId.includes(path));
  return at < 0 ? LONG_FIRST.length : at;
};

export default class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array sort is stable: within a folder, Vitest's order (longest last time, else largest file) stays.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
