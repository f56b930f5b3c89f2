// The children's version of the results: suggested from the report, saved
// with words worked out on the server (never figures, nothing under
// MIN_BASE), not public until published (audited), then shown at
// /api/results/CODE (the A4 poster is checked in
// Chromium in test/browser/children-results-page.test.ts).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/build.js';
import { storeQuestionnaire } from '../../server/repos/questionnaires.js';
import { createWave } from '../../server/repos/waves.js';
import { figureWords } from '../../surveys/results-wording.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { addUser, signIn, type Session } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';

let t: TestApp;
let officer: Session;
let wave: { code: string; waveId: number; authorityCode: string };
let nextCode: string;

beforeAll(async () => {
  t = await testApp({ MIN_BASE: '3' });
  wave = await seedWave(t);
  await submitResponses(t, wave.code, 3);
  const authority = await t.db.selectFrom('authorities').select('id').where('code', '=', wave.authorityCode).executeTakeFirstOrThrow();
  nextCode = (await createWave(t.db, { authority_id: authority.id, programme: 'ylyc', period: '2025', opens_on: null, closes_on: null })).access_code;
  await addUser(t, 'officer@example.org', 'authority_officer', [wave.authorityCode]);
  officer = await signIn(t, 'officer@example.org');
});
afterAll(async () => {
  await t?.close();
});

const base = () => `/api/portal/waves/${wave.waveId}/children-results`;
const publicResults = (code: string, query = '') => t.app.inject({ method: 'GET', url: `/api/results/${code}${query}` });

describe("the children's version of the results", () => {
  let suggestion: { good: string[]; change: string[]; pledges: string[] };

  it('suggests findings per band from the report; nothing is public yet', async () => {
    const res = (await officer.call('GET', base())).json();
    expect(res.bands).toEqual(['4-7', '8-11', '11-17']);
    expect(res.versions).toEqual([]);
    suggestion = res.suggestions['11-17'];
    expect(suggestion.good.length).toBeGreaterThan(0);
    expect(suggestion.change.length).toBeGreaterThan(0);
    // Nobody answered 4-7: nothing to suggest.
    expect(res.suggestions['4-7']).toEqual({ good: [], change: [], pledges: [] });
    expect((await publicResults(wave.code)).statusCode).toBe(404);
  });

  it('refuses a finding with no figure to show, and anything but indicator ids and pledges', async () => {
    const small = await officer.call('PUT', `${base()}/4-7/en`, { good: ['feels_safe'], change: [], pledges: [] });
    expect(small.statusCode).toBe(400);
    expect(small.json().error).toContain('feels_safe has no figure to show for ages 4-7');
    expect((await officer.call('PUT', `${base()}/11-17/en`, { ...suggestion, said: ['a child wrote this'] })).statusCode).toBe(400);
    expect((await officer.call('PUT', `${base()}/11-17/fr`, suggestion)).statusCode).toBe(400);
  });

  it('saves words worked out from the report; publishes (audited); then, and only then, children see it', async () => {
    const saved = await officer.call('PUT', `${base()}/11-17/en`, { ...suggestion, pledges: ['Every child will have a key worker'] });
    expect(saved.statusCode).toBe(200);
    const { content } = saved.json();
    const report = await buildReport(t.db, { authority: wave.authorityCode, programme: 'ylyc', period: '2024', minBase: 3, freeText: null });
    for (const f of [...content.good, ...content.change]) {
      const row = report.indicators.find((i) => i.id === f.indicator && i.band === '11-17')!;
      expect(f.words, f.indicator).toBe(figureWords(row, 3));
    }
    expect(JSON.stringify(content)).not.toMatch(/\d/);
    expect((await publicResults(wave.code)).statusCode).toBe(404);

    expect((await officer.call('POST', `${base()}/11-17/en/publish`)).statusCode).toBe(200);
    expect((await officer.call('POST', `${base()}/8-11/en/publish`)).statusCode).toBe(404);
    for (const locale of ['cy', 'ar']) {
      expect((await officer.call('PUT', `${base()}/11-17/${locale}`, { ...suggestion, pledges: ['…'] })).statusCode).toBe(200);
      expect((await officer.call('POST', `${base()}/11-17/${locale}/publish`)).statusCode).toBe(200);
    }
    const audit = await t.db.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'children_results_%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['children_results_save', 'children_results_publish', 'children_results_save', 'children_results_publish', 'children_results_save', 'children_results_publish']);

    const own = await publicResults(wave.code);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ period: '2024', versions: [{ band: '11-17', locale: 'ar' }, { band: '11-17', locale: 'cy' }, { band: '11-17', locale: 'en', content }] });
    // The next round's start screen asks for the last round's.
    expect((await publicResults(nextCode, '?last=1')).json().period).toBe('2024');
    expect((await publicResults(nextCode)).statusCode).toBe(404);
    // Saving again withdraws it until published again.
    await officer.call('PUT', `${base()}/11-17/en`, suggestion);
    expect((await publicResults(wave.code)).json().versions.map((v: { locale: string }) => v.locale)).toEqual(['ar', 'cy']);
  });
});

describe('a round of an adults’ questionnaire (carers, staff)', () => {
  it('has no results for children: the children’s version is refused, saving and publishing too', async () => {
    const authority = await t.db.selectFrom('authorities').select('id').where('code', '=', wave.authorityCode).executeTakeFirstOrThrow();
    const staff = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));
    await storeQuestionnaire(t.db, staff, authority.id);
    const round = await createWave(t.db, { authority_id: authority.id, programme: 'bh-staff', period: '2024', opens_on: null, closes_on: null });
    const url = `/api/portal/waves/${round.id}/children-results`;
    for (const [method, path] of [['GET', url], ['PUT', `${url}/adults/en`], ['POST', `${url}/adults/en/publish`]] as const) {
      const res = await officer.call(method, path, method === 'PUT' ? { good: [], change: [], pledges: ['More time'] } : undefined);
      expect([method, res.statusCode, res.json().error]).toEqual([method, 409, 'a round of a questionnaire for adults has no results for children']);
    }
  });
});

