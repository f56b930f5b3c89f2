import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BREAKDOWN_QUESTIONS, BUILT_IN_INSTRUMENTS, currentInstrument, indicatorQuestions } from '../../surveys/index.js';
import { fullAnswers } from '../helpers/answers.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';

// Over a real port, so requests really overlap and the group commit batches them.
let t: TestApp;
let base: string;
let code: string;

beforeAll(async () => {
  t = await testApp({ SUBMIT_RATE_LIMIT: '100000' });
  ({ code } = await seedWave(t));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => t.close());

const submit = (payload: object) =>
  fetch(`${base}/api/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { status?: string } }));

const ylyc = BUILT_IN_INSTRUMENTS.filter((i) => i.programme === 'ylyc');

describe('concurrent submissions', () => {
  it('stores a burst of 300 concurrent responses, each exactly once, even when each is sent three times at once', async () => {
    const payloads = Array.from({ length: 300 }, (_, i) => {
      const inst = ylyc[i % ylyc.length]!;
      return { id: randomUUID(), code, instrument: inst.id, version: inst.version, answers: fullAnswers(inst, i) };
    });
    const results = await Promise.all(payloads.flatMap((p) => [submit(p), submit(p), submit(p)]));
    for (let i = 0; i < payloads.length; i++) {
      const three = results.slice(i * 3, i * 3 + 3).map((r) => r.body.status).sort();
      expect(three).toEqual(['duplicate', 'duplicate', 'stored']);
    }
    const stored = t.sqlite.prepare('SELECT uuid FROM responses').all() as { uuid: string }[];
    expect(stored.length).toBe(300);
    expect(new Set(stored.map((s) => s.uuid))).toEqual(new Set(payloads.map((p) => p.id)));
    const answers = (t.sqlite.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
    expect(answers).toBe(payloads.reduce((n, p) => n + Object.keys(p.answers).length, 0));
  });

  it('keeps running counts equal to a recount of the answers', () => {
    const texts = BUILT_IN_INSTRUMENTS.flatMap((i) => i.questions.filter((q) => q.scale === 'text').map((q) => q.id));
    const recount = t.sqlite
      .prepare(
        `SELECT r.wave_id, r.instrument, a.question, a.value, count(*) AS n
         FROM answers a JOIN responses r ON r.id = a.response_id
         WHERE a.question NOT IN (${texts.map(() => '?').join(',')})
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      )
      .all(...texts);
    const counts = t.sqlite
      .prepare('SELECT wave_id, instrument, question, value, n FROM answer_counts ORDER BY 1, 2, 3, 4')
      .all();
    expect(counts.length).toBeGreaterThan(100);
    expect(counts).toEqual(recount);
    // by hand: 300 responses over three instruments, 100 each, and every one answers age
    const ages = t.sqlite
      .prepare("SELECT instrument, sum(n) AS n FROM answer_counts WHERE question = 'age' GROUP BY instrument ORDER BY 1")
      .all();
    expect(ages).toEqual([
      { instrument: 'ylyc-11-17', n: 100 },
      { instrument: 'ylyc-4-7', n: 100 },
      { instrument: 'ylyc-8-11', n: 100 },
    ]);
    expect(currentInstrument('ylyc-4-7')).toBeDefined();
  });

  it('keeps the breakdown cross-tab counts equal to a recount of the answers', () => {
    // Each instrument's indicator questions, crossed with each background question it answered.
    const pairs = BUILT_IN_INSTRUMENTS.flatMap((i) => indicatorQuestions(i).map((q) => [i.id, q] as const));
    const recount = t.sqlite
      .prepare(
        `SELECT r.wave_id, r.instrument, b.question AS by_question, b.value AS by_value, a.question, a.value, count(*) AS n
         FROM responses r
         JOIN answers b ON b.response_id = r.id AND b.question IN (${BREAKDOWN_QUESTIONS.map(() => '?').join(',')})
         JOIN answers a ON a.response_id = r.id
         WHERE (r.instrument, a.question) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))
         GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
      )
      .all(...BREAKDOWN_QUESTIONS, JSON.stringify(pairs));
    const counts = t.sqlite
      .prepare('SELECT wave_id, instrument, by_question, by_value, question, value, n FROM answer_counts_by ORDER BY 1, 2, 3, 4, 5, 6')
      .all();
    expect(counts.length).toBeGreaterThan(100);
    expect(counts).toEqual(recount);
    // by hand: every response answers gender, and the 4-7 instrument counts sw_know for all 100 of its responses
    const swKnow = t.sqlite
      .prepare("SELECT sum(n) AS n FROM answer_counts_by WHERE instrument = 'ylyc-4-7' AND by_question = 'gender' AND question = 'sw_know'")
      .get();
    expect(swKnow).toEqual({ n: 100 });
  });
});
