// Survey rounds through the portal API: creating, live counts against the
// population, the QR code, closing early (children are then refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthority } from '../../server/repos/authorities.js';
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
      { band: '4-7', responses: 0, population: null, rate: null, low: false, populationLooksWrong: false },
      { band: '8-11', responses: 0, population: null, rate: null, low: false, populationLooksWrong: false },
      // 2 of 8 is 25%: under the 30% line.
      { band: '11-17', responses: 2, population: 8, rate: 25, low: true, populationLooksWrong: false },
    ]);
    await submitResponses(t, code.replace('-', ''), 1);
    const after = (await officer.call('GET', `/api/portal/waves/${id}`)).json();
    expect(after.bands[2]).toEqual({ band: '11-17', responses: 3, population: 8, rate: 37.5, low: false, populationLooksWrong: false });
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
