// The access matrix: every /api/portal route (as Fastify registered them,
// so a new route missing here fails the test) called as each role, as an
// officer of another authority, and signed out. Proves who may do what,
// and that nothing of authority A (its code, name, access code, what its
// children wrote) reaches anyone not entitled to it.
import { readFileSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/db/tables.js';
import { formatAccessCode } from '../../server/access-code.js';
import { addAction } from '../../server/repos/actions.js';
import { saveChildrenResults } from '../../server/repos/children-results.js';
import { createWave } from '../../server/repos/waves.js';
import { storeQuestionnaire } from '../../server/repos/questionnaires.js';
import { answerReference } from '../../server/safeguarding/reference.js';
import { setClosesOn } from '../../server/repos/portal-waves.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { HOST, ORIGIN, PASSWORD, addUser, sessionOf, signIn } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';

type Actor = 'admin' | 'officerA' | 'viewerA' | 'officerB' | 'anonymous';
const ACTORS: Actor[] = ['admin', 'officerA', 'viewerA', 'officerB', 'anonymous'];

interface Ctx {
  a: { code: string; name: string; waveId: number; access: string; authorityId: number };
  b: { code: string };
  /** A fresh wave of authority A, for calls that change a wave. */
  freshWaveA: () => Promise<number>;
  unique: () => number;
  freshUserId: () => Promise<number>;
  flaggedAnswer: { reference: string; question: string };
  /** An action of authority A's wave. */
  actionA: number;
  /** A's children's version for 11-17 in English is saved, so it can be published. */
  saved: void;
}

interface Entry {
  request: (ctx: Ctx) => Promise<InjectOptions> | InjectOptions;
  /** Roles that succeed for authority A (officerB is tested as "another authority"). */
  allowed: readonly Role[];
  /** For routes about one authority: what an officer of another authority gets (404, as if it did not exist). */
  otherAuthority: 'refused' | 'unscoped';
  /** Answers signed out too (200), saying nobody is signed in. */
  open?: true;
  /** Whether viewers may see the access code and free text (they may not). */
}

const ALL: Role[] = ['programme_admin', 'authority_officer', 'viewer'];
const STAFF: Role[] = ['programme_admin', 'authority_officer'];
const ADMIN: Role[] = ['programme_admin'];

const get = (url: string): InjectOptions => ({ method: 'GET', url });
/** A council questionnaire file; each call that stores one gives it an id of its own. */
const QUESTIONNAIRE = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));

const MATRIX: Record<string, Entry> = {
  'POST /api/portal/sign-in': { request: () => ({ method: 'POST', url: '/api/portal/sign-in', payload: { email: 'nobody@example.org', password: 'x' } }), allowed: [], otherAuthority: 'unscoped' },
  'POST /api/portal/sign-out': { request: () => ({ method: 'POST', url: '/api/portal/sign-out' }), allowed: ALL, otherAuthority: 'unscoped' },
  // Set to the same password, so the later calls' sign-ins still work.
  'POST /api/portal/password': { request: () => ({ method: 'POST', url: '/api/portal/password', payload: { current: PASSWORD, password: PASSWORD } }), allowed: ALL, otherAuthority: 'unscoped' },
  'GET /api/portal/me': { request: () => get('/api/portal/me'), allowed: ALL, otherAuthority: 'unscoped' },
  'GET /api/portal/session': { request: () => get('/api/portal/session'), allowed: ALL, otherAuthority: 'unscoped', open: true },
  'POST /api/portal/authorities': {
    request: (c) => ({ method: 'POST', url: '/api/portal/authorities', payload: { code: `E09${String(c.unique()).padStart(6, '0')}`, name: 'New' } }),
    allowed: ADMIN,
    otherAuthority: 'unscoped',
  },
  'GET /api/portal/users': { request: () => get('/api/portal/users'), allowed: ADMIN, otherAuthority: 'unscoped' },
  'POST /api/portal/users': {
    request: (c) => ({ method: 'POST', url: '/api/portal/users', payload: { email: `new${c.unique()}@example.org`, role: 'viewer', authorities: [c.a.code], password: PASSWORD } }),
    allowed: ADMIN,
    otherAuthority: 'unscoped',
  },
  'PATCH /api/portal/users/:id': {
    request: async (c) => ({ method: 'PATCH', url: `/api/portal/users/${await c.freshUserId()}`, payload: { disabled: true } }),
    allowed: ADMIN,
    otherAuthority: 'unscoped',
  },
  'POST /api/portal/users/:id/unlock': {
    request: async (c) => ({ method: 'POST', url: `/api/portal/users/${await c.freshUserId()}/unlock` }),
    allowed: ADMIN,
    otherAuthority: 'unscoped',
  },
  'GET /api/portal/audit': { request: () => get('/api/portal/audit'), allowed: ADMIN, otherAuthority: 'unscoped' },
  'GET /api/portal/waves': { request: () => get('/api/portal/waves'), allowed: ALL, otherAuthority: 'unscoped' },
  'POST /api/portal/waves': {
    request: (c) => ({ method: 'POST', url: '/api/portal/waves', payload: { authority: c.a.code, period: String(2030 + c.unique()) } }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'GET /api/portal/waves/:id': { request: (c) => get(`/api/portal/waves/${c.a.waveId}`), allowed: ALL, otherAuthority: 'refused' },
  'PUT /api/portal/waves/:id/population': {
    request: (c) => ({ method: 'PUT', url: `/api/portal/waves/${c.a.waveId}/population`, payload: { bands: { '11-17': 40 } } }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'POST /api/portal/waves/:id/close': {
    request: async (c) => ({ method: 'POST', url: `/api/portal/waves/${await c.freshWaveA()}/close` }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'GET /api/portal/waves/:id/qr.svg': { request: (c) => get(`/api/portal/waves/${c.a.waveId}/qr.svg`), allowed: STAFF, otherAuthority: 'refused' },
  'GET /api/portal/waves/:id/report': { request: (c) => get(`/api/portal/waves/${c.a.waveId}/report`), allowed: ALL, otherAuthority: 'refused' },
  'GET /api/portal/waves/:id/report.:format': { request: (c) => get(`/api/portal/waves/${c.a.waveId}/report.csv`), allowed: ALL, otherAuthority: 'refused' },
  'GET /api/portal/waves/:id/responses.csv': { request: (c) => get(`/api/portal/waves/${c.a.waveId}/responses.csv`), allowed: STAFF, otherAuthority: 'refused' },
  'GET /api/portal/authorities': { request: () => get('/api/portal/authorities'), allowed: ALL, otherAuthority: 'unscoped' },
  'PATCH /api/portal/authorities/:code': {
    request: (c) => ({ method: 'PATCH', url: `/api/portal/authorities/${c.a.code}`, payload: { contact: '01632 960555' } }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'GET /api/portal/authorities/:code/years': { request: (c) => get(`/api/portal/authorities/${c.a.code}/years`), allowed: ALL, otherAuthority: 'refused' },
  'GET /api/portal/compare': {
    request: () => get('/api/portal/compare?period=2024&indicator=feels_safe&band=11-17'),
    allowed: ALL,
    otherAuthority: 'unscoped',
  },
  'GET /api/portal/authorities/:code/safeguarding': { request: (c) => get(`/api/portal/authorities/${c.a.code}/safeguarding`), allowed: STAFF, otherAuthority: 'refused' },
  'POST /api/portal/safeguarding/:reference/:question/seen': {
    request: (c) => ({ method: 'POST', url: `/api/portal/safeguarding/${c.flaggedAnswer.reference}/${c.flaggedAnswer.question}/seen`, payload: { note: 'passed to the duty team' } }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'GET /api/portal/authorities/:code/actions': { request: (c) => get(`/api/portal/authorities/${c.a.code}/actions`), allowed: ALL, otherAuthority: 'refused' },
  'POST /api/portal/authorities/:code/actions': {
    request: (c) => ({
      method: 'POST',
      url: `/api/portal/authorities/${c.a.code}/actions`,
      payload: { period: '2024', indicator: 'feels_safe', band: '11-17', pledge: 'A key to every bedroom', owner: 'Head of service', due: '2025-03-31' },
    }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'PATCH /api/portal/actions/:id': {
    request: (c) => ({ method: 'PATCH', url: `/api/portal/actions/${c.actionA}`, payload: { status: 'in_progress', note: 'Locks ordered' } }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'GET /api/portal/waves/:id/children-results': { request: (c) => get(`/api/portal/waves/${c.a.waveId}/children-results`), allowed: ALL, otherAuthority: 'refused' },
  'PUT /api/portal/waves/:id/children-results/:band/:locale': {
    request: (c) => ({ method: 'PUT', url: `/api/portal/waves/${c.a.waveId}/children-results/11-17/cy`, payload: { good: [], change: [], pledges: ['Gweithiwr allweddol i bob plentyn'] } }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'POST /api/portal/waves/:id/children-results/:band/:locale/publish': {
    request: (c) => ({ method: 'POST', url: `/api/portal/waves/${c.a.waveId}/children-results/11-17/en/publish` }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  'GET /api/portal/questionnaires': { request: () => get('/api/portal/questionnaires'), allowed: ALL, otherAuthority: 'unscoped' },
  'POST /api/portal/questionnaires/check': {
    request: () => ({ method: 'POST', url: '/api/portal/questionnaires/check', payload: { file: QUESTIONNAIRE } }),
    allowed: STAFF,
    otherAuthority: 'unscoped',
  },
  'POST /api/portal/questionnaires': {
    request: (c) => ({ method: 'POST', url: '/api/portal/questionnaires', payload: { authority: c.a.code, file: { ...QUESTIONNAIRE, id: `matrix-${c.unique()}` } } }),
    allowed: STAFF,
    otherAuthority: 'refused',
  },
  // Authority A's own questionnaire (stored in beforeAll).
  'GET /api/portal/questionnaires/:id': { request: () => get('/api/portal/questionnaires/matrix-a'), allowed: ALL, otherAuthority: 'refused' },
  'GET /api/portal/questionnaires/:id/respondent-view': { request: () => get('/api/portal/questionnaires/matrix-a/respondent-view'), allowed: ALL, otherAuthority: 'refused' },
};

const ROLE_OF: Record<Exclude<Actor, 'anonymous'>, Role> = { admin: 'programme_admin', officerA: 'authority_officer', viewerA: 'viewer', officerB: 'authority_officer' };
const FLAG_TEXT = 'my carer hit me and I feel unsafe';

let t: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  t = await testApp({ MIN_BASE: '2' });
  const a = await seedWave(t);
  const b = await seedWave(t);
  // Eight more authorities with closed rounds, so that officers see an anonymous spread in compare.
  const others = [];
  for (let i = 0; i < 8; i++) others.push(await seedWave(t));
  await submitResponses(t, a.code, 3, FLAG_TEXT);
  await submitResponses(t, b.code, 3);
  for (const o of others) {
    await submitResponses(t, o.code, 3);
    await setClosesOn(t.db, o.waveId, '2000-01-01');
  }
  const authorityA = (await t.db.selectFrom('authorities').selectAll().where('code', '=', a.authorityCode).executeTakeFirstOrThrow());
  const flagged = await t.db
    .selectFrom('answers')
    .innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['responses.uuid', 'answers.question'])
    .where('responses.wave_id', '=', a.waveId)
    .where('answers.value', '=', FLAG_TEXT)
    .executeTakeFirstOrThrow();
  let n = 0;
  ctx = {
    a: { code: a.authorityCode, name: authorityA.name, waveId: a.waveId, access: a.code, authorityId: authorityA.id },
    b: { code: b.authorityCode },
    unique: () => ++n,
    freshWaveA: async () => (await createWave(t.db, { authority_id: authorityA.id, programme: 'ylbc', period: String(2100 + ++n), opens_on: null, closes_on: null })).id,
    freshUserId: async () => addUser(t, `throwaway${++n}@example.org`, 'viewer', [a.authorityCode]),
    flaggedAnswer: { reference: answerReference(flagged.uuid), question: flagged.question },
    saved: await saveChildrenResults(t.db, a.waveId, '11-17', 'en', { good: [], change: [], pledges: ['A key worker for every child'] }, null),
    actionA: (await addAction(t.db, { waveId: a.waveId, indicator: 'feels_safe', band: null, pledge: 'Ask every child', owner: 'QA manager', due: '2025-01-31', createdBy: null })).id,
  };
  await storeQuestionnaire(t.db, { ...QUESTIONNAIRE, id: 'matrix-a' }, authorityA.id);
  await addUser(t, 'admin@example.org', 'programme_admin');
  await addUser(t, 'officer-a@example.org', 'authority_officer', [a.authorityCode]);
  await addUser(t, 'viewer-a@example.org', 'viewer', [a.authorityCode]);
  await addUser(t, 'officer-b@example.org', 'authority_officer', [b.authorityCode]);
});
afterAll(() => t?.close());

const EMAIL: Record<Exclude<Actor, 'anonymous'>, string> = {
  admin: 'admin@example.org',
  officerA: 'officer-a@example.org',
  viewerA: 'viewer-a@example.org',
  officerB: 'officer-b@example.org',
};

async function call(actor: Actor, key: string) {
  // A fresh session for every call: sign-out ends one, and user changes end the changed user's.
  const s = actor === 'anonymous' ? null : await sessionOf(t, EMAIL[actor]);
  const opts = await MATRIX[key]!.request(ctx);
  return t.app.inject({
    ...opts,
    headers: { host: HOST, origin: ORIGIN, ...(s && { cookie: s.cookie, 'x-csrf-token': s.csrf }) },
  });
}

describe('the access matrix', () => {
  it('covers every registered portal route, and only those', () => {
    const registered = t.app.portalRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.length).toBeGreaterThan(10);
    expect(registered).toEqual(Object.keys(MATRIX).sort());
  });

  for (const key of Object.keys(MATRIX))
    describe(key, () => {
      for (const actor of ACTORS)
        it(`as ${actor}`, async () => {
          const entry = MATRIX[key]!;
          const res = await call(actor, key);
          const body = res.body;
          // Every portal answer, refusals included, may carry what children wrote: never kept in a cache.
          expect(res.headers['cache-control']).toBe('no-store');
          if (key === 'POST /api/portal/sign-in') {
            expect(res.statusCode).toBe(401);
            return;
          }
          if (actor === 'anonymous') {
            expect(res.statusCode).toBe(entry.open ? 200 : 401);
          } else if (!entry.allowed.includes(ROLE_OF[actor])) {
            expect([403, 404]).toContain(res.statusCode);
          } else if (actor === 'officerB' && entry.otherAuthority === 'refused') {
            expect(res.statusCode).toBe(404);
          } else {
            expect(res.statusCode, body).toBeGreaterThanOrEqual(200);
            expect(res.statusCode, body).toBeLessThan(300);
          }
          // Nothing of authority A to anyone outside it.
          if (actor === 'anonymous' || actor === 'officerB') {
            expect(body).not.toContain(ctx.a.code);
            expect(body).not.toContain(ctx.a.name);
            expect(body).not.toContain(formatAccessCode(ctx.a.access));
            expect(body).not.toContain(FLAG_TEXT);
          }
          // Viewers read reports but never the access code or what children wrote.
          if (actor === 'viewerA') {
            expect(body).not.toContain(formatAccessCode(ctx.a.access));
            expect(body).not.toContain(FLAG_TEXT);
          }
        });
    });

  it('shows an officer of another authority only an anonymous distribution in compare', async () => {
    const s = await signIn(t, EMAIL.officerB);
    const res = (await s.call('GET', '/api/portal/compare?period=2024&indicator=feels_safe&band=11-17')).json();
    expect(res.authorities.map((a: { code: string }) => a.code)).toEqual([ctx.b.code]);
    // A's round is still open, so only the eight closed ones make the spread
    expect(res.others).toMatchObject({ authorities: 8, hidden: false });
    const admin = await signIn(t, EMAIL.admin);
    const all = (await admin.call('GET', '/api/portal/compare?period=2024&indicator=feels_safe&band=11-17')).json();
    expect(all.authorities).toHaveLength(10);
    expect(all.others).toBeNull();
  });

  it('lists to each user only the waves of their authorities', async () => {
    const s = await signIn(t, EMAIL.officerA);
    const { waves } = (await s.call('GET', '/api/portal/waves')).json() as { waves: { authority: { code: string } }[] };
    expect(waves.length).toBeGreaterThan(0);
    expect(new Set(waves.map((w) => w.authority.code))).toEqual(new Set([ctx.a.code]));
  });

  it('audit-logs report views, downloads, exports, wave and safeguarding actions', async () => {
    const actions = new Set((await t.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action));
    for (const a of ['sign_in', 'sign_out', 'report_view', 'report_download', 'export', 'wave_create', 'wave_population', 'wave_close', 'safeguarding_view', 'safeguarding_seen', 'user_create', 'user_update', 'authority_create', 'authority_update', 'action_create', 'action_update', 'children_results_save', 'children_results_publish', 'questionnaire_add'])
      expect(actions, a).toContain(a);
  });
});
