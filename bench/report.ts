// bench/report: how long the annual report takes at national scale.
//
// Fills a fresh database with synthetic responses (150 authorities × 8
// periods × 4 bands; --responses sets the total, default 700,000) through
// the real write path (ResponseStore.storeBatch, so the running counts
// and breakdown counts are kept exactly as in production), then times:
//   1. one authority's full report: build + HTML + JSON + CSV (median of runs);
//   2. `hearme report --all` for one period (150 authorities × 3 formats);
//   3. one full `GROUP BY question, value` scan of the answers table, the
//      cost a report would pay if it read raw answers.
// Usage: node --import tsx bench/report.ts [--responses N] [--keep FILE]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport } from '../reports/build.js';
import { renderCsv } from '../reports/render/csv.js';
import { renderHtml } from '../reports/render/html.js';
import { renderJson } from '../reports/render/json.js';
import { migrateToLatest, openDatabase } from '../server/db/database.js';
import { main } from '../server/main.js';
import { ResponseStore, type NewResponse } from '../server/repos/responses.js';
import { compileMatcher, loadWordList } from '../server/safeguarding/matcher.js';
import { SCALES, integerBounds, isShown, programmeInstruments, type Answers, type Instrument } from '../surveys/index.js';

const { values } = parseArgs({ options: { responses: { type: 'string' }, keep: { type: 'string' } } });
const TOTAL = Number(values.responses ?? 700_000);
const AUTHORITIES = 150;
const PERIODS = ['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024'];
const INSTRUMENTS = [...programmeInstruments('ylyc'), ...programmeInstruments('ylbc')];
const perWaveBand = Math.max(1, Math.round(TOTAL / (AUTHORITIES * PERIODS.length * INSTRUMENTS.length)));

// A small deterministic generator, so runs are comparable.
let state = 12345;
const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);

/** Each authority leans a little one way, so benchmarks and tests have something to find. */
function answersFor(inst: Instrument, lean: number): Answers {
  const answers: Answers = {};
  for (const q of inst.questions) {
    if (!isShown(q, answers)) continue;
    if (!q.required && random() < 0.04) continue; // skipped
    const scale = SCALES[q.scale];
    const bounds = integerBounds(scale, inst);
    if (scale.kind === 'options') answers[q.id] = scale.options[Math.min(scale.options.length - 1, Math.floor((random() + lean) ** 1.3 * scale.options.length))]!;
    else if (bounds) answers[q.id] = bounds.min + Math.floor(random() * (bounds.max - bounds.min + 1));
    else if (random() < 0.1) answers[q.id] = `I would like to see my brother more. ${Math.floor(random() * 1000)}`;
  }
  return answers;
}

const dir = mkdtempSync(join(tmpdir(), 'hearme-bench-report-'));
const path = values.keep ?? join(dir, 'bench.sqlite');
const env = { DATABASE_PATH: path, LOG_LEVEL: 'silent' };
const io = { stdout: () => {}, stderr: () => {}, env };
try {
  const open = openDatabase(path);
  await migrateToLatest(open.db);
  // Loading only: the bench is not about durability of the fill.
  open.sqlite.pragma('synchronous = OFF');
  const t0 = performance.now();
  const addAuthority = open.sqlite.prepare('INSERT INTO authorities (code, name, region) VALUES (?, ?, ?) RETURNING id');
  const addWave = open.sqlite.prepare(
    "INSERT INTO waves (authority_id, programme, period, opens_on, closes_on, access_code) VALUES (?, ?, ?, NULL, NULL, ?) RETURNING id",
  );
  const store = new ResponseStore(open.sqlite);
  let uuid = 0;
  let stored = 0;
  const write = open.sqlite.transaction((batch: NewResponse[]) => store.storeBatch(batch));
  for (let a = 0; a < AUTHORITIES; a++) {
    const code = `E06${String(a + 1).padStart(6, '0')}`;
    const { id } = addAuthority.get(code, `Authority ${a + 1}`, 'Bench') as { id: number };
    const lean = (random() - 0.5) * 0.3;
    for (const period of PERIODS) {
      const waves = new Map<string, number>();
      for (const programme of ['ylyc', 'ylbc'])
        waves.set(programme, (addWave.get(id, programme, period, `${code}${period}${programme}`) as { id: number }).id);
      const batch: NewResponse[] = [];
      for (const inst of INSTRUMENTS)
        for (let k = 0; k < perWaveBand; k++)
          batch.push({
            uuid: `00000000-0000-4000-8000-${(++uuid).toString(16).padStart(12, '0')}`,
            waveId: waves.get(inst.programme)!,
            instrument: inst.id,
            version: inst.version,
            band: inst.band,
            submittedOn: `${period}-05-01`,
            answers: answersFor(inst, lean),
          });
      write(batch);
      stored += batch.length;
    }
    if ((a + 1) % 15 === 0) process.stderr.write(`\rfilled ${a + 1}/${AUTHORITIES} authorities, ${stored} responses`);
  }
  open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  open.sqlite.exec('ANALYZE');
  const fill = (performance.now() - t0) / 1000;
  const answers = (open.sqlite.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
  process.stderr.write(`\n`);

  // 1. one report, every output; the first run warms the caches, then the median of five
  const freeText = compileMatcher(loadWordList(undefined));
  const one = async () => {
    const s = performance.now();
    const r = await buildReport(open.db, { authority: 'E06000001', programme: 'ylyc', period: '2024', minBase: 10, freeText });
    renderHtml(r);
    renderJson(r);
    renderCsv(r);
    return performance.now() - s;
  };
  await one();
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await one());
  runs.sort((x, y) => x - y);
  const reportMs = runs[2]!;

  // 2. --all for one period, through the command line
  const outDir = join(dir, 'all');
  let s = performance.now();
  const code = await main(['report', '--all', '--period', '2024', '--dir', outDir], io);
  if (code !== 0) throw new Error(`report --all exited ${code}`);
  const allS = (performance.now() - s) / 1000;

  // 3. what reading raw answers would cost
  s = performance.now();
  open.sqlite.prepare('SELECT question, value, count(*) FROM answers GROUP BY question, value').all();
  const scanMs = performance.now() - s;
  await open.db.destroy();

  const fmt = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  console.log(`responses            ${fmt(stored)} (${perWaveBand} per authority, period and band; ${fmt(answers)} answers)`);
  console.log(`fill                 ${fill.toFixed(1)} s through storeBatch`);
  console.log(`one report           ${reportMs.toFixed(0)} ms median of 5 (build + html + json + csv; runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms)`);
  console.log(`report --all         ${allS.toFixed(1)} s for ${AUTHORITIES} authorities × 3 formats (one period)`);
  console.log(`full answers scan    ${fmt(scanMs)} ms (GROUP BY question, value over every answer)`);
  console.log(`report / scan        ${(reportMs / scanMs).toFixed(3)}`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
