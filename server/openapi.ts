// The OpenAPI 3.1 description of the public and portal APIs, served at
// GET /api/openapi.json. Each /api route carries its description in its
// options (config.openapi) with the very zod schemas its handler parses
// with, and the parameters and bodies are zod's own JSON Schema output
// (z.toJSONSchema, draft 2020-12, which OpenAPI 3.1 uses). A JSON success
// body has its zod schema too (reply), and every success reply is parsed
// with it before it is sent, as Fastify's response schemas would: what it
// does not name is left out, and a reply that breaks it is a 500, so the
// document says what is really sent. Routes are collected as Fastify
// registers them: an /api route without a description, or whose path
// names a parameter its schema lacks, or whose JSON success body has no
// schema, stops the app from building, so the document cannot fall
// behind the routes.
// It says nothing of this deployment (no addresses, limits or settings):
// the same document for every installation, public like the source.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions, preSerializationAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorBody } from './plugins/errors.js';
import { projectRoot } from './plugins/static.js';

export interface RouteDoc {
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body may be left out (the handler reads a missing body as {}). */
  bodyOptional?: true;
  /** Success and refusal statuses with what each means; 4xx and 5xx carry the error shape. */
  responses: Record<number, string>;
  /**
   * The success body (every 2xx status but 204), unless the route produces a download:
   * the replies are parsed with it, so unknown fields are dropped and a wrong one is a 500.
   */
  reply?: z.ZodType;
  /** The success body's media type when it is not JSON (downloads). */
  produces?: string;
  /** A portal route that answers without a session (sign-in, the session check). */
  noSession?: true;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    openapi?: RouteDoc;
  }
}

/** The refusals every signed-in portal route may give. */
export const REFUSED = {
  401: 'Not signed in',
  403: 'Not allowed for this role (or, for a change, from another site or without the CSRF token)',
  404: 'Not found, or not among your authorities',
} as const;

/** The success body of a change that answers only that it was done. */
export const Done = z.object({ ok: z.literal(true) });

/** This document: its top level (the rest is zod's JSON Schema output and what the routes say). */
const OpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.looseObject({ summary: z.string(), responses: z.record(z.string(), z.looseObject({ description: z.string() })) }))),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
});

type JsonSchema = Record<string, unknown>;

/** What a client sends (io: input: defaults make fields optional, coercions show their target type), or what it is sent (output). */
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema => {
  const { $schema: _, ...out } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return out;
};

/** The 2xx statuses of a route that answer with a JSON body. */
const jsonSuccesses = (doc: RouteDoc) => (doc.produces ? [] : Object.keys(doc.responses).map(Number).filter((s) => s < 300 && s !== 204));

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Fastify's /waves/:id/report.:format as OpenAPI's /waves/{id}/report.{format}. */
export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

function parameters(where: 'path' | 'query', schema: z.ZodObject | undefined) {
  if (!schema) return [];
  const s = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: p,
  }));
}

/** The path's parameters (`:id` in /waves/:id), in order. */
const pathNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/**
 * What makes a route's description incomplete, checked as the route is
 * registered so that the server does not start: a path parameter its params
 * schema leaves out, a JSON success without a reply schema. Only names are
 * looked at: turning every schema into JSON Schema as each route registered
 * cost every start (and every test's app) about 50 ms of CPU; the document
 * is built on its first request.
 */
function checkDescribed(method: string, url: string, doc: RouteDoc): void {
  const described = Object.keys(doc.params?.shape ?? {});
  const missing = pathNames(url).filter((n) => !described.includes(n));
  if (missing.length) throw new Error(`${method} ${url}: its openapi params schema does not describe ${missing.join(', ')}`);
  const bodyless = jsonSuccesses(doc)[0];
  if (bodyless !== undefined && !doc.reply) throw new Error(`${method} ${url}: its openapi description gives no reply schema for its ${bodyless} body`);
}

function operation(method: string, url: string, doc: RouteDoc) {
  const portal = url.startsWith('/api/portal/');
  const named = pathNames(url);
  const params = parameters('path', doc.params);
  const responses = Object.fromEntries(
    Object.entries(doc.responses).map(([status, description]) => {
      const ok = Number(status) < 300;
      if (Number(status) === 204) return [status, { description }];
      const content = ok
        ? { [doc.produces ?? 'application/json']: doc.produces ? {} : { schema: jsonSchema(doc.reply!, 'output') } }
        : { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
      return [status, { description, content }];
    }),
  );
  return {
    summary: doc.summary,
    ...(doc.description && { description: doc.description }),
    tags: [portal ? 'portal' : 'public'],
    parameters: [...params.filter((p) => named.includes(p.name)), ...parameters('query', doc.query)],
    ...(doc.body && {
      requestBody: { required: !doc.bodyOptional, content: { 'application/json': { schema: jsonSchema(doc.body) } } },
    }),
    responses,
    // Portal calls ride on the session cookie; changes also need the session's CSRF token (and our own Origin).
    security: !portal || doc.noSession ? [] : SAFE.has(method) ? [{ session: [] }] : [{ session: [], csrf: [] }],
  };
}

export interface DescribedRoute {
  method: string;
  url: string;
  doc: RouteDoc;
}

export function openApiDocument(routes: DescribedRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = operation(r.method, r.url, r.doc);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hear Me API',
      version,
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'The public API the child survey uses (no sign-in; answers are anonymous) and the portal API for council staff under /api/portal ' +
        '(a session cookie from POST /api/portal/sign-in; every change also sends the session\u2019s CSRF token, from GET /api/portal/session, ' +
        'in x-csrf-token, from the portal\u2019s own origin). Each handler checks role and authority; out of scope answers 404. Errors are ' +
        '{"error": sentence} with "issues" naming each refused field.',
    },
    tags: [
      { name: 'public', description: 'The child survey: waves by access code, instruments, submitting answers, published results for children' },
      { name: 'portal', description: 'Council staff: rounds, reports, safeguarding, action plans, users and the audit log' },
    ],
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBody) },
      securitySchemes: {
        // Over https the cookie is __Host-hearme; over plain http (development) hearme_session.
        session: { type: 'apiKey', in: 'cookie', name: '__Host-hearme', description: 'The session cookie set by sign-in (hearme_session over plain http).' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The session\u2019s CSRF token, from GET /api/portal/session.' },
      },
    },
  };
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/');

/**
 * Parses a success reply with its schema before it is serialised. A reply
 * that breaks it is the server's fault: a plain Error (a 500 whose details
 * are logged), not the ZodError the error handler reads as a bad request.
 */
function parseReply(method: string, url: string, schema: z.ZodType): preSerializationAsyncHookHandler {
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode >= 300) return payload;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new Error(`${method} ${url}: the reply does not match its OpenAPI schema: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  };
}

/**
 * Registered first: records every /api route as it is registered (each must
 * carry config.openapi) and serves the document, built once on first request.
 */
export default fp(async (app: FastifyInstance) => {
  const { version } = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  const routes: DescribedRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (r: RouteOptions) => {
    if (!isApi(r.url)) return;
    const doc = r.config?.openapi;
    if (!doc) throw new Error(`${String(r.method)} ${r.url} has no OpenAPI description (config.openapi)`);
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      checkDescribed(method, r.url, doc);
      routes.push({ method, url: r.url, doc });
    }
    if (doc.reply) r.preSerialization = [...[r.preSerialization ?? []].flat(), parseReply(String(r.method), r.url, doc.reply)];
  });
  let document: string | undefined;
  app.get(
    '/api/openapi.json',
    { config: { openapi: { summary: 'This description of the API (OpenAPI 3.1); public, like the source', reply: OpenApiDocument, responses: { 200: 'The OpenAPI document' } } } },
    // Sent as a string (built once), so parsed with its schema once here rather than by the reply hook.
    async (_request, reply) =>
      reply.type('application/json; charset=utf-8').send((document ??= JSON.stringify(OpenApiDocument.parse(openApiDocument(routes, version))))),
  );
});

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its description, in registration order. */
    apiRoutes: DescribedRoute[];
  }
}
