// Local questions on a core round (issue 14, `extends`): a council's
// questions asked after ylyc-11-17's, in its own ylyc rounds only. The core
// answers are stored and counted exactly as a plain response's, so the
// core report of such a round is the report of a plain round with the same
// answers (checked with the real report build); the local answers are
// validated, stored with the questionnaire's id and version, and counted
// under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/build.js';
import { renderCsv } from '../../reports/render/csv.js';
import { renderDocx } from '../../reports/render/docx.js';
import { renderHtml } from '../../reports/render/html.js';
import { zipEntries } from '../helpers/zip.js';
import { getInstrument, type Answers } from '../../surveys/index.js';
import { Programme } from '../../server/schemas.js';
import { QuestionnaireRefused, storeQuestionnaire } from '../../server/repos/questionnaires.js';
import { testApp, seedWave, type TestApp } from '../helpers/app.js';
import { fullAnswers } from '../helpers/answers.js';
import { query } from '../helpers/cli.js';
import { createWave } from '../../server/repos/waves.js';

const LOCAL = {
  id: 'bh-local',
  version: 1,
  title: { en: 'Brighton and Hove’s own questions' },
  audience: 'young_people',
  locales: ['en'],
  extends: { instrument: 'ylyc-11-17', version: 1 },
  questions: [
    { id: 'youth_club', type: 'agree5', text: { en: 'The youth club is a good place for me' } },
    { id: 'local_idea', type: 'text', text: { en: 'What should Brighton and Hove do next?' } },
  ],
  indicators: [{ id: 'likes_club', label: { en: 'Likes the youth club' }, question: 'youth_club', options: [4, 5], better: 'higher' }],
  scores: ['youth_club'],
};

let t: TestApp;
/** Brighton's round (it has local questions) and another authority's (it has none). */
let bh: Awaited<ReturnType<typeof seedWave>>;
let other: Awaited<ReturnType<typeof seedWave>>;
beforeAll(async () => {
  t = await testApp();
  bh = await seedWave(t, { programme: 'ylyc', period: '2024' });
  other = await seedWave(t, { programme: 'ylyc', period: '2024' });
  const bhId = query(t.config.databasePath, 'SELECT id FROM authorities WHERE code = ?', bh.authorityCode)[0]!.id as number;
  await storeQuestionnaire(t.db, LOCAL, bhId);
});
afterAll(() => t.close());

const post = (code: string, instrument: string, answers: Answers, id: string = crypto.randomUUID()) =>
  t.app.inject({ method: 'POST', url: '/api/responses', payload: { id, code, instrument, version: 1, answers } });

describe('local questions on a core round', () => {
  it('the authority’s ylyc round serves them in place of ylyc-11-17, core questions first; other authorities’ rounds do not', async () => {
    const own = (await t.app.inject({ url: `/api/waves/${bh.code}` })).json();
    expect(own.instruments.map((i: { id: string; band: string }) => `${i.id} ${i.band}`)).toEqual(['ylyc-4-7 4-7', 'ylyc-8-11 8-11', 'bh-local 11-17']);
    const theirs = (await t.app.inject({ url: `/api/waves/${other.code}` })).json();
    expect(theirs.instruments.map((i: { id: string }) => i.id)).toEqual(['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17']);
    // A built-in round is in every language; one with local questions only in the file's (its start screen offers just those):
    // the language is chosen before the age picks the instrument, so the whole round is offered in what every instrument has.
    expect([own.locales, theirs.locales]).toEqual([['en'], ['en', 'cy', 'ar']]);

    const inst = (await t.app.inject({ url: '/api/instruments/bh-local' })).json();
    const core = getInstrument('ylyc-11-17', 1)!;
    expect(inst.questions.map((q: { id: string }) => q.id)).toEqual([...core.questions.map((q) => q.id), 'youth_club', 'local_idea']);
    expect(inst).toMatchObject({ programme: 'ylyc', band: '11-17', extends: { instrument: 'ylyc-11-17', version: 1 } });
    expect(inst.strings.en['questionnaire.q.youth_club']).toBe('The youth club is a good place for me');
  });

  it('stores the core answers as ylyc-11-17 and the local ones with bh-local v1, counted under each; a retry is a duplicate', async () => {
    const id = crypto.randomUUID();
    const core = fullAnswers(getInstrument('ylyc-11-17', 1)!, 1);
    const answers = { ...core, youth_club: 4, local_idea: 'A later bus home' };
    const first = await post(bh.code, 'bh-local', answers, id);
    expect(first.statusCode).toBe(201);
    expect((await post(bh.code, 'bh-local', answers, id)).json()).toEqual({ id, status: 'duplicate' });
    expect(query(t.config.databasePath, 'SELECT instrument, instrument_version, band, local_instrument, local_version FROM responses WHERE uuid = ?', id)).toEqual([
      { instrument: 'ylyc-11-17', instrument_version: 1, band: '11-17', local_instrument: 'bh-local', local_version: 1 },
    ]);
    const stored = query(t.config.databasePath, 'SELECT question, value FROM answers JOIN responses r ON r.id = response_id WHERE r.uuid = ?', id);
    expect(stored).toContainEqual({ question: 'youth_club', value: '4' });
    expect(stored).toContainEqual({ question: 'local_idea', value: 'A later bus home' });
    expect(stored).toContainEqual({ question: 'age', value: String(core.age) });
    // The local question is counted under the questionnaire, the core ones under the core; text never.
    expect(query(t.config.databasePath, "SELECT instrument, question, value, n FROM answer_counts WHERE instrument = 'bh-local'")).toEqual([
      { instrument: 'bh-local', question: 'youth_club', value: '4', n: 1 },
    ]);
    expect(query(t.config.databasePath, "SELECT count(*) AS n FROM answer_counts WHERE instrument = 'ylyc-11-17' AND question = 'age'")).toEqual([{ n: 1 }]);
    // Its indicator's question is split by gender for breakdowns, under the questionnaire too.
    expect(query(t.config.databasePath, "SELECT by_question, question FROM answer_counts_by WHERE instrument = 'bh-local' AND by_question = 'gender'")).toEqual([
      { by_question: 'gender', question: 'youth_club' },
    ]);
  });

  it('validates the local answers (400 naming them) and refuses them in another authority’s round; the plain core is still taken', async () => {
    const core = fullAnswers(getInstrument('ylyc-11-17', 1)!, 2);
    const bad = await post(bh.code, 'bh-local', { ...core, youth_club: 6, made_up: 1 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('answers.youth_club');
    expect(JSON.stringify(bad.json())).toContain('answers.made_up');
    const elsewhere = await post(other.code, 'bh-local', { ...core, youth_club: 3 });
    expect(elsewhere.statusCode).toBe(400);
    expect(JSON.stringify(elsewhere.json())).toContain('bh-local is not an instrument of this survey');
    // A tablet that loaded the round before the local questions were added still sends the plain core.
    expect((await post(bh.code, 'ylyc-11-17', core)).statusCode).toBe(201);
  });

  it('an answered version never changes; one set of local questions per authority and core; not a round of its own', async () => {
    const changed = { ...LOCAL, questions: [LOCAL.questions[0]] };
    await expect(storeQuestionnaire(t.db, changed, 1)).rejects.toThrow(/version 1 of bh-local has answers and never changes; give the changed file version 2/);
    const rival = { ...LOCAL, id: 'bh-more' };
    const refused = await storeQuestionnaire(t.db, rival, 1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(QuestionnaireRefused);
    expect((refused as QuestionnaireRefused).problems).toEqual([{ path: '$.extends', message: 'bh-local already holds this authority’s local questions on ylyc-11-17; give it a new version instead' }]);
    const asProgramme = Programme.safeParse('bh-local');
    expect(asProgramme.success).toBe(false);
    expect(asProgramme.error?.issues[0]?.message).toBe('bh-local is local questions on ylyc-11-17: open a ylyc round and it asks them after the core questions');
  });

  it('the core figures of a round with local questions are those of a plain round with the same answers (report build)', async () => {
    const a = await seedWave(t, { programme: 'ylyc', period: '2025' });
    const b = await seedWave(t, { programme: 'ylyc', period: '2025' });
    const aId = query(t.config.databasePath, 'SELECT id FROM authorities WHERE code = ?', a.authorityCode)[0]!.id as number;
    await storeQuestionnaire(t.db, { ...LOCAL, id: 'a-local' }, aId);
    const core = getInstrument('ylyc-11-17', 1)!;
    for (let seed = 0; seed < 12; seed++) {
      const answers = fullAnswers(core, seed);
      const idea = seed === 0 ? 'My carer hits me when nobody is looking' : seed === 1 ? 'Ring me on 07700 900123 about the bus' : `Idea ${seed}`;
      expect((await post(a.code, 'a-local', { ...answers, youth_club: 1 + (seed % 5), local_idea: idea })).statusCode).toBe(201);
      expect((await post(b.code, 'ylyc-11-17', answers)).statusCode).toBe(201);
    }
    const report = (code: string) =>
      buildReport(t.db, { authority: code, programme: 'ylyc', period: '2025', minBase: 2, freeText: t.app.safeguarding, today: '2025-06-01' });
    const [ra, rb] = await Promise.all([report(a.authorityCode), report(b.authorityCode)]);
    expect(ra.responses.byBand['11-17']).toBe(12);
    expect(ra.indicators.length).toBeGreaterThan(0);
    // Its local questions' figures are a section apart, leaving the core exactly as a plain round's.
    const { localQuestions, said, saidWithheld, ...coreReport } = ra;
    const { said: plainSaid, saidWithheld: plainWithheld, ...plainReport } = rb;
    expect(localQuestions?.map((l) => l.id)).toEqual(['a-local']);
    expect({ ...coreReport, authority: null }).toEqual({ ...plainReport, authority: null });
    // What they wrote to the local text question is in what was said, beside the core's, by the same path:
    // the one the safeguarding list catches is withheld (it is in the queue), a phone number is masked.
    expect(said.filter((s) => s.question !== 'local_idea')).toEqual(plainSaid);
    const ideas = said.filter((s) => s.question === 'local_idea');
    expect(ideas.every((s) => s.band === '11-17')).toBe(true);
    expect(ideas).toHaveLength(11);
    expect(ideas.map((s) => s.text).filter((t) => t.startsWith('Idea')).sort()).toEqual(Array.from({ length: 10 }, (_, k) => `Idea ${k + 2}`).sort());
    expect(ideas.find((s) => !s.text.startsWith('Idea'))!.text).toMatch(/^Ring me on .* about the bus$/);
    expect(ideas.map((s) => s.text).join()).not.toMatch(/07700|hits me/);
    expect(saidWithheld).toBe(plainWithheld + 1);
    // named by the questionnaire's own words, in the HTML and Word reports
    const heading = 'Ages 11-17: What should Brighton and Hove do next?';
    expect(renderHtml(ra)).toContain(`<h3>${heading}</h3>\n<blockquote>Idea 10</blockquote>`);
    expect(zipEntries(await renderDocx(ra)).get('word/document.xml')!.toString('utf8')).toContain(heading);
  });

  it('the report gives the local questions’ own figures apart: suppression, intervals and before/after worked by hand, no benchmark', async () => {
    const first = await seedWave(t, { programme: 'ylyc', period: '2024' });
    const authorityId = query(t.config.databasePath, 'SELECT id FROM authorities WHERE code = ?', first.authorityCode)[0]!.id as number;
    const second = await createWave(t.db, { authority_id: authorityId, programme: 'ylyc', period: '2025', opens_on: null, closes_on: null });
    // waiting: lower is better (the file's `better`), so its fall is called better.
    const withArea = {
      ...LOCAL,
      id: 'c-local',
      questions: [...LOCAL.questions, { id: 'safe_area', type: 'agree5', text: { en: 'I feel safe where I live' } }, { id: 'waiting', type: 'scale0_10', text: { en: 'I wait too long to see my worker' } }],
      scores: ['youth_club', 'safe_area', { question: 'waiting', better: 'lower' }],
    };
    await storeQuestionnaire(t.db, withArea, authorityId);
    // Another authority asks the same file (for everyone it could): still no benchmark for local questions.
    const core = getInstrument('ylyc-11-17', 1)!;
    const answer = async (code: string, clubs: number[], areas: number[], waits: number[]) => {
      for (const [k, club] of clubs.entries())
        expect((await post(code, 'c-local', { ...fullAnswers(core, k), youth_club: club, waiting: waits[k]!, ...(k < areas.length ? { safe_area: areas[k]! } : {}) })).statusCode).toBe(201);
    };
    await answer(first.code, [3, 3, 3, 2, 2, 2, 4, 4, 1, 5], [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], [5, 5, 5, 5, 5, 4, 4, 4, 4, 4]);
    await answer(second.access_code, [5, 5, 5, 4, 4, 4, 4, 3, 3, 2], [5, 4, 3], [1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    const report = await buildReport(t.db, { authority: first.authorityCode, programme: 'ylyc', period: '2025', minBase: 10, freeText: null, today: '2026-01-01' });
    expect(report.comparePeriod).toBe('2024');
    // The core part has none of them.
    expect(report.indicators.some((i) => i.id === 'likes_club')).toBe(false);
    expect(report.scores.some((s) => ['youth_club', 'safe_area'].includes(s.question))).toBe(false);

    const [local] = report.localQuestions!;
    expect(report.localQuestions).toHaveLength(1);
    expect(local).toMatchObject({ id: 'c-local', version: 1, band: '11-17', title: 'Brighton and Hove’s own questions', versions: [{ version: 1, responses: 10 }] });
    expect(local!.labels).toEqual({
      indicators: { likes_club: 'Likes the youth club' },
      questions: { youth_club: 'The youth club is a good place for me', local_idea: 'What should Brighton and Hove do next?', safe_area: 'I feel safe where I live', waiting: 'I wait too long to see my worker' },
    });
    // likes_club (4 or 5): 7 of 10 this year, 3 of 10 last year.
    // Wilson 95% for 7/10, z = 1.96: centre (0.7 + 0.19207) / 1.38415 = 0.64449, half-width
    // 1.96·√(0.021 + 0.0096)/1.38415 = 0.24772, so 39.7% to 89.2%. Change 70 − 30 = 40.0 points;
    // pooled z = 0.4/√(0.5·0.5·0.2) = 1.7889, two-sided p = 0.0736.
    expect(local!.indicators).toEqual([
      {
        id: 'likes_club', band: '11-17', domain: null, direction: 'higher', suppressed: false, n: 10, count: 7, percent: 70, ci: { low: 39.7, high: 89.2 },
        previous: { period: '2024', suppressed: false, n: 10, count: 3, percent: 30, change: 40, pValue: 0.0736, qValue: 0.0736, significant: false },
        benchmark: null, reference: [],
      },
    ]);
    // Year on year, as the core's trend (and apart from it): likes_club 3 of 10 in 2024, 7 of 10 in 2025 (still open).
    expect(local!.trend).toEqual([
      {
        id: 'likes_club', band: '11-17',
        points: [
          { period: '2024', provisional: expect.any(Boolean), suppressed: false, n: 10, percent: 30 },
          { period: '2025', provisional: true, suppressed: false, n: 10, percent: 70 },
        ],
      },
    ]);
    expect(report.trend.some((t) => t.id === 'likes_club')).toBe(false);
    // youth_club: mean 39/10 = 3.9, squares about it 3·1.21 + 4·0.01 + 2·0.81 + 3.61 = 8.9, sd √(8.9/9) = 0.994;
    // 95% interval 3.9 ± 2.2622·0.994/√10 = 3.9 ± 0.711: 3.19 to 4.61. Last year mean 2.9, sd √(12.9/9) = 1.197.
    // Welch: se² = 0.98889/10 + 1.43333/10 = 0.24222, t = 1/0.49216 = 2.03, df = 0.24222²/((0.098889² + 0.143333²)/9) = 17.41;
    // p = 0.0577 (Student's t on 17.41 df). q-values (Benjamini-Hochberg over this section's three, the third
    // waiting's p < 0.001): 0.0577·3/2 = 0.0866 and 0.0736·3/3 = 0.0736, so 0.0736 for both.
    // safe_area: 3 answers this year, under 10: suppressed, and so is its comparison.
    expect(local!.scores).toEqual([
      {
        question: 'youth_club', band: '11-17', direction: 'higher', suppressed: false, n: 10, mean: 3.9, sd: 0.99, ci: { low: 3.19, high: 4.61 },
        previous: { period: '2024', suppressed: false, n: 10, mean: 2.9, sd: 1.2, change: 1, t: 2.03, df: 17.41, pValue: 0.0577, qValue: 0.0736, significant: false },
        benchmark: null,
      },
      {
        question: 'safe_area', band: '11-17', direction: 'higher', suppressed: true, n: null, mean: null, sd: null, ci: null,
        previous: { period: '2024', suppressed: true, n: 10, mean: 4, sd: 0, change: null, t: null, df: null, pValue: null, qValue: null, significant: null },
        benchmark: null,
      },
      // waiting: 4.5 down to 1.5, every answer 0.5 from its mean: a fall of 3 points, p < 0.001.
      expect.objectContaining({ question: 'waiting', direction: 'lower', mean: 1.5, previous: expect.objectContaining({ mean: 4.5, change: -3, significant: true }) }),
    ]);

    // HTML and Word: a section of its own after the core scores, before/after but no other authorities.
    const html = renderHtml(report);
    const section = html.slice(html.indexOf('<section class="page-break" id="own-questions"'));
    expect(html.indexOf('id="scores-h"')).toBeLessThan(html.indexOf('id="own-questions-h"'));
    expect(section.slice(0, section.indexOf('</section>'))).toMatch(
      /<h2 id="own-questions-h">Your own questions<\/h2>[\s\S]*<th scope="row">Likes the youth club<\/th><td>11-17<\/td><td class="num">10<\/td><td class="num">70\.0%<br><span class="note">39\.7% to 89\.2%<\/span><\/td><td class="num">30\.0%<\/td><td class="num"><span>▲ \+40\.0 points<\/span>[\s\S]*<th scope="row">The youth club is a good place for me<\/th><td>11-17<\/td><td class="num">10<\/td><td class="num">3\.90[\s\S]*<th scope="row">I feel safe where I live<\/th><td>11-17<\/td><td class="num supp" colspan="2">fewer than 10 answers<\/td>/,
    );
    expect(section.slice(0, section.indexOf('</section>'))).not.toContain('Other authorities');
    // Its scores are on two scales (waiting is 0 to 10): the section names those two, no faces.
    expect(local!.scoreScales).toEqual(['agree5', 'scale0_10']);
    expect(section).toContain(
      'the core figures above are unchanged by them. Mean answers to each question on its scale (agree: 1 strongly disagree to 5 strongly agree; 0 to 10), with a 95% interval for the mean. Higher means nearer the top of the scale.</p>',
    );
    // Lower is better for waiting: its fall is better (blue), not worse, here and in the year-on-year table.
    const waitingRows = section.match(/<tr><th scope="row">I wait too long to see my worker( <span class="note">\(lower is better\)<\/span>)?<\/th>.*?<\/tr>/g)!;
    expect(waitingRows).toHaveLength(2);
    for (const row of waitingRows) expect(row).toContain('<span class="up-good">▼ -3.00</span><br><span class="note">significantly better, p < 0.001');
    // CSV: after the core's rows, one row per local indicator and score, named by local_instrument and local_version,
    // with the same suppression (safe_area's figures empty) and each score's direction.
    const csv = renderCsv(report).slice(1).trimEnd().split('\r\n');
    const head = csv[0]!.split(',');
    const ownRows = csv.filter((l) => l.endsWith(',c-local,1')).map((l) => Object.fromEntries(l.split(',').map((v, k) => [head[k], v])));
    expect(csv.slice(-ownRows.length).every((l) => l.endsWith(',c-local,1'))).toBe(true);
    expect(ownRows.map((c) => [c.programme, c.band, c.indicator, c.indicator_label, c.question, c.question_label, c.direction, c.suppressed, c.n, c.percent, c.mean, c.mean_ci_low, c.previous_n, c.change_points, c.change_mean, c.change_q_value, c.benchmark_n])).toEqual([
      ['ylyc', '11-17 years', 'likes_club', 'Likes the youth club', '', '', 'higher', 'false', '10', '70', '', '', '10', '40', '', '0.0736', ''],
      ['ylyc', '11-17 years', '', '', 'youth_club', 'The youth club is a good place for me', 'higher', 'false', '10', '', '3.9', '3.19', '10', '', '1', '0.0736', ''],
      ['ylyc', '11-17 years', '', '', 'safe_area', 'I feel safe where I live', 'higher', 'true', '', '', '', '', '10', '', '', '', ''],
      ['ylyc', '11-17 years', '', '', 'waiting', 'I wait too long to see my worker', 'lower', 'false', '10', '', '1.5', expect.any(String), '10', '', '-3', expect.any(String), ''],
    ]);
    // Core rows carry no local questionnaire; every score row its direction (higher for the built-ins).
    expect(csv.slice(1, -ownRows.length).every((l) => l.endsWith(',,'))).toBe(true);

    // and its trend, charted and tabled in the section
    expect(section).toMatch(/<caption>Brighton and Hove’s own questions, ages 11-17: indicators across survey rounds<\/caption>.*<th scope="col" class="num">2024(<br><span class="note">provisional<\/span>)?<\/th><th scope="col" class="num">2025<br><span class="note">provisional<\/span><\/th>.*<th scope="row">Likes the youth club<\/th><td>11-17<\/td><td class="num">30\.0%<\/td><td class="num">70\.0%<\/td>/s);
    expect(section).toContain('<div class="chart" id="trend-own-questions-11-17"><svg');

    const word = zipEntries(await renderDocx(report)).get('word/document.xml')!.toString('utf8');
    expect(word).toContain('Your own questions');
    expect(word).toContain('Brighton and Hove’s own questions, ages 11-17: indicators across survey rounds');
    expect(word.indexOf('Likes the youth club')).toBeGreaterThan(word.indexOf('Your own questions'));
  });
});
