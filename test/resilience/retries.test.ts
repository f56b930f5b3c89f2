// Retries: tablets that resend each response several times, in parallel
// and after giving up waiting, still produce exactly one stored response each.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_INSTRUMENTS } from '../../surveys/index.js';
import { fullAnswers } from '../helpers/answers.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let base: string;
let code: string;

beforeAll(async () => {
  t = await testApp({ SUBMIT_RATE_LIMIT: '1000000' });
  ({ code } = await seedWave(t));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => t.close());

/** Posts once; 0 when the client gave up (timeout) before an answer came. */
async function post(body: string, timeoutMs: number): Promise<number> {
  try {
    const res = await fetch(`${base}/api/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

describe('retries', () => {
  it('stores each of 300 responses exactly once when every one is sent five times, some abandoned mid-flight', async () => {
    const ylyc = BUILT_IN_INSTRUMENTS.filter((i) => i.programme === 'ylyc');
    const bodies = Array.from({ length: 300 }, (_, i) => {
      const inst = ylyc[i % ylyc.length]!;
      return { id: randomUUID(), body: JSON.stringify({ id: '', code, instrument: inst.id, version: 1, answers: fullAnswers(inst, i) }) };
    }).map(({ id, body }) => ({ id, body: body.replace('"id":""', `"id":"${id}"`) }));

    const results = await Promise.all(
      bodies.map(async ({ body }) => {
        // Three at once, one abandoned after a millisecond, then one more after the others.
        const first = await Promise.all([post(body, 60_000), post(body, 60_000), post(body, 1), post(body, 60_000)]);
        const late = await post(body, 60_000);
        return [...first, late];
      }),
    );

    const all = results.flat();
    const answered = all.filter((s) => s !== 0);
    console.log(`retries: ${all.length} requests for ${bodies.length} responses, ${all.length - answered.length} abandoned`);
    expect(answered.every((s) => s === 201 || s === 200)).toBe(true);
    for (const statuses of results) expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(1);
    // The late one finds it stored whenever an earlier copy was answered (an abandoned copy may or may not have stored it).
    for (const statuses of results) if (statuses.slice(0, 4).some((s) => s !== 0)) expect(statuses[4]).toBe(200);
    const stored = t.sqlite.prepare('SELECT uuid, count(*) AS n FROM responses GROUP BY uuid').all() as { uuid: string; n: number }[];
    expect(stored.length).toBe(bodies.length);
    expect(stored.every((r) => r.n === 1)).toBe(true);
    expect(new Set(stored.map((r) => r.uuid))).toEqual(new Set(bodies.map((b) => b.id)));
    // by hand: 300 responses over three instruments, every one answers age once
    const ages = t.sqlite.prepare("SELECT sum(n) AS n FROM answer_counts WHERE question = 'age'").get() as { n: number };
    expect(ages.n).toBe(300);
  }, 120_000);
});
