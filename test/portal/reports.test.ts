// Reports through the portal: the same model as `hearme report`, free text
// only in the full report, downloads through the report renderers, year on
// year across rounds, and every view and download in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/build.js';
import { ReportSchema } from '../../reports/schema.js';
import { createWave } from '../../server/repos/waves.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { addUser, signIn, type Session } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';

let t: TestApp;
let officer: Session;
let viewer: Session;
let admin: Session;
let waveId: number;
let authority: string;
beforeAll(async () => {
  t = await testApp({ MIN_BASE: '2' });
  const a = await seedWave(t, { period: '2025' });
  waveId = a.waveId;
  authority = a.authorityCode;
  const row = await t.db.selectFrom('authorities').select('id').where('code', '=', authority).executeTakeFirstOrThrow();
  const earlier = await createWave(t.db, { authority_id: row.id, programme: 'ylyc', period: '2023', opens_on: null, closes_on: null });
  await submitResponses(t, earlier.access_code, 3);
  await submitResponses(t, a.code, 4, 'Please let me see my brother more');
  await addUser(t, 'officer@example.org', 'authority_officer', [authority]);
  await addUser(t, 'viewer@example.org', 'viewer', [authority]);
  await addUser(t, 'admin@example.org', 'programme_admin');
  officer = await signIn(t, 'officer@example.org');
  viewer = await signIn(t, 'viewer@example.org');
  admin = await signIn(t, 'admin@example.org');
});
afterAll(() => t.close());

describe('reports in the portal', () => {
  it('are the report model of reports/build.ts, with free text only for officers', async () => {
    const full = (await officer.call('GET', `/api/portal/waves/${waveId}/report`)).json();
    expect(ReportSchema.parse(full.report)).toEqual(
      await buildReport(t.db, { authority, programme: 'ylyc', period: '2025', minBase: 2, freeText: t.app.safeguarding }),
    );
    expect(full.report.comparePeriod).toBe('2023');
    expect(full.comparePeriods).toEqual(['2023']);
    expect(JSON.stringify(full.report.said)).toContain('see my brother');
    const read = (await viewer.call('GET', `/api/portal/waves/${waveId}/report`)).body;
    expect(read).not.toContain('see my brother');
  });

  it('are provisional while the round is open', async () => {
    const { report } = (await officer.call('GET', `/api/portal/waves/${waveId}/report`)).json();
    expect(report.provisional).toBe(true);
    expect(report.trend.find((t: { id: string; band: string }) => t.id === 'feels_safe' && t.band === '11-17').points.map((p: { provisional: boolean }) => p.provisional)).toEqual([true, true]);
    const years = (await officer.call('GET', `/api/portal/authorities/${authority}/years`)).json();
    expect(years.provisionalPeriods).toEqual(['2023', '2025']);
  });

  it('refuse a population below the responses already received (400, with the reason)', async () => {
    const res = await officer.call('PUT', `/api/portal/waves/${waveId}/population`, { bands: { '11-17': 3 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: 'bands.11-17', message: '3 is below the 4 responses already received for ages 11-17' }]);
    expect((await officer.call('PUT', `/api/portal/waves/${waveId}/population`, { bands: { '11-17': 4 } })).statusCode).toBe(200);
  });

  it('refuse a comparison round the authority does not have', async () => {
    expect((await officer.call('GET', `/api/portal/waves/${waveId}/report?compare=2019`)).statusCode).toBe(400);
  });

  it('download as HTML, Word, a one-page summary, CSV and JSON, and the responses as CSV', async () => {
    const html = await officer.call('GET', `/api/portal/waves/${waveId}/report.html`);
    expect(html.headers['content-disposition']).toBe(`attachment; filename="${authority}-ylyc-2025.html"`);
    expect(html.body).toMatch(/^<!doctype html>/i);
    const csv = await officer.call('GET', `/api/portal/waves/${waveId}/report.csv`);
    expect(csv.body.replace(/^\uFEFF/, '')).toMatch(/^authority,authority_name,/);
    const json = await officer.call('GET', `/api/portal/waves/${waveId}/report.json`);
    expect(ReportSchema.parse(JSON.parse(json.body)).period).toBe('2025');
    const responses = await officer.call('GET', `/api/portal/waves/${waveId}/responses.csv`);
    expect(responses.body.trim().split(/\r?\n/)).toHaveLength(5);
    const word = await officer.call('GET', `/api/portal/waves/${waveId}/report.docx`);
    expect(word.headers['content-disposition']).toBe(`attachment; filename="${authority}-ylyc-2025.docx"`);
    expect(word.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // a zip whose first file is the document's content types
    expect(word.rawPayload.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(word.rawPayload.toString('latin1')).toContain('word/document.xml');
    const summary = await officer.call('GET', `/api/portal/waves/${waveId}/report.summary`);
    expect(summary.headers['content-disposition']).toBe(`attachment; filename="${authority}-ylyc-2025-summary.html"`);
    expect(summary.body).toContain('one-page summary for the board');
    expect((await officer.call('GET', `/api/portal/waves/${waveId}/report.pdf`)).statusCode).toBe(400);
  });

  it('show each indicator year on year', async () => {
    const years = (await viewer.call('GET', `/api/portal/authorities/${authority}/years`)).json();
    expect(years.periods).toEqual(['2023', '2025']);
    const safe = years.indicators.find((i: { id: string; band: string }) => i.id === 'feels_safe' && i.band === '11-17');
    expect(safe.points.map((p: { period: string }) => p.period)).toEqual(['2023', '2025']);
    expect(safe.points[1].comparedWith).toBe('2023');
    expect(years.audience).toBe('children');
    // Care leavers are young people, as their reports say, before their first round too.
    const leavers = (await viewer.call('GET', `/api/portal/authorities/${authority}/years?programme=ylbc`)).json();
    expect(leavers).toMatchObject({ audience: 'young_people', periods: [] });
  });

  it('compare only an indicator the band is asked, and say why otherwise (400)', async () => {
    const compare = (q: string) => viewer.call('GET', `/api/portal/compare?period=2025&${q}`);
    expect((await compare('programme=ylyc&indicator=feels_safe&band=11-17')).statusCode).toBe(200);
    const leavers = await compare('programme=ylbc&indicator=knows_social_worker&band=16-25');
    expect(leavers.statusCode).toBe(400);
    expect(leavers.json().issues).toEqual([{ path: 'indicator', message: 'knows_social_worker is not an indicator of ylbc' }]);
    const youngest = await compare('programme=ylyc&indicator=same_social_worker&band=4-7');
    expect(youngest.json().issues).toEqual([{ path: 'indicator', message: 'same_social_worker is not asked in band 4-7 (asked in 11-17)' }]);
  });

  it('are in the audit log, which programme admins read', async () => {
    const { entries } = (await admin.call('GET', `/api/portal/audit?authority=${authority}`)).json();
    const actions = entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('report_view');
    expect(actions).toContain('report_download');
    expect(actions).toContain('export');
    expect(entries.find((e: { action: string }) => e.action === 'export').email).toBe('officer@example.org');
    expect((await officer.call('GET', '/api/portal/audit')).statusCode).toBe(403);
  });
});
