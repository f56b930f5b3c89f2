// Issue 11 item 6: figures about other authorities must not move with
// each answer, or an officer reading them before and after one child's
// answer to another council's open round learns that child's answers.
// The benchmark and Compare pool closed rounds only; Compare shows the
// spread of other councils without any council's exact figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClosesOn } from '../../server/repos/portal-waves.js';
import { today } from '../../server/dates.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { addUser, signIn, type Session } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';

const yesterday = today(new Date(Date.now() - 24 * 60 * 60 * 1000));
const COMPARE = '/api/portal/compare?period=2024&indicator=feels_safe&band=11-17';

let t: TestApp;
let officer: Session;
let own: { waveId: number };
let target: { code: string };
beforeAll(async () => {
  t = await testApp({ MIN_BASE: '2' });
  own = await seedWave(t);
  await submitResponses(t, (await t.db.selectFrom('waves').select('access_code').where('id', '=', own.waveId).executeTakeFirstOrThrow()).access_code, 6);
  // Eight councils whose rounds have closed, with different numbers of answers so their figures differ.
  for (let k = 0; k < 8; k++) {
    const w = await seedWave(t);
    await submitResponses(t, w.code, 3 + k);
    await setClosesOn(t.db, w.waveId, yesterday);
  }
  // One council still collecting answers: the target of the attack.
  target = await seedWave(t);
  await submitResponses(t, target.code, 4);
  const ownCode = (await t.db.selectFrom('waves').innerJoin('authorities', 'authorities.id', 'waves.authority_id').select('code').where('waves.id', '=', own.waveId).executeTakeFirstOrThrow()).code;
  await addUser(t, 'officer@example.org', 'authority_officer', [ownCode]);
  officer = await signIn(t, 'officer@example.org');
});
afterAll(() => t?.close());

describe('benchmarks cannot be differenced', () => {
  it('one answer sent to another council’s open round moves no figure in the report or in Compare', async () => {
    const before = { report: (await officer.call('GET', `/api/portal/waves/${own.waveId}/report`)).json(), compare: (await officer.call('GET', COMPARE)).json() };
    // the benchmark is there to be differenced (8 closed councils), and says what it pools
    const safe = before.report.report.indicators.find((i: { id: string; band: string }) => i.id === 'feels_safe' && i.band === '11-17');
    expect(safe.benchmark.authorities).toBe(8);
    expect(before.report.report.benchmarkRounds).toEqual({ closedBefore: today(), openLeftOut: 1 });
    expect(before.compare.others).toMatchObject({ authorities: 8, hidden: false });
    expect(before.compare.openLeftOut).toBe(1);

    await submitResponses(t, target.code, 1);

    const after = { report: (await officer.call('GET', `/api/portal/waves/${own.waveId}/report`)).json(), compare: (await officer.call('GET', COMPARE)).json() };
    expect(after).toEqual(before);
  });

  it('Compare gives other councils’ spread as rounded quartiles only, never a lowest or highest', async () => {
    const { others } = (await officer.call('GET', COMPARE)).json();
    expect(Object.keys(others).sort()).toEqual(['authorities', 'hidden', 'median', 'q1', 'q3']);
    for (const q of [others.q1, others.median, others.q3]) expect(Number.isInteger(q)).toBe(true);
  });
});
