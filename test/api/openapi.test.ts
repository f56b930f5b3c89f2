// Issue 15, item 4: the OpenAPI 3.1 description at /api/openapi.json. It
// is a valid OpenAPI document (checked by an independent validator), it
// has every API route the real app registered with its methods (and
// nothing the app does not serve), its parameters and bodies are the
// routes' own zod schemas, every success body has its schema (the one its
// replies are parsed with, and real replies match the document), an
// undescribed route stops the app from building, and it says nothing of
// the installation it comes from.
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import openapi, { openApiPath } from '../../server/openapi.js';
import { seedWave, testApp, type TestApp } from '../helpers/app.js';
import { addUser, anonymous, sessionOf, type Session } from '../helpers/portal.js';
import { submitResponses } from '../helpers/portal-seed.js';
import { WORRYING_TEXT } from '../helpers/report-data.js';

type Media = Record<string, { schema: Record<string, unknown> }>;
type Operation = {
  responses: Record<string, { description: string; content?: Media }>;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  security: Record<string, string[]>[];
  tags: string[];
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
const EXAMPLE = JSON.parse(readFileSync(new URL('../../docs/examples/questionnaire-bh-staff.json', import.meta.url), 'utf8'));

const SECRET_HOST = 'hearme.secret-council.example';
let t: TestApp;
let raw: string;
let doc: Doc;

beforeAll(async () => {
  t = await testApp({ PUBLIC_URL: `https://${SECRET_HOST}`, MIN_BASE: '7' });
  // No cookie: the description is public, like the source.
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  raw = res.body;
  doc = res.json() as Doc;
});
afterAll(() => t?.close());

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(JSON.parse(raw) as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes every /api route the app registered, with its methods, and no other', () => {
    // Recorded by the onRoute hooks as Fastify registered them: all API routes, and the portal's own list (a separate hook).
    const registered = new Set(t.app.apiRoutes.map((r) => `${r.method} ${openApiPath(r.url)}`));
    for (const r of t.app.portalRoutes) registered.add(`${r.method} ${openApiPath(r.url)}`);
    const described = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(registered.size).toBeGreaterThan(35);
    expect([...described].sort()).toEqual([...registered].sort());
    // And each is really served (nothing described that the app would answer 404 to).
    for (const r of t.app.apiRoutes) expect(t.app.hasRoute({ method: r.method as 'GET', url: r.url }), `${r.method} ${r.url}`).toBe(true);
    for (const key of ['GET /api/openapi.json', 'POST /api/responses', 'GET /api/portal/session', 'GET /api/portal/waves/{id}/report.{format}'])
      expect(described).toContain(key);
  });

  it('gives parameters and bodies as the routes’ zod schemas validate them', () => {
    const submit = doc.paths['/api/responses']!.post!;
    expect(submit.requestBody!.required).toBe(true);
    const body = submit.requestBody!.content['application/json']!.schema;
    expect(body).toMatchObject({ type: 'object', additionalProperties: false, required: ['id', 'code', 'instrument', 'version', 'answers'] });
    expect(body.properties).toMatchObject({ id: { type: 'string', format: 'uuid' }, code: { type: 'string', maxLength: 32 }, version: { type: 'integer', minimum: 1 } });
    // The audit log's filters: a coerced, bounded integer with its default, an ONS code pattern.
    const audit = Object.fromEntries(doc.paths['/api/portal/audit']!.get!.parameters.map((p) => [p.name, p]));
    expect(audit.limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } });
    expect(audit.authority).toMatchObject({ in: 'query', required: false, schema: { type: 'string', pattern: '^[EWSN]\\d{8}$' } });
    const download = doc.paths['/api/portal/waves/{id}/report.{format}']!.get!;
    expect(download.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.required])).toEqual([['id', true], ['format', true]]);
    expect(download.parameters.find((p) => p.name === 'format')!.schema.enum).toEqual(['html', 'csv', 'json', 'docx', 'summary']);
  });

  it('says which calls need the session cookie and which also the CSRF token', () => {
    expect(doc.paths['/api/waves/{code}']!.get!.security).toEqual([]);
    expect(doc.paths['/api/portal/sign-in']!.post!.security).toEqual([]);
    expect(doc.paths['/api/portal/session']!.get!.security).toEqual([]);
    expect(doc.paths['/api/portal/waves']!.get!.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/portal/waves']!.post!.security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.paths['/api/portal/waves']!.get!.tags).toEqual(['portal']);
  });

  it('says nothing of this installation: no address, folder, database or setting', () => {
    for (const secret of [SECRET_HOST, t.dir, t.config.databasePath, 'secret-council', 'sqlite']) expect(raw).not.toContain(secret);
    expect(raw).not.toMatch(/"servers"/);
  });
});

/** Each JSON success answer of the document: path, method, status and its body's schema. */
const jsonSuccesses = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) =>
      Object.entries(op.responses)
        .filter(([status, r]) => Number(status) < 300 && r.content?.['application/json'])
        .map(([status, r]) => ({ path, method, status, schema: r.content!['application/json']!.schema })),
    ),
  );

describe('success bodies', () => {
  it('every JSON success answer has the schema of its body, not just "an object"', () => {
    const all = jsonSuccesses();
    expect(all.length).toBeGreaterThan(35);
    const vague = all.filter((r) => !r.schema.properties && !r.schema.anyOf && !r.schema.oneOf).map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(vague).toEqual([]);
    // Some, spelled out: the public round, the portal's rounds and the report's full model.
    const round = doc.paths['/api/waves/{code}']!.get!.responses['200']!.content!['application/json']!.schema;
    expect(round).toMatchObject({ type: 'object', required: expect.arrayContaining(['authority', 'programme', 'period', 'open', 'instruments', 'locales']) });
    const report = doc.paths['/api/portal/waves/{id}/report']!.get!.responses['200']!.content!['application/json']!.schema as { properties: Record<string, { required?: string[] }> };
    expect(report.properties.report!.required).toEqual(expect.arrayContaining(['indicators', 'scores', 'breakdowns', 'trend', 'said', 'actions']));
  });

  it('the real answers of every GET route with a JSON body match the document', async () => {
    // A round with answers (some worrying), an action, a published children's version and a stored questionnaire.
    await addUser(t, 'admin@example.org', 'programme_admin');
    const admin: Session = await sessionOf(t, 'admin@example.org');
    const wave = await seedWave(t, { period: '2024' });
    await submitResponses(t, wave.code, 8, WORRYING_TEXT);
    const authority = `/api/portal/authorities/${wave.authorityCode}`;
    const action = { period: '2024', indicator: 'same_social_worker', band: '11-17', pledge: 'Fewer changes of social worker', owner: 'Head of service', due: '2025-03-31' };
    expect((await admin.call('POST', `${authority}/actions`, action)).statusCode).toBe(201);
    const results = `/api/portal/waves/${wave.waveId}/children-results`;
    const suggestion = (await admin.call('GET', results)).json().suggestions['11-17'];
    expect((await admin.call('PUT', `${results}/11-17/en`, suggestion)).statusCode).toBe(200);
    expect((await admin.call('POST', `${results}/11-17/en/publish`)).statusCode).toBe(200);
    expect((await admin.call('POST', '/api/portal/questionnaires', { authority: null, file: EXAMPLE })).statusCode).toBe(201);

    // One real request for each: a GET route added without one here fails the check below.
    const samples: Record<string, string> = {
      '/api/health': '/api/health',
      '/api/openapi.json': '/api/openapi.json',
      '/api/waves/{code}': `/api/waves/${wave.code}`,
      '/api/instruments/{id}': '/api/instruments/ylyc-11-17',
      '/api/results/{code}': `/api/results/${wave.code}`,
      '/api/portal/session': '/api/portal/session',
      '/api/portal/me': '/api/portal/me',
      '/api/portal/authorities': '/api/portal/authorities',
      '/api/portal/users': '/api/portal/users',
      '/api/portal/audit': '/api/portal/audit',
      '/api/portal/waves': '/api/portal/waves',
      '/api/portal/waves/{id}': `/api/portal/waves/${wave.waveId}`,
      '/api/portal/waves/{id}/report': `/api/portal/waves/${wave.waveId}/report`,
      '/api/portal/waves/{id}/children-results': results,
      '/api/portal/authorities/{code}/actions': `${authority}/actions`,
      '/api/portal/authorities/{code}/safeguarding': `${authority}/safeguarding`,
      '/api/portal/authorities/{code}/years': `${authority}/years`,
      '/api/portal/compare': '/api/portal/compare?period=2024&indicator=same_social_worker&band=11-17',
      '/api/portal/questionnaires': '/api/portal/questionnaires',
      '/api/portal/questionnaires/{id}': '/api/portal/questionnaires/bh-staff',
      '/api/portal/questionnaires/{id}/respondent-view': '/api/portal/questionnaires/bh-staff/respondent-view',
    };
    const gets = jsonSuccesses().filter((r) => r.method === 'get');
    expect(gets.map((r) => r.path).sort()).toEqual(Object.keys(samples).sort());
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components });
    for (const { path, schema } of gets) {
      const res = await admin.call('GET', samples[path]!);
      expect(res.statusCode, `${path}: ${res.body.slice(0, 300)}`).toBe(200);
      const check = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));
      expect(check(res.json()) ? [] : check.errors, path).toEqual([]);
    }
    // The session check signed out is the other side of its union.
    const signedOut = ajv.compile(doc.paths['/api/portal/session']!.get!.responses['200']!.content!['application/json']!.schema);
    expect(signedOut((await anonymous(t).call('GET', '/api/portal/session')).json())).toBe(true);
  }, 90_000); // its first report starts the report thread: seconds on a busy machine

  it('the error shape is a component every refusal points to', () => {
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
  });
});

describe('an API route without a description', () => {
  it('stops the app from building, as does a path parameter its schema leaves out', async () => {
    const bare = Fastify();
    await bare.register(openapi);
    expect(() => bare.get('/api/undescribed', async () => ({}))).toThrow('GET /api/undescribed has no OpenAPI description (config.openapi)');
    const params = z.object({ id: z.string() });
    expect(() =>
      bare.get('/api/things/:id/:part', { config: { openapi: { summary: 'A part', params, responses: { 200: 'It' } } } }, async () => ({})),
    ).toThrow('GET /api/things/:id/:part: its openapi params schema does not describe part');
    // Pages outside /api need none.
    bare.get('/page', async () => 'ok');
    await bare.close();
  });

  it('stops the app from building without the schema of a JSON success body', async () => {
    const bare = Fastify();
    await bare.register(openapi);
    expect(() => bare.get('/api/things', { config: { openapi: { summary: 'Things', responses: { 200: 'They' } } } }, async () => ({}))).toThrow(
      'GET /api/things: its openapi description gives no reply schema for its 200 body',
    );
    // A download or an empty answer needs none.
    bare.get('/api/things.csv', { config: { openapi: { summary: 'As CSV', produces: 'text/csv', responses: { 200: 'The file' } } } }, async () => 'a\n');
    bare.post('/api/things', { config: { openapi: { summary: 'Adds one', responses: { 204: 'Added' } } } }, async (_r, reply) => reply.status(204).send());
    await bare.close();
  });
});

describe('a reply and its schema', () => {
  it('is parsed with it: what the schema does not name is not sent, and a reply that breaks it is a server error', async () => {
    const bare = Fastify();
    await bare.register(openapi);
    const reply = z.object({ name: z.string(), count: z.number().int() });
    let body: unknown = { name: 'a', count: 1, secret: 'kept on the server' };
    bare.get('/api/thing', { config: { openapi: { summary: 'A thing', reply, responses: { 200: 'It', 404: 'None' } } } }, async (_r, res) =>
      body === null ? res.status(404).send({ error: 'none' }) : body,
    );
    expect((await bare.inject('/api/thing')).json()).toEqual({ name: 'a', count: 1 });
    body = { name: 'a', count: 'one' };
    const broken = await bare.inject('/api/thing');
    expect(broken.statusCode).toBe(500);
    expect(broken.body).not.toContain('one');
    // Refusals are not success bodies: the error shape, untouched.
    body = null;
    expect((await bare.inject('/api/thing')).json()).toEqual({ error: 'none' });
    await bare.close();
  });
});
