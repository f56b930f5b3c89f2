// Issue 15, item 4: the OpenAPI 3.1 description at /api/openapi.json. It
// is a valid OpenAPI document (checked by an independent validator), it
// has every API route the real app registered with its methods (and
// nothing the app does not serve), its parameters and bodies are the
// routes' own zod schemas, an undescribed route stops the app from
// building, and it says nothing of the installation it comes from.
import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import openapi, { openApiPath } from '../../server/openapi.js';
import { testApp, type TestApp } from '../helpers/app.js';

type Operation = {
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  security: Record<string, string[]>[];
  tags: string[];
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>> };

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
});
