// Survey rounds through the portal API: creating, live counts against the
// population, the QR code, closing early (children are then refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthority, findAuthority } from '../../server/repos/authorities.js';
import { createWave } from '../../server/repos/waves.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { addUser, signIn, type Session } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';

let t: TestApp;
let officer: Session;
let viewer: Session;
beforeAll(async () => {
  t = await testApp();
  await addAuthority(t.db, { code: 'E06000002', name: 'Middlesbrough', region: null });
  await addUser(t, 'officer@example.org', 'authority_officer', ['E06000002']);
  await addUser(t, 'viewer@example.org', 'viewer', ['E06000002']);
  officer = await signIn(t, 'officer@example.org');
  viewer = await signIn(t, 'viewer@example.org');
});
afterAll(() => t.close());

describe('survey rounds in the portal', () => {
  let id = 0;
  let code = '';

  it('opens a round, refusing a second one for the same period and a bad date range', async () => {
    const res = await officer.call('POST', '/api/portal/waves', { authority: 'e06000002', period: '2025' });
    expect(res.statusCode).toBe(201);
    ({ id, code } = res.json());
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const twice = await officer.call('POST', '/api/portal/waves', { authority: 'E06000002', period: '2025' });
    expect(twice.statusCode).toBe(409);
    // The programme by the name staff know it by, not its id.
    expect(twice.json().error).toBe('Middlesbrough already has a children in care round for 2025');
    const bad = await officer.call('POST', '/api/portal/waves', { authority: 'E06000002', period: '2026', opensOn: '2026-05-01', closesOn: '2026-04-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([{ path: 'closesOn', message: 'the closing date is before the opening date' }]);
  });

  it('counts responses per band as they arrive, with the rate against the population', async () => {
    expect((await officer.call('PUT', `/api/portal/waves/${id}/population`, { bands: { '11-17': 8 } })).statusCode).toBe(200);
    expect((await officer.call('PUT', `/api/portal/waves/${id}/population`, { bands: { '16-25': 8 } })).statusCode).toBe(400);
    await submitResponses(t, code.replace('-', ''), 2);
    const wave = (await officer.call('GET', `/api/portal/waves/${id}`)).json();
    expect(wave.threshold).toBe(30);
    expect(wave.bands).toEqual([
      { band: '4-7', audience: 'children', responses: 0, population: null, rate: null, low: false, populationLooksWrong: false },
      { band: '8-11', audience: 'children', responses: 0, population: null, rate: null, low: false, populationLooksWrong: false },
      // 2 of 8 is 25%: under the 30% line.
      { band: '11-17', audience: 'young_people', responses: 2, population: 8, rate: 25, low: true, populationLooksWrong: false },
    ]);
    await submitResponses(t, code.replace('-', ''), 1);
    const after = (await officer.call('GET', `/api/portal/waves/${id}`)).json();
    expect(after.bands[2]).toEqual({ band: '11-17', audience: 'young_people', responses: 3, population: 8, rate: 37.5, low: false, populationLooksWrong: false });
  });

  it('gives the access code as an SVG QR code to officers, and neither to viewers', async () => {
    const qr = await officer.call('GET', `/api/portal/waves/${id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await viewer.call('GET', `/api/portal/waves/${id}/qr.svg`)).statusCode).toBe(403);
    expect((await viewer.call('GET', `/api/portal/waves/${id}`)).json().code).toBeNull();
  });

  it('closes a round early: children are refused from then on, and it cannot be closed twice', async () => {
    const res = await officer.call('POST', `/api/portal/waves/${id}/close`);
    expect(res.statusCode).toBe(200);
    expect((await officer.call('GET', `/api/portal/waves/${id}`)).json().open).toBe(false);
    const lookup = await t.app.inject({ method: 'GET', url: `/api/waves/${code}` });
    expect(lookup.json().open).toBe(false);
    await expect(submitResponses(t, code.replace('-', ''), 1)).rejects.toThrow(/403/);
    expect((await officer.call('POST', `/api/portal/waves/${id}/close`)).statusCode).toBe(409);
  });
});

describe("an authority's details in the portal", () => {
  it('an officer keeps the contact children see up to date, but may not rename the authority', async () => {
    const res = await officer.call('PATCH', '/api/portal/authorities/E06000002', { contact: ' 01632 960444 ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 'E06000002', name: 'Middlesbrough', region: null, contact: '01632 960444' });
    const rename = await officer.call('PATCH', '/api/portal/authorities/E06000002', { name: 'Somewhere else', contact: '' });
    expect(rename.statusCode).toBe(403);
    expect((await officer.call('PATCH', '/api/portal/authorities/E06000002', {})).statusCode).toBe(400);
    expect((await viewer.call('PATCH', '/api/portal/authorities/E06000002', { contact: 'x' })).statusCode).toBe(403);
    // Nothing of the refused changes was stored.
    const { authorities } = (await officer.call('GET', '/api/portal/authorities')).json();
    expect(authorities).toEqual([{ code: 'E06000002', name: 'Middlesbrough', region: null, contact: '01632 960444' }]);
  });

  it('a programme admin renames it and sets its region; an empty contact clears it', async () => {
    await addUser(t, 'admin@example.org', 'programme_admin');
    const admin = await signIn(t, 'admin@example.org');
    const res = await admin.call('PATCH', '/api/portal/authorities/E06000002', { name: 'Middlesbrough Council', region: 'North East', contact: '' });
    expect(res.json()).toEqual({ code: 'E06000002', name: 'Middlesbrough Council', region: 'North East', contact: null });
    const logged = await t.db.selectFrom('audit_log').select(['email', 'detail']).where('action', '=', 'authority_update').orderBy('id').execute();
    expect(logged.map((l) => [l.email, JSON.parse(l.detail!)])).toEqual([
      ['officer@example.org', { contact: '01632 960444' }],
      ['admin@example.org', { name: 'Middlesbrough Council', region: 'North East', contact: '' }],
    ]);
  });
});

// Issue 15, item 7: about 2,000 rounds at national scale, so the list is
// filtered and paged by the server (the page asks for 25 at a time), with
// the total matching and the values each filter can take, and still only
// the user's authorities' rounds whatever the filters ask for.
describe('the rounds list, filtered and paged by the server', () => {
  type Listed = { waves: { id: number }[]; total: number; page: number; perPage: number | null; choices: Record<string, unknown> };
  const ids: Record<string, number> = {};
  let admin: Session;
  const list = async (s: Session, query: string) => {
    const res = await s.call('GET', `/api/portal/waves${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Listed;
  };
  const named = (l: Listed) => l.waves.map((w) => Object.entries(ids).find(([, id]) => id === w.id)?.[0] ?? `other ${w.id}`);

  beforeAll(async () => {
    const a = (await findAuthority(t.db, 'E06000002'))!;
    const b = await addAuthority(t.db, { code: 'E06000003', name: 'Redcar and Cleveland', region: null });
    const c = await addAuthority(t.db, { code: 'E06000004', name: 'Stockton-on-Tees', region: null });
    const rounds = [
      ['a24', a.id, 'ylyc', '2024', true],
      ['a24b', a.id, 'ylbc', '2024', false],
      ['b23', b.id, 'ylyc', '2023', true],
      ['b24', b.id, 'ylyc', '2024', false],
      ['b24b', b.id, 'ylbc', '2024', true],
      ['c24', c.id, 'ylyc', '2024', false],
    ] as const;
    for (const [name, authority_id, programme, period, closed] of rounds) {
      const w = await createWave(t.db, { authority_id, programme, period, opens_on: null, closes_on: closed ? '2020-01-01' : null });
      ids[name] = w.id;
    }
    await addUser(t, 'lists@example.org', 'programme_admin');
    admin = await signIn(t, 'lists@example.org');
  });

  it('pages a filter’s rounds, newest period first then by authority and programme, with the total matching', async () => {
    const first = await list(admin, '?period=2024&perPage=2');
    expect(named(first)).toEqual(['a24b', 'a24']);
    expect([first.total, first.page, first.perPage]).toEqual([5, 1, 2]);
    expect(named(await list(admin, '?period=2024&perPage=2&page=2'))).toEqual(['b24b', 'b24']);
    const last = await list(admin, '?period=2024&perPage=2&page=3');
    expect([named(last), last.total]).toEqual([['c24'], 5]);
    // 25 a page unless asked: the portal's page.
    expect((await list(admin, '?period=2024&page=1')).perPage).toBe(25);
  });

  it('filters by authority, programme, period and status, together', async () => {
    const closed = await list(admin, '?period=2024&state=closed');
    expect([named(closed), closed.total]).toEqual([['a24', 'b24b'], 2]);
    const ylbc = await list(admin, '?programme=ylbc&state=open');
    expect(named(ylbc)).toEqual(['a24b']);
    expect(ylbc.waves[0]).toMatchObject({ programme: 'ylbc', title: 'Care leavers' });
    expect(named(await list(admin, '?authority=e06000003'))).toEqual(['b24b', 'b24', 'b23']);
    expect(named(await list(admin, '?authority=E06000003&programme=ylyc&period=2023&state=closed'))).toEqual(['b23']);
    expect((await list(admin, '?authority=E06000004&state=closed')).total).toBe(0);
  });

  it('gives each filter’s values among the rounds the user may see', async () => {
    expect((await list(admin, '?perPage=1')).choices).toEqual({
      authorities: [
        { code: 'E06000002', name: 'Middlesbrough Council' },
        { code: 'E06000003', name: 'Redcar and Cleveland' },
        { code: 'E06000004', name: 'Stockton-on-Tees' },
      ],
      // Each programme with the name staff know it by (a questionnaire's title: test/portal/questionnaires.test.ts).
      programmes: [
        { id: 'ylbc', title: 'Care leavers' },
        { id: 'ylyc', title: 'Children in care' },
      ],
      periods: ['2025', '2024', '2023'],
    });
    expect((await list(officer, '?perPage=1')).choices).toEqual({
      authorities: [{ code: 'E06000002', name: 'Middlesbrough Council' }],
      programmes: [
        { id: 'ylbc', title: 'Care leavers' },
        { id: 'ylyc', title: 'Children in care' },
      ],
      periods: ['2025', '2024'],
    });
  });

  it('keeps an officer to their authorities’ rounds whatever the filters ask', async () => {
    const theirs = await list(officer, '?authority=E06000003');
    expect([theirs.waves, theirs.total]).toEqual([[], 0]);
    expect(named(await list(officer, '?period=2024'))).toEqual(['a24b', 'a24']);
    const all = await list(viewer, '');
    expect(all.total).toBe(3);
    expect(all.waves).toHaveLength(3);
    expect(all.perPage).toBeNull();
  });

  it('refuses a filter or page it cannot read, naming it', async () => {
    for (const [query, path] of [['?state=maybe', 'state'], ['?perPage=501', 'perPage'], ['?page=0', 'page'], ['?authority=Leeds', 'authority'], ['?period=24', 'period']]) {
      const res = await admin.call('GET', `/api/portal/waves${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path), query).toContain(path);
    }
    expect((await admin.call('GET', '/api/portal/waves?sort=name')).statusCode).toBe(400);
  });
});
