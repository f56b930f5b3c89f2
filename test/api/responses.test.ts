import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentInstrument } from '../../surveys/index.js';
import { fullAnswers } from '../helpers/answers.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';

const teen = currentInstrument('ylyc-11-17')!;
let t: TestApp;
let code: string;

beforeAll(async () => {
  t = await testApp();
  ({ code } = await seedWave(t));
});
afterAll(() => t.close());

const body = (answers: Record<string, unknown> = fullAnswers(teen), extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  code,
  instrument: teen.id,
  version: teen.version,
  answers,
  ...extra,
});
const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/responses', payload: payload as object });
const count = (table: string) => (t.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const tableCounts = () => ({
  responses: count('responses'),
  answers: count('answers'),
  answer_counts: count('answer_counts'),
});

describe('GET endpoints', () => {
  it('answers health', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('describes a wave by its code, typed in any case with or without the hyphen', async () => {
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const res = await t.app.inject(`/api/waves/${typed}`);
    expect(res.statusCode).toBe(200);
    const wave = res.json();
    expect(wave).toMatchObject({ programme: 'ylyc', period: '2024', open: true });
    expect(wave.authority.code).toMatch(/^E06/);
    expect(wave.instruments.map((i: { id: string }) => i.id)).toEqual(['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17']);
    expect(wave.instruments[0]).toEqual({ id: 'ylyc-4-7', version: 1, band: '4-7', minAge: 4, maxAge: 7, audience: 'children' });
  });

  it("gives the council's contact for the help screen once the council has one", async () => {
    expect((await t.app.inject(`/api/waves/${code}`)).json().authority.contact).toBeNull();
    t.sqlite.prepare("UPDATE authorities SET contact = '01632 960123' WHERE id = (SELECT authority_id FROM waves WHERE access_code = ?)").run(code);
    expect((await t.app.inject(`/api/waves/${code}`)).json().authority.contact).toBe('01632 960123');
  });

  it('answers 404 for an unknown or impossible code', async () => {
    expect((await t.app.inject('/api/waves/ABCD-EFGH')).statusCode).toBe(404);
    expect((await t.app.inject('/api/waves/0O1I')).statusCode).toBe(404);
  });

  it('serves an instrument definition with the scales it uses', async () => {
    const res = await t.app.inject('/api/instruments/ylyc-11-17');
    expect(res.statusCode).toBe(200);
    const inst = res.json();
    expect(inst.version).toBe(1);
    expect(inst.questions[0]).toMatchObject({ id: 'age', required: true });
    expect(inst.scales.age).toEqual({ kind: 'integer', min: 11, max: 17 });
    expect(inst.scales.freq4.options).toEqual(['all_or_most', 'sometimes', 'hardly_ever', 'never']);
    expect(inst.indicators.length).toBeGreaterThan(0);
    expect((await t.app.inject('/api/instruments/ylyc-11-17?version=1')).statusCode).toBe(200);
    expect((await t.app.inject('/api/instruments/ylyc-11-17?version=9')).statusCode).toBe(404);
    expect((await t.app.inject('/api/instruments/nope')).statusCode).toBe(404);
  });

  it('answers unknown endpoints with a JSON 404', async () => {
    const res = await t.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatch(/no such endpoint/);
  });
});

describe('POST /api/responses', () => {
  it('stores a full response with its answers and running counts (201)', async () => {
    const ageCount = () =>
      (
        t.sqlite
          .prepare("SELECT coalesce(sum(n), 0) AS n FROM answer_counts WHERE instrument = ? AND question = 'age' AND value = '11'")
          .get(teen.id) as { n: number }
      ).n;
    const before = { ...tableCounts(), age11: ageCount() };
    const b = body();
    expect(b.answers.age).toBe(11);
    const res = await post(b);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: b.id, status: 'stored' });
    const after = tableCounts();
    expect(after.responses).toBe(before.responses + 1);
    expect(after.answers).toBe(before.answers + Object.keys(b.answers).length);
    expect(ageCount()).toBe(before.age11 + 1);
    const stored = t.sqlite
      .prepare('SELECT question, value FROM answers JOIN responses r ON r.id = response_id WHERE r.uuid = ?')
      .all(b.id) as { question: string; value: string }[];
    expect(Object.fromEntries(stored.map((a) => [a.question, a.value]))).toEqual(
      Object.fromEntries(Object.entries(b.answers).map(([k, v]) => [k, String(v)])),
    );
  });

  it('answers a retry with 200 duplicate and writes nothing', async () => {
    const b = body();
    expect((await post(b)).statusCode).toBe(201);
    const before = tableCounts();
    const res = await post(b);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: b.id, status: 'duplicate' });
    // the same id in upper case is the same UUID
    expect((await post({ ...b, id: b.id.toUpperCase() })).statusCode).toBe(200);
    expect(tableCounts()).toEqual(before);
  });

  it('answers 409 when an id is reused for different answers', async () => {
    const b = body();
    expect((await post(b)).statusCode).toBe(201);
    const before = tableCounts();
    const res = await post({ ...b, answers: { ...b.answers, age: 16 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatch(/already used/);
    expect(tableCounts()).toEqual(before);
  });

  it('accepts a response where everything but age is skipped', async () => {
    expect((await post(body({ age: 12 }))).statusCode).toBe(201);
  });

  const full = fullAnswers(teen);
  // Thunks: the wave's code is known only once beforeAll has run.
  const bad: [string, () => Record<string, unknown>, string][] = [
    ['a malformed UUID', () => ({ ...body(), id: 'not-a-uuid' }), 'id'],
    ['a missing id', () => ({ ...body(), id: undefined }), 'id'],
    ['an unknown field', () => ({ ...body(), extra: 1 }), '(body)'],
    ['answers that are not an object', () => ({ ...body(), answers: [1, 2] }), 'answers'],
    ['an unknown question', () => body({ ...full, favourite_colour: 'blue' }), 'answers.favourite_colour'],
    ['an option not on the scale', () => body({ ...full, feel_safe: 'always' }), 'answers.feel_safe'],
    ['a number out of range', () => body({ ...full, life_satisfaction: 11 }), 'answers.life_satisfaction'],
    ['a number that is not whole', () => body({ ...full, worthwhile: 5.5 }), 'answers.worthwhile'],
    ['a number given as text', () => body({ ...full, worthwhile: '5' }), 'answers.worthwhile'],
    ['text over 1,000 characters', () => body({ ...full, make_care_better: 'x'.repeat(1001) }), 'answers.make_care_better'],
    ['a null answer', () => body({ ...full, pet: null }), 'answers.pet'],
    // Bad text (one rule, surveys/validate.ts): not valid Unicode, controls no keyboard types, nothing visible.
    ['text with a lone surrogate', () => body({ ...full, make_care_better: 'ok \ud800 ok' }), 'answers.make_care_better'],
    ['text with a C1 control (next line)', () => body({ ...full, make_care_better: 'ok \u0085 ok' }), 'answers.make_care_better'],
    ['text with a C1 control (CSI)', () => body({ ...full, make_care_better: '\u009b31m red' }), 'answers.make_care_better'],
    ['text of a zero-width space only', () => body({ ...full, make_care_better: '\u200b' }), 'answers.make_care_better'],
    ['text of invisible characters and spaces only', () => body({ ...full, make_care_better: ' \u00ad\u2060 \ufeff\u202e' }), 'answers.make_care_better'],
    [
      'an answer to a question whose condition is not met',
      () => body({ ...full, sw_know: 'no', sw_trust: 'all_or_most', sw_contact: undefined }),
      'answers.sw_trust',
    ],
    ['an age outside the band', () => body({ ...full, age: 18 }), 'answers.age'],
    ['a missing age', () => body({ gender: 'female' }), 'answers.age'],
    ['a wrong version', () => ({ ...body(), version: 2 }), 'version'],
    ['a version that is not a number', () => ({ ...body(), version: '1' }), 'version'],
    ['an instrument of another programme', () => ({ ...body(), instrument: 'ylbc-16-25' }), 'instrument'],
    ['an unknown instrument', () => ({ ...body(), instrument: 'ylyc-99-100' }), 'instrument'],
  ];
  it.each(bad)('answers 400 naming the field for %s, and stores nothing', async (_, payload, path) => {
    const before = tableCounts();
    const res = await post(JSON.parse(JSON.stringify(payload())));
    expect(res.statusCode).toBe(400);
    const json = res.json();
    expect(json.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(json.error).toContain(path);
    expect(tableCounts()).toEqual(before);
  });

  it('stores text without the bidirectional controls that would show it reordered', async () => {
    const b = body({ ...full, make_care_better: 'more \u202egnirac\u202c time, \u2067isolated\u2069' });
    expect((await post(b)).statusCode).toBe(201);
    const stored = t.sqlite
      .prepare("SELECT value FROM answers JOIN responses r ON r.id = response_id WHERE r.uuid = ? AND question = 'make_care_better'")
      .get(b.id) as { value: string };
    expect(stored.value).toBe('more gnirac time, isolated');
    // An emoji (a surrogate pair) and a joiner inside a word are fine.
    expect((await post(body({ ...full, make_care_better: 'happy 😀 fam\u200dily' }))).statusCode).toBe(201);
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      headers: { 'content-type': 'application/json' },
      payload: '{"id": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().issues[0].path).toBe('(body)');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      headers: { 'content-type': 'application/xml' },
      payload: '<hello/>',
    });
    expect(text.statusCode).toBe(415);
  });

  it('answers 413 for a body over the size limit', async () => {
    const res = await post(body({ ...full, make_care_better: 'x'.repeat(70_000) }));
    expect(res.statusCode).toBe(413);
  });

  it('answers 404 for an unknown wave code', async () => {
    const res = await post(body(full, { code: 'ZZZZ-ZZZZ' }));
    expect(res.statusCode).toBe(404);
  });

  it('answers 403 when the wave is closed or not yet open, but still acknowledges a retry', async () => {
    const closed = await seedWave(t, { opens_on: '2020-01-01', closes_on: '2020-02-01' });
    const notYet = await seedWave(t, { opens_on: '2999-01-01' });
    const before = tableCounts();
    expect((await post(body(full, { code: closed.code }))).statusCode).toBe(403);
    expect((await post(body(full, { code: notYet.code }))).statusCode).toBe(403);
    expect(tableCounts()).toEqual(before);
    expect((await t.app.inject(`/api/waves/${closed.code}`)).json().open).toBe(false);

    // A response stored while the wave was open, retried after it closed.
    const open = await seedWave(t);
    const b = body(full, { code: open.code });
    expect((await post(b)).statusCode).toBe(201);
    t.sqlite.prepare("UPDATE waves SET closes_on = '2020-01-01' WHERE id = ?").run(open.waveId);
    expect((await post(b)).statusCode).toBe(200);
    expect((await post({ ...b, answers: { ...b.answers, age: 13 } })).statusCode).toBe(403);
  });

  it('stores no IP address, user agent or time of day', async () => {
    const columns = t.sqlite
      .prepare("SELECT name FROM pragma_table_info('responses') UNION ALL SELECT name FROM pragma_table_info('answers')")
      .all()
      .map((c) => (c as { name: string }).name);
    expect(columns.filter((c) => /ip|agent|addr|time|_at$/i.test(c))).toEqual([]);
    const b = body();
    await t.app.inject({
      method: 'POST',
      url: '/api/responses',
      payload: b,
      headers: { 'user-agent': 'Tablet/1.0 (identifying)', 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '198.51.100.7',
    });
    const row = t.sqlite.prepare('SELECT * FROM responses WHERE uuid = ?').get(b.id) as Record<string, unknown>;
    expect(String(row.submitted_on)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dump = JSON.stringify(t.sqlite.prepare('SELECT * FROM responses').all());
    expect(dump).not.toMatch(/198\.51|203\.0|Tablet/);
  });
});

describe('rate limits', () => {
  it('limits submissions per IP per minute with 429', async () => {
    const limited = await testApp({ SUBMIT_RATE_LIMIT: '3' });
    try {
      const w = await seedWave(limited);
      const send = (ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/responses',
          remoteAddress: ip,
          payload: { id: randomUUID(), code: w.code, instrument: teen.id, version: 1, answers: { age: 12 } },
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send('192.0.2.1')).statusCode);
      expect(statuses).toEqual([201, 201, 201, 429]);
      expect((await send('192.0.2.2')).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('limits wave look-ups so codes cannot be guessed in bulk', async () => {
    const limited = await testApp({ LOOKUP_RATE_LIMIT: '5' });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await limited.app.inject('/api/waves/ABCD-EFGH')).statusCode);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('the README example', () => {
  it('docs/examples/response-ylyc-11-17.json is a full response the API stores', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../docs/examples/response-ylyc-11-17.json', import.meta.url), 'utf8');
    const res = await post(JSON.parse(text.replace('"UUID"', `"${randomUUID()}"`).replace('"CODE"', `"${code}"`)));
    expect(res.statusCode).toBe(201);
  });
});
