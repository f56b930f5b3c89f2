// Councils' questionnaires through the portal API (issue 14, step 6): a
// file checked with every problem and its JSON path, previewed as
// respondents will read it, stored for an authority (its officers) or for
// everyone (programme admins), and a round opened with it. Scoped on the
// server: another council's questionnaire is not found, and not usable.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAuthority } from '../../server/repos/authorities.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { addUser, sessionOf, type Session } from '../helpers/portal.js';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));
const A = 'E06000043';
const B = 'E06000002';

let t: TestApp;
let admin: Session;
let officerA: Session;
let officerB: Session;
let viewerA: Session;
beforeAll(async () => {
  t = await testApp();
  await addAuthority(t.db, { code: A, name: 'Brighton and Hove', region: null, contact: '01273 290000' });
  await addAuthority(t.db, { code: B, name: 'Middlesbrough', region: null });
  await addUser(t, 'admin@example.org', 'programme_admin');
  await addUser(t, 'officer-a@example.org', 'authority_officer', [A]);
  await addUser(t, 'officer-b@example.org', 'authority_officer', [B]);
  await addUser(t, 'viewer-a@example.org', 'viewer', [A]);
  admin = await sessionOf(t, 'admin@example.org');
  officerA = await sessionOf(t, 'officer-a@example.org');
  officerB = await sessionOf(t, 'officer-b@example.org');
  viewerA = await sessionOf(t, 'viewer-a@example.org');
});
afterAll(() => t.close());

describe('checking a file', () => {
  it('names every problem with its JSON path, as the command line does, and stores nothing', async () => {
    const bad = structuredClone(EXAMPLE);
    bad.locales = ['en', 'cy'];
    bad.questions[1].type = 'agree7';
    const res = await officerA.call('POST', '/api/portal/questionnaires/check', { file: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toContainEqual({ path: '$.questions[1].type', message: expect.stringContaining('agree5') });
    // once the shape is right, every missing translation is named
    bad.questions[1].type = 'agree5';
    const again = (await officerA.call('POST', '/api/portal/questionnaires/check', { file: bad })).json();
    expect(again.issues).toContainEqual({ path: '$.title.cy', message: 'missing translation for cy' });
    expect(again.issues).toContainEqual({ path: '$.questions[0].options[1].text.cy', message: 'missing translation for cy' });
    expect((await officerA.call('GET', '/api/portal/questionnaires')).json().questionnaires).toEqual([]);
  });

  it('previews a valid file in words: its questions, the answers offered, and what hides a question', async () => {
    const res = await officerA.call('POST', '/api/portal/questionnaires/check', { file: EXAMPLE });
    expect(res.statusCode).toBe(200);
    const { preview } = res.json();
    expect(preview).toMatchObject({ id: 'bh-staff', version: 1, title: "Social workers' survey", audience: 'adults', locale: 'en', rtl: false });
    expect(preview.questions[0]).toEqual({
      id: 'role',
      text: 'Your role',
      choices: [
        { value: 'sw', label: 'Social worker' },
        { value: 'pm', label: 'Practice manager' },
      ],
      freeText: false,
      condition: null,
    });
    expect(preview.questions[1].choices.map((c: { label: string }) => c.label)).toEqual(['1 Strongly disagree', '2 Disagree', '3 Neither agree nor disagree', '4 Agree', '5 Strongly agree']);
    expect(preview.questions[3]).toMatchObject({ text: 'Anything else?', freeText: true, choices: [] });
  });

  it('also gives the file as the survey app takes it, for the survey’s own preview screens: a round of it alone, asked by the officer’s council', async () => {
    const { respondentView } = (await officerA.call('POST', '/api/portal/questionnaires/check', { file: EXAMPLE })).json();
    expect(respondentView.wave).toEqual({
      authority: { code: A, name: 'Brighton and Hove', contact: '01273 290000' },
      programme: 'bh-staff',
      period: 'preview',
      open: true,
      instruments: [{ id: 'bh-staff', version: 1, band: respondentView.instrument.band, minAge: 0, maxAge: 0, audience: 'adults' }],
      locales: ['en'],
    });
    expect(respondentView.instrument).toMatchObject({ id: 'bh-staff', version: 1, audience: 'adults', locales: ['en'] });
    expect(respondentView.instrument.questions.map((q: { id: string; scale: string }) => `${q.id}:${q.scale}`)).toEqual([
      'role:options',
      'time_for_children:agree5',
      'reflective_supervision:agree5',
      'anything_else:text',
    ]);
    expect(respondentView.instrument.strings.en['questionnaire.q.time_for_children']).toBe('I have time to build relationships with the children I work with');
  });

  it('is for staff who run rounds: a viewer is refused', async () => {
    expect((await viewerA.call('POST', '/api/portal/questionnaires/check', { file: EXAMPLE })).statusCode).toBe(403);
  });
});

describe('storing and using one', () => {
  it('an officer stores one for their authority (201), the same file again is 200, and not for another authority (404)', async () => {
    const res = await officerA.call('POST', '/api/portal/questionnaires', { authority: A, file: EXAMPLE });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: 'bh-staff', version: 1, outcome: 'added' });
    expect((await officerA.call('POST', '/api/portal/questionnaires', { authority: A, file: EXAMPLE })).json().outcome).toBe('unchanged');
    expect((await officerA.call('POST', '/api/portal/questionnaires', { authority: B, file: { ...EXAMPLE, id: 'bh-other' } })).statusCode).toBe(404);
    // only a programme admin adds one for everyone
    expect((await officerA.call('POST', '/api/portal/questionnaires', { authority: null, file: { ...EXAMPLE, id: 'for-all' } })).statusCode).toBe(403);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'authority_code']).where('action', '=', 'questionnaire_add').execute();
    expect(audit).toEqual([
      { action: 'questionnaire_add', authority_code: A },
      { action: 'questionnaire_add', authority_code: A },
    ]);
  });

  it('a programme admin adds one for everyone; each officer lists their own and everyone’s, never another council’s', async () => {
    const all = { ...EXAMPLE, id: 'carers', title: { en: 'Carers’ survey' } };
    expect((await admin.call('POST', '/api/portal/questionnaires', { authority: null, file: all })).statusCode).toBe(201);
    const ids = async (s: Session) => (await s.call('GET', '/api/portal/questionnaires')).json().questionnaires.map((q: { id: string }) => q.id);
    expect(await ids(officerA)).toEqual(['bh-staff', 'carers']);
    expect(await ids(viewerA)).toEqual(['bh-staff', 'carers']);
    expect(await ids(officerB)).toEqual(['carers']);
    expect(await ids(admin)).toEqual(['bh-staff', 'carers']);
  });

  it('previews a stored one in each of its languages; another council’s is not found', async () => {
    const res = await viewerA.call('GET', '/api/portal/questionnaires/bh-staff?version=1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ preview: { id: 'bh-staff', questions: [{ text: 'Your role' }, {}, {}, {}] }, forEveryone: false, canOpenRound: false });
    expect((await officerA.call('GET', '/api/portal/questionnaires/bh-staff')).json().canOpenRound).toBe(true);
    expect((await officerB.call('GET', '/api/portal/questionnaires/bh-staff')).statusCode).toBe(404);
    expect((await officerB.call('GET', '/api/portal/questionnaires/carers')).statusCode).toBe(200);
    expect((await officerB.call('GET', '/api/portal/questionnaires/no-such')).statusCode).toBe(404);
  });

  it('serves a stored one to the survey’s preview screens, scoped as its preview: another council’s is not found', async () => {
    const own = await viewerA.call('GET', '/api/portal/questionnaires/bh-staff/respondent-view?version=1');
    expect(own.statusCode).toBe(200);
    // staff data: never kept by the browser, nor by the survey's service worker (it leaves /api/portal alone)
    expect(own.headers['cache-control']).toBe('no-store');
    const { wave, instrument } = own.json();
    expect(wave).toMatchObject({ authority: { code: A, name: 'Brighton and Hove' }, programme: 'bh-staff', period: 'preview', open: true });
    // the instrument exactly as a real round's tablet gets it from the public API
    const real = (await t.app.inject({ url: '/api/instruments/bh-staff?version=1' })).json();
    expect(instrument).toEqual(Object.fromEntries(Object.entries(real).filter(([k]) => k !== 'scales')));
    // another council's questionnaire, any version, is answered as if it did not exist
    for (const url of ['/api/portal/questionnaires/bh-staff/respondent-view?version=1', '/api/portal/questionnaires/bh-staff/respondent-view'])
      expect((await officerB.call('GET', url)).statusCode, url).toBe(404);
    // everyone's is asked, in the preview, by the officer's own council
    const carers = await officerB.call('GET', '/api/portal/questionnaires/carers/respondent-view');
    expect(carers.json().wave.authority).toEqual({ code: B, name: 'Middlesbrough', contact: null });
    expect((await officerA.call('GET', '/api/portal/questionnaires/bh-staff/respondent-view?version=2')).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/portal/questionnaires/bh-staff/respondent-view' })).statusCode).toBe(401);
  });

  it('a round opens with one the authority may use; another council’s is refused', async () => {
    const own = await officerA.call('POST', '/api/portal/waves', { authority: A, programme: 'bh-staff', period: '2025' });
    expect(own.statusCode).toBe(201);
    expect((await officerB.call('POST', '/api/portal/waves', { authority: B, programme: 'carers', period: '2025' })).statusCode).toBe(201);
    const theirs = await officerB.call('POST', '/api/portal/waves', { authority: B, programme: 'bh-staff', period: '2025' });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().issues).toEqual([{ path: 'programme', message: 'bh-staff belongs to another authority' }]);
    // even a programme admin cannot open one council's questionnaire for another
    expect((await admin.call('POST', '/api/portal/waves', { authority: B, programme: 'bh-staff', period: '2026' })).statusCode).toBe(400);
    // the rounds list names it by its title (the portal asks for no other list to name it), and so does its filter
    const listed = (await officerA.call('GET', '/api/portal/waves')).json();
    expect(listed.waves).toMatchObject([{ programme: 'bh-staff', title: "Social workers' survey", period: '2025' }]);
    expect(listed.choices.programmes).toEqual([{ id: 'bh-staff', title: "Social workers' survey" }]);
    // and children of the new round get it from the public API
    const code = own.json().code.replace('-', '');
    expect((await t.app.inject({ url: `/api/waves/${code}` })).json().instruments).toMatchObject([{ id: 'bh-staff', audience: 'adults' }]);
  });
});
