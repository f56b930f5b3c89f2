// The report of a council questionnaire's round (issue 14, step 5): its own
// indicators and mean scores from the running counts of a real SQLite file,
// written through the real write path (ResponseStore, as the writer thread
// does), against figures worked out by hand below; versions kept apart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, responseRate } from '../../reports/build.js';
import { renderCsv, CSV_COLUMNS } from '../../reports/render/csv.js';
import { renderDocx } from '../../reports/render/docx.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderSummaryHtml } from '../../reports/render/summary-html.js';
import { zipEntries } from '../helpers/zip.js';
import { ReportSchema, type Report } from '../../reports/schema.js';
import { scoreWords } from '../../reports/labels.js';
import { migrateToLatest, openDatabase, type OpenDatabase } from '../../server/db/database.js';
import { addAuthority } from '../../server/repos/authorities.js';
import { storeQuestionnaire } from '../../server/repos/questionnaires.js';
import { ResponseStore, type NewResponse } from '../../server/repos/responses.js';
import { createWave } from '../../server/repos/waves.js';
import { compileMatcher, loadWordList } from '../../server/safeguarding/matcher.js';
import { getInstrument, validateAnswers, type Answers } from '../../surveys/index.js';
import { runCli } from '../helpers/cli.js';

const V1 = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));
/** Version 2 rewords one question; time_for_children, its indicator and the rest are as in version 1. */
const V2 = structuredClone(V1);
V2.version = 2;
V2.questions.find((q: { id: string }) => q.id === 'reflective_supervision').text.en = 'My supervision helps me reflect on my practice';

const WORRYING = 'A girl told me: my carer hits me when nobody is looking';

let dir: string;
let open: OpenDatabase;
let store: ResponseStore;
const authority: Record<string, number> = {};
let uuid = 0;

/** Stores responses through the write path, in one transaction as the writer thread does. */
function answer(waveId: number, version: number, answers: Answers[]): void {
  const inst = getInstrument('bh-staff', version)!;
  const batch: NewResponse[] = answers.map((a) => {
    const checked = validateAnswers(inst, a);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    return {
      uuid: `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
      waveId,
      instrument: 'bh-staff',
      version,
      band: inst.band,
      submittedOn: '2024-05-01',
      answers: checked.answers,
    };
  });
  open.sqlite.transaction(() => store.storeBatch(batch))();
}

/** `k` answers of time_for_children = v (and reflective_supervision 3). */
const times = (v: number, k: number, extra: Answers = {}): Answers[] => Array.from({ length: k }, () => ({ role: 'sw', time_for_children: v, reflective_supervision: 3, ...extra }));

async function wave(code: string, period: string, closes: string | null) {
  return (await createWave(open.db, { authority_id: authority[code]!, programme: 'bh-staff', period, opens_on: null, closes_on: closes })).id;
}

const report = (code: string, period: string, extra: { compare?: string } = {}) =>
  buildReport(open.db, {
    authority: code,
    programme: 'bh-staff',
    period,
    minBase: 10,
    freeText: compileMatcher(loadWordList(undefined)),
    today: '2026-01-01',
    ...extra,
  }).then((r) => ReportSchema.parse(r));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hearme-qreport-'));
  open = openDatabase(join(dir, 'test.sqlite'));
  await migrateToLatest(open.db);
  store = new ResponseStore(open.sqlite);
  for (const code of ['E06000043', 'E06000001', 'E06000002', 'E06000003'])
    authority[code] = (await addAuthority(open.db, { code, name: `Council ${code}`, region: null })).id;
  // For every authority (a programme admin's), so others' rounds can be benchmarks.
  await storeQuestionnaire(open.db, V1, null);

  // Brighton (E06000043), 2023: time_for_children 2 ×4, 3 ×4, 4 ×2 (has_time: 2 of 10).
  answer(await wave('E06000043', '2023', '2023-12-31'), 1, [...times(2, 4), ...times(3, 4), ...times(4, 2)]);
  // 2024: 3 ×3, 4 ×6, 5 ×3 (has_time: 9 of 12), and two comments, one the safeguarding list catches.
  const w2024 = await wave('E06000043', '2024', '2024-12-31');
  answer(w2024, 1, [...times(3, 3), ...times(4, 5), ...times(4, 1, { anything_else: 'More admin support; ring me on 07700 900123' }), ...times(5, 2), ...times(5, 1, { anything_else: WORRYING })]);
  // Others in 2024, version 1: all 3 (0 of 10) and all 5 (10 of 10).
  answer(await wave('E06000001', '2024', '2024-12-31'), 1, times(3, 10));
  answer(await wave('E06000002', '2024', '2024-12-31'), 1, times(5, 10));

  await storeQuestionnaire(open.db, V2, null);
  // A round of 2024 answered in version 2 is left out of version 1's benchmark: all 1 would pull it down.
  answer(await wave('E06000003', '2024', '2024-12-31'), 2, times(1, 10));
  // Brighton 2025: the new version came out while the round was open: 2 answers of version 1, 10 of version 2.
  const w2025 = await wave('E06000043', '2025', null);
  answer(w2025, 1, times(4, 2));
  answer(w2025, 2, [...times(4, 5), ...times(5, 5)]);
  answer(await wave('E06000001', '2025', null), 2, times(4, 10));
});
afterAll(async () => {
  await open.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('a questionnaire round’s report: figures worked by hand', () => {
  let r: Report;
  beforeAll(async () => {
    r = await report('E06000043', '2024');
  });

  it('says what it is: the questionnaire, the version answered, its own labels', () => {
    expect(r.programme).toBe('bh-staff');
    expect(r.comparePeriod).toBe('2023');
    expect(r.questionnaire).toMatchObject({ id: 'bh-staff', version: 1, title: "Social workers' survey", audience: 'adults', versions: [{ version: 1, responses: 12 }] });
    expect(r.questionnaire!.labels.indicators).toEqual({ has_time: 'Has time to build relationships' });
    // Both its scores are agree5: the report names that scale alone (no faces for adults, no 0 to 10).
    expect(r.questionnaire!.scoreScales).toEqual(['agree5']);
    expect(scoreWords(r).intro).toBe('Mean answers to each question on its scale (agree: 1 strongly disagree to 5 strongly agree), with a 95% interval for the mean. Higher means more agreement.');
    // Adults are not asked their age: responses are counted from the responses themselves.
    expect(r.responses).toEqual({ total: 12, byBand: { adults: 12 } });
  });

  it('its own indicator: percent, Wilson interval, before/after (z-test) and a benchmark of the same version', () => {
    const i = r.indicators.find((x) => x.id === 'has_time')!;
    // 9 of 12 = 75%. Wilson: z² = 3.841459; centre = (0.75 + z²/24) / (1 + z²/12) = 0.910061 / 1.320122 = 0.689376;
    // half = (z / 1.320122) · √(0.75·0.25/12 + z²/576) = 1.484684 · 0.149312 = 0.221681 → 46.8% to 91.1%.
    expect(i).toMatchObject({ band: 'adults', domain: null, direction: 'higher', suppressed: false, n: 12, count: 9, percent: 75, ci: { low: 46.8, high: 91.1 } });
    // 2023: 2 of 10 = 20%. Pooled p = 11/22 = 0.5; se = √(0.25 · (1/10 + 1/12)) = 0.214087; z = 0.55 / 0.214087 = 2.5690;
    // p = 2·(1 − Φ(2.569)) = 0.0102.
    expect(i.previous).toMatchObject({ period: '2023', n: 10, count: 2, percent: 20, change: 55, pValue: 0.0102, significant: true });
    // Others of version 1: 0 of 10 and 10 of 10 → 10 of 20 = 50%; the version-2 round (10 of 0) is not pooled.
    expect(i.benchmark).toMatchObject({ authorities: 2, n: 20, count: 10, percent: 50, difference: 25 });
  });

  it('mean scores with a t-based 95% interval, and Welch’s test year on year', () => {
    const s = r.scores.find((x) => x.question === 'time_for_children')!;
    // 2024: (3·3 + 4·6 + 5·3) / 12 = 4.0; squares 3·1 + 0 + 3·1 = 6, sd = √(6/11) = 0.738549.
    // t(0.975, 11) = 2.200985 (tables); half = 2.200985 · 0.738549 / √12 = 0.469252 → 3.53 to 4.47.
    expect(s).toMatchObject({ band: 'adults', n: 12, mean: 4, sd: 0.74, ci: { low: 3.53, high: 4.47 } });
    // 2023: (2·4 + 3·4 + 4·2) / 10 = 2.8; squares 4·0.64 + 4·0.04 + 2·1.44 = 5.6, sd = √(5.6/9) = 0.788811.
    // Welch: va = 0.622222/10 = 0.0622222, vb = 0.545455/12 = 0.0454545, se = √0.1076768 = 0.328141;
    // t = 1.2 / 0.328141 = 3.6570; df = 0.1076768² / (0.0622222²/9 + 0.0454545²/11) = 0.0115943 / 0.000618011 = 18.761.
    // Tables: with 18 df t = 3.610 leaves p = 0.002 (two-sided), with 19 df t = 3.883 leaves 0.001; so 0.001 < p < 0.002.
    const p = s.previous!;
    expect(p).toMatchObject({ period: '2023', n: 10, mean: 2.8, sd: 0.79, change: 1.2, t: 3.66, df: 18.76, significant: true });
    expect(p.pValue).toBeGreaterThan(0.001);
    expect(p.pValue).toBeLessThan(0.002);
    // The benchmark pools version 1 alone: 10 × 3 and 10 × 5, mean 4.0, sd √(20/19) = 1.03.
    expect(s.benchmark).toMatchObject({ authorities: 2, n: 20, mean: 4, sd: 1.03, difference: 0 });
    // reflective_supervision: everyone 3, sd 0: a mean but no interval width to speak of.
    expect(r.scores.find((x) => x.question === 'reflective_supervision')).toMatchObject({ n: 12, mean: 3, sd: 0, ci: { low: 3, high: 3 } });
  });

  it('free text goes through the safeguarding list and masking', () => {
    expect(r.said).toEqual([{ band: 'adults', question: 'anything_else', text: expect.stringContaining('More admin support') }]);
    expect(r.said[0]!.text).not.toContain('07700');
    expect(r.saidWithheld).toBe(1);
  });

  it('HTML, Word and CSV carry the labels, intervals and the year-on-year table', async () => {
    const html = renderHtml(r);
    expect(html).toContain('Social workers&#39; survey: Council E06000043');
    expect(html).toContain('Has time to build relationships');
    expect(html).toContain('I have time to build relationships with the children I work with');
    expect(html).toContain('<h2 id="scores-h">Mean scores</h2>');
    expect(html).toMatch(/Mean scores, 2023 and 2024, with Welch's t-test/);
    expect(html).toContain('<td class="num">3.66</td><td class="num">18.8</td>');
    expect(html).toContain('3.53 to 4.47');
    expect(html).not.toContain(WORRYING);

    const lines = renderCsv(r).slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + r.indicators.length + r.scores.length);
    const header = lines[0]!.split(',');
    expect(header).toEqual([...CSV_COLUMNS]);
    const row = lines.find((l) => l.includes(',time_for_children,'))!.split(',');
    const col = (name: string) => row[header.indexOf(name)];
    expect([col('n'), col('mean'), col('mean_ci_low'), col('mean_ci_high'), col('previous_mean'), col('change_mean'), col('welch_t'), col('welch_df')]).toEqual(['12', '4', '3.53', '4.47', '2.8', '1.2', '3.66', '18.76']);
    const ind = lines.find((l) => l.includes(',has_time,'))!.split(',');
    expect([ind[header.indexOf('indicator_label')], ind[header.indexOf('domain')], ind[header.indexOf('percent')]]).toEqual(['Has time to build relationships', '', '75']);
    // An adults' questionnaire's one band is no age ("Adults", not "adults years"); a score row says which way is better.
    expect([ind[header.indexOf('band')], col('band'), col('direction')]).toEqual(['Adults', 'Adults', 'higher']);
    expect(renderCsv(r)).not.toContain('years');

    const docx = await renderDocx(r);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('an adults’ questionnaire is not worded for children: no age band, no "for children", no children in care (HTML, summary, Word)', async () => {
    // has_time's change made "may be chance" (p 0.03, q 0.2), so the words of a verdict are shown as well
    const chance: Report = { ...r, indicators: r.indicators.map((i) => (i.id === 'has_time' ? { ...i, previous: { ...i.previous!, pValue: 0.03, qValue: 0.2 } } : i)) };
    const html = renderHtml(chance);
    const word = zipEntries(await renderDocx(chance)).get('word/document.xml')!.toString('utf8');
    for (const out of [html, renderSummaryHtml(chance), word]) {
      expect(out).toContain('(all respondents): up from');
      for (const childish of ['ages adults', 'Ages adults', 'adults years', 'for children', 'Children in care']) expect(out).not.toContain(childish);
    }
    expect(html).toContain('Has time to build relationships (all respondents): up from 20% in 2023 to 75%, 55 percentage points. <span class="note">(better, if real)</span>');
    expect(html).toContain('<th scope="row">Adults</th>');
    // Under "Respondents", every table's band cell says "Adults", never the band's id (HTML and Word, as the CSV does).
    expect(html).not.toContain('<td>adults</td>');
    expect(html.match(/<td>Adults<\/td>/g)!.length).toBeGreaterThanOrEqual(4);
    expect(word).not.toMatch(/>adults</);
    expect(word).toMatch(/>Adults</);
    expect(html).toContain('<th scope="col" class="num">Invited</th>');
    // The charts of its own indicators (no domain) are named by the questionnaire, not "Indicators indicators".
    const labels = [...html.matchAll(/aria-label="((?:Line|Bar) chart of [^"]*)"/g)].map((m) => m[1]);
    expect(labels).toEqual([
      'Bar chart of Social workers&#39; survey indicators: Council E06000043 against other authorities, with 95% intervals. The same figures are in the table below.',
      'Line chart of Social workers&#39; survey indicators for all respondents across survey rounds. The same figures are in the table below.',
    ]);
    // The bar chart names each row's respondents as the tables do: "(Adults)", not the band's id.
    expect(html).toContain('(Adults)');
    expect(html).not.toContain('(adults)');
  });

  it('nowhere does an adults’ or young people’s report speak of its respondents as children: warnings, free text, how to read it, board summary', async () => {
    const chance: Report = { ...r, indicators: r.indicators.map((i) => (i.id === 'has_time' ? { ...i, previous: { ...i.previous!, pValue: 0.03, qValue: 0.2 } } : i)) };
    // A low response rate, then a population that cannot be right: each has its warning.
    const rate = (population: number) => ({ adults: responseRate(12, population) });
    const low: Report = { ...chance, responseRate: { byBand: rate(100) } };
    const wrong: Report = { ...chance, responseRate: { byBand: rate(5) } };
    // The one "children" left is in a question's own words.
    const said = (out: string) => out.replaceAll('the children I work with', 'QUESTION');
    for (const report of [low, wrong]) {
      const outputs = [renderHtml(report), renderSummaryHtml(report), zipEntries(await renderDocx(report)).get('word/document.xml')!.toString('utf8')];
      for (const out of outputs) expect(said(out)).not.toMatch(/child/i);
    }
    const html = renderHtml(low);
    expect(html).toContain('<p class="warn">Fewer than 30% of people answered: read the results with care.</p>');
    expect(html).toContain('<h2 id="said-h">What people said</h2>');
    // Their one band is no age: the tables' band column is "Respondents", not "Ages"
    expect(html).not.toContain('<th scope="col">Ages</th>');
    expect(html).toContain('<table><caption>Responses and response rate</caption>\n<thead><tr><th scope="col">Respondents</th>');
    expect(html).toContain('<h3>Keeping people anonymous</h3>');
    expect(html).toContain('the number of answers against the number of people invited the authority entered.');
    expect(renderHtml(wrong)).toContain('<p class="warn">The number of people invited entered is smaller than the number who answered');
    expect(renderSummaryHtml(low)).toContain('<h1>Social workers&#39; survey: what people in Council E06000043 told us in 2024</h1>');
    expect(renderSummaryHtml(low)).toContain('its 95% interval and what people said.');

    const young: Report = { ...low, questionnaire: { ...low.questionnaire!, audience: 'young_people' } };
    const youngHtml = renderHtml(young);
    expect(said(youngHtml)).not.toMatch(/child/i);
    expect(youngHtml).toContain('(better for young people, if real)');
    expect(youngHtml).toContain('<h2 id="said-h">What young people said</h2>');
    expect(youngHtml).toContain('Fewer than 30% of young people answered in ages adults');
  });
});

describe('versions', () => {
  it('an old round keeps its version after a new one is added; the new version’s round has no benchmark of version 1', async () => {
    expect((await report('E06000043', '2024')).questionnaire!.version).toBe(1);
    const other = await report('E06000003', '2024');
    expect(other.questionnaire).toMatchObject({ version: 2, versions: [{ version: 2, responses: 10 }] });
    // Its one same-version peer would be none: the version-1 rounds are not pooled with it.
    expect(other.indicators.find((i) => i.id === 'has_time')!.benchmark).toBeNull();
  });

  it('a round answered in two versions reports only what both ask alike, and compares only that with the year before', async () => {
    const r = await report('E06000043', '2025');
    expect(r.questionnaire).toMatchObject({ version: 2, versions: [{ version: 1, responses: 2 }, { version: 2, responses: 10 }] });
    expect(r.responses.total).toBe(12);
    // time_for_children is the same in both: 4 ×7, 5 ×5; has_time counts 4 and 5: 12 of 12.
    expect(r.indicators.find((i) => i.id === 'has_time')).toMatchObject({ n: 12, count: 12, previous: { period: '2024', count: 9, n: 12 } });
    const t = r.scores.find((s) => s.question === 'time_for_children')!;
    // (4·7 + 5·5) / 12 = 53/12 = 4.4167
    expect(t).toMatchObject({ n: 12, mean: 4.42, previous: { period: '2024', mean: 4 } });
    // reflective_supervision was reworded in version 2: its answers of both versions cannot be told apart, so no figure.
    expect(r.scores.map((s) => s.question)).toEqual(['time_for_children']);
    // and the trend keeps has_time across all three rounds (the question never changed)
    expect(r.trend.find((x) => x.id === 'has_time')!.points.map((p) => p.period)).toEqual(['2023', '2024', '2025']);
  });

  it('a reworded question is not compared with the version before it', async () => {
    // E06000001: 2024 in version 1 (all 3), 2025 in version 2 (all 4).
    const r = await report('E06000001', '2025');
    expect(r.comparePeriod).toBe('2024');
    expect(r.scores.find((s) => s.question === 'time_for_children')!.previous).toMatchObject({ period: '2024', mean: 3, change: 1 });
    expect(r.scores.find((s) => s.question === 'reflective_supervision')).toMatchObject({ n: 10, mean: 3, previous: null });
    expect(r.indicators.find((i) => i.id === 'has_time')!.previous).toMatchObject({ period: '2024', percent: 0 });
  });
});

describe('hearme report --programme QUESTIONNAIRE', () => {
  it('prints the same report from the command line (the registry reads the stored questionnaires)', async () => {
    const r = await runCli(['report', '--authority', 'E06000043', '--programme', 'bh-staff', '--period', '2024', '--format', 'json'], {
      DATABASE_PATH: join(dir, 'test.sqlite'),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = ReportSchema.parse(JSON.parse(r.stdout));
    expect(json.questionnaire).toMatchObject({ id: 'bh-staff', version: 1 });
    expect(json.scores.find((s) => s.question === 'time_for_children')).toMatchObject({ mean: 4, ci: { low: 3.53, high: 4.47 } });
  });
});
