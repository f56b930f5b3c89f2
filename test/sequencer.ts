// The order test files start in. Two files run at a time on a 2-core
// machine, so the suite ends when its last long file ends: the long ones
// (a browser, a server process, a crash loop) start first and the short
// ones fill in around them. Vitest orders by the last run's durations,
// which a fresh clone (CI) does not have; then it would start files in
// path order and leave the resilience suite, minutes long, for the end.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Folders of long files, longest kind first; the rest come after, in Vitest's own order. */
const LONG_FIRST = ['/test/browser/', '/test/resilience/', '/test/cli/', '/test/portal/'];

const rank = (file: TestSpecification) => {
  const at = LONG_FIRST.findIndex((folder) => file.moduleId.includes(folder));
  return at < 0 ? LONG_FIRST.length : at;
};

export default class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array sort is stable: within a folder, Vitest's order (longest last time, else largest file) stays.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
