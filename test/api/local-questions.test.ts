// Local questions on a core round (issue 14, `extends`): a council's
// questions asked after ylyc-11-17's, in its own ylyc rounds only. The core
// answers are stored and counted exactly as a plain response's, so the
// core report of such a round is the report of a plain round with the same
// answers (checked with the real report build); the local answers are
// validated, stored with the questionnaire's id and version, and counted
// under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/build.js';
import { getInstrument, type Answers } from '../../surveys/index.js';
import { Programme } from '../../server/schemas.js';
import { QuestionnaireRefused, storeQuestionnaire } from '../../server/repos/questionnaires.js';
import { testApp, seedWave, type TestApp } from '../helpers/app.js';
import { fullAnswers } from '../helpers/answers.js';
import { query } from '../helpers/cli.js';

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
      expect((await post(a.code, 'a-local', { ...answers, youth_club: 1 + (seed % 5), local_idea: `Idea ${seed}` })).statusCode).toBe(201);
      expect((await post(b.code, 'ylyc-11-17', answers)).statusCode).toBe(201);
    }
    const report = (code: string) =>
      buildReport(t.db, { authority: code, programme: 'ylyc', period: '2025', minBase: 2, freeText: t.app.safeguarding, today: '2025-06-01' });
    const [ra, rb] = await Promise.all([report(a.authorityCode), report(b.authorityCode)]);
    expect(ra.responses.byBand['11-17']).toBe(12);
    expect(ra.indicators.length).toBeGreaterThan(0);
    expect({ ...ra, authority: null }).toEqual({ ...rb, authority: null });
    // The local free text is not the core report's (it is the local questionnaire's).
    expect(ra.said.some((s) => s.text.startsWith('Idea'))).toBe(false);
  });
});
