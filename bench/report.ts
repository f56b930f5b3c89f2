// bench/report: how long the annual report takes at national scale.
//
// Fills a fresh database with the national demo (`hearme demo --scale
// national`: 151 English authorities, both programmes every year 2019-2025,
// realistic populations and response rates, written through the real write
// path so the running counts are kept as in production), then times:
//   1. one authority's full report: build + HTML + JSON + CSV (median of runs),
//      and apart, the portal's check of that report against its reply schema;
//   2. `hearme report --all` for one period (every authority × 3 formats);
//   3. one full `GROUP BY question, value` scan of the answers table, the
//      cost a report would pay if it read raw answers.
// Usage: npm run bench:report -- [--scale small|national] [--keep FILE]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildReport } from '../reports/build.js';
import { renderCsv } from '../reports/render/csv.js';
import { renderHtml } from '../reports/render/html.js';
import { renderJson } from '../reports/render/json.js';
import { ReportSchema } from '../reports/schema.js';
import { migrateToLatest, openDatabase } from '../server/db/database.js';
import { fillDemo } from '../server/demo/generate.js';
import { main } from '../server/main.js';
import { compileMatcher, loadWordList } from '../server/safeguarding/matcher.js';

const Options = z.object({
  scale: z.enum(['small', 'national']).default('national'),
  keep: z.string().min(1).optional(),
});
const { values } = parseArgs({ options: { scale: { type: 'string' }, keep: { type: 'string' } } });
const options = Options.safeParse(values);
if (!options.success) {
  console.error(`bench:report: ${z.prettifyError(options.error)}\nUsage: npm run bench:report -- [--scale small|national] [--keep FILE]`);
  process.exit(2);
}
const { scale, keep } = options.data;
/** Doncaster, surveyed in 2023 in both scales (a closed round, with earlier ones to compare). */
const AUTHORITY = 'E08000017';
const PERIOD = '2023';

const dir = mkdtempSync(join(tmpdir(), 'hearme-bench-report-'));
const path = keep ?? join(dir, 'bench.sqlite');
const env = { DATABASE_PATH: path, LOG_LEVEL: 'silent' };
const io = { stdout: () => {}, stderr: () => {}, env };
try {
  const open = openDatabase(path);
  await migrateToLatest(open.db);
  // Loading only: the bench is not about durability of the fill.
  open.sqlite.pragma('synchronous = OFF');
  const t0 = performance.now();
  const filled = await fillDemo(open.sqlite, {
    scale,
    seed: 2026,
    onProgress: (done, total) => process.stderr.write(`\rfilled ${done} of ${total} survey rounds`),
  });
  open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  open.sqlite.exec('ANALYZE');
  const fill = (performance.now() - t0) / 1000;
  const answers = (open.sqlite.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
  process.stderr.write(`\n`);

  // 1. one report, every output; the first run warms the caches, then the median of five
  const freeText = compileMatcher(loadWordList(undefined));
  // With it, what the portal's check of its reply against the OpenAPI schema adds (server/openapi.ts parseReply).
  const checks: number[] = [];
  const one = async () => {
    const s = performance.now();
    const r = await buildReport(open.db, { authority: AUTHORITY, programme: 'ylyc', period: PERIOD, minBase: 10, freeText });
    renderHtml(r);
    renderJson(r);
    renderCsv(r);
    const built = performance.now();
    ReportSchema.parse(r);
    checks.push(performance.now() - built);
    return built - s;
  };
  await one();
  checks.length = 0;
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await one());
  runs.sort((x, y) => x - y);
  checks.sort((x, y) => x - y);
  const reportMs = runs[2]!;

  // 2. --all for one period, through the command line
  const outDir = join(dir, 'all');
  let s = performance.now();
  const code = await main(['report', '--all', '--period', PERIOD, '--dir', outDir], io);
  if (code !== 0) throw new Error(`report --all exited ${code}`);
  const allS = (performance.now() - s) / 1000;
  const { n: reported } = open.sqlite
    .prepare("SELECT count(DISTINCT authority_id) AS n FROM waves WHERE programme = 'ylyc' AND period = ?")
    .get(PERIOD) as { n: number };

  // 3. what reading raw answers would cost
  s = performance.now();
  open.sqlite.prepare('SELECT question, value, count(*) FROM answers GROUP BY question, value').all();
  const scanMs = performance.now() - s;
  await open.db.destroy();

  const fmt = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  console.log(`data                 demo --scale ${scale}: ${filled.authorities} authorities, ${fmt(filled.waves)} rounds, ${fmt(filled.responses)} responses, ${fmt(answers)} answers`);
  console.log(`fill                 ${fill.toFixed(1)} s through storeBatch`);
  console.log(`one report           ${reportMs.toFixed(0)} ms median of 5 (${AUTHORITY} ylyc ${PERIOD}: build + html + json + csv; runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms)`);
  console.log(`reply check          ${checks[2]!.toFixed(1)} ms median of 5 (the report parsed with its schema, as the portal checks its reply)`);
  console.log(`report --all         ${allS.toFixed(1)} s for ${reported} authorities × 3 formats (ylyc ${PERIOD})`);
  console.log(`full answers scan    ${fmt(scanMs)} ms (GROUP BY question, value over every answer)`);
  console.log(`report / scan        ${(reportMs / scanMs).toFixed(3)}`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
