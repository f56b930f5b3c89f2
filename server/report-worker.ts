// The thread that builds reports and comparisons (see report-thread.ts),
// on its own connection to the database file, so the queries and the
// arithmetic over every authority's counts happen off the thread that
// answers HTTP requests.
import { parentPort, workerData } from 'node:worker_threads';
import { indicatorAcrossAuthorities } from '../reports/compare.js';
import { PeriodCache, ReportInputError, buildReport } from '../reports/build.js';
import { openDatabase } from './db/database.js';
import { useConnection } from './questionnaire-loader.js';
import { compileMatcher } from './safeguarding/matcher.js';
import type { FromReportThread, ReportJob, ReportThreadData, ToReportThread } from './report-thread.js';

const port = parentPort!;
const { databasePath, words } = workerData as ReportThreadData;
const { db, sqlite } = openDatabase(databasePath);
// This thread's registry reads the database's questionnaires, as the main thread's does.
useConnection(sqlite);
const matcher = compileMatcher(words);

async function run(job: ReportJob): Promise<unknown> {
  if (job.kind === 'compare') return indicatorAcrossAuthorities(db, job.query);
  // Reports of one period share its counts (the benchmark): read them once.
  const cache = new PeriodCache();
  const reports = [];
  for (const r of job.requests) reports.push(await buildReport(db, { ...r, freeText: r.freeText ? matcher : null }, cache));
  return reports;
}

port.on('message', (message: ToReportThread) => {
  if (message.kind === 'close') {
    void db.destroy().finally(() => port.close());
    return;
  }
  run(message.job).then(
    (value) => port.postMessage({ kind: 'done', id: message.id, value } satisfies FromReportThread),
    (error: unknown) =>
      port.postMessage({
        kind: 'failed',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
        input: error instanceof ReportInputError,
      } satisfies FromReportThread),
  );
});
