// The action plan through the portal API: what is refused (with the
// reason), what is stored and listed, and the audit trail. Who may call
// what is in access-matrix.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { addUser, signIn, type Session } from '../helpers/portal.js';

let t: TestApp;
let officer: Session;
let code: string;

beforeAll(async () => {
  t = await testApp();
  code = (await seedWave(t, { period: '2023' })).authorityCode;
  await addUser(t, 'officer@example.org', 'authority_officer', [code]);
  officer = await signIn(t, 'officer@example.org');
});
afterAll(() => t?.close());

const NEW = { period: '2023', indicator: 'same_social_worker', band: '11-17', pledge: 'Fewer changes of social worker', owner: 'Head of service', due: '2024-03-31' };

describe('the action plan API', () => {
  it.each([
    [{ indicator: 'likes_cake' }, 'likes_cake is not an indicator of ylyc'],
    [{ band: '4-7' }, 'same_social_worker is not asked in band 4-7'],
    [{ period: '2022' }, 'no ylyc round in 2022'],
    [{ due: 'soon' }, 'expected a date as YYYY-MM-DD'],
    [{ pledge: '' }, 'a pledge cannot be empty'],
  ])('refuses %j with 400 and the reason', async (change, reason) => {
    const res = await officer.call('POST', `/api/portal/authorities/${code}/actions`, { ...NEW, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toContain(reason);
  });

  it('stores an action (201), adds a note with who wrote it, lists it, and audits both', async () => {
    const created = await officer.call('POST', `/api/portal/authorities/${code}/actions`, NEW);
    expect(created.statusCode).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({ ...NEW, authority: code, programme: 'ylyc', status: 'planned', notes: [] });

    const patched = await officer.call('PATCH', `/api/portal/actions/${action.id}`, { status: 'in_progress', note: 'Caseloads reviewed' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'in_progress', notes: [{ text: 'Caseloads reviewed', by: 'officer@example.org' }] });
    expect((await officer.call('PATCH', `/api/portal/actions/${action.id}`, {})).statusCode).toBe(400);
    expect((await officer.call('PATCH', `/api/portal/actions/${action.id}`, { status: 'finished' })).statusCode).toBe(400);
    expect((await officer.call('PATCH', '/api/portal/actions/99999', { status: 'done' })).statusCode).toBe(404);

    const list = (await officer.call('GET', `/api/portal/authorities/${code}/actions?period=2023`)).json();
    expect(list.actions.map((a: { id: number }) => a.id)).toEqual([action.id]);
    // The rounds to act on, each named as staff know its programme (the page needs no other list for it).
    expect(list.rounds).toContainEqual({ programme: 'ylyc', period: '2023', title: 'Children in care' });
    expect((await officer.call('GET', `/api/portal/authorities/${code}/actions?period=2024`)).json().actions).toEqual([]);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'authority_code', 'detail']).where('action', 'like', 'action_%').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.authority_code])).toEqual([
      ['action_create', code],
      ['action_update', code],
    ]);
    expect(JSON.parse(audit[1]!.detail!)).toEqual({ id: action.id, status: 'in_progress', note: 'Caseloads reviewed' });
  });
});
