// Builds the Fastify application: registers plugins and routes, never listens.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config.js';
import type { DB, OpenDatabase } from './db/database.js';
import errors from './plugins/errors.js';
import securityHeaders from './plugins/security-headers.js';
import portalApi from './routes/portal/index.js';
import portalStatic from './plugins/portal-static.js';
import surveyStatic from './plugins/static.js';
import { WaveLookup } from './repos/wave-lookup.js';
import { compileMatcher, type Matcher } from './safeguarding/matcher.js';
import { ResponseWriter } from './response-writer.js';
import { ReportThread } from './report-thread.js';
import { RequestLog, randomRequestId, redactUrl, untilNextMinute } from './request-log.js';
import openapi from './openapi.js';
import health from './routes/public/health.js';
import instruments from './routes/public/instruments.js';
import responses from './routes/public/responses.js';
import waves from './routes/public/waves.js';
import { useConnection } from './questionnaire-loader.js';
import results from './routes/public/results.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: DB;
    responseWriter: ResponseWriter;
    waves: WaveLookup;
    /** The worrying-words list: the safeguarding queue, and what reports withhold. */
    safeguarding: Matcher;
    /** Reports and comparisons, built on their own thread. */
    reports: ReportThread;
  }
}

/** Largest request body: a full questionnaire with its three free texts fits many times over. */
export const BODY_LIMIT = 64 * 1024;

/**
 * TRUST_PROXY for Fastify. A hop count becomes a function: Fastify itself
 * now reads a bare number as "trust nobody", because with a count alone a
 * client that reaches the server directly can forge its address (so the
 * README asks for the proxy's address where it is known).
 */
const trustProxy = (trust: Config['trustProxy']) => (typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust);

export async function buildApp(config: Config, { db, sqlite }: OpenDatabase): Promise<FastifyInstance> {
  const requestLog = new RequestLog();
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxy(config.trustProxy),
    logger: {
      level: config.logLevel,
      // Never log who a request came from (the survey is anonymous), nor an access code.
      serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url) }) },
    },
    logController: requestLog,
    genReqId: randomRequestId,
  });
  // Submissions are logged as a count per minute, at each minute's end and at close.
  let minuteTimer: NodeJS.Timeout;
  const nextMinute = () => {
    minuteTimer = setTimeout(() => {
      requestLog.flushSubmissions(app.log);
      nextMinute();
    }, untilNextMinute(Date.now())).unref();
  };
  nextMinute();
  app.addHook('onClose', async () => {
    clearTimeout(minuteTimer);
    requestLog.flushSubmissions(app.log);
  });
  app.decorate('config', config);
  app.decorate('db', db);
  // The registry serves this database's questionnaires beside the built-ins (a stored one that no longer parses stops the start).
  useConnection(sqlite);
  app.decorate('safeguarding', compileMatcher(config.safeguardingWords));
  // The writer thread loads its modules while this one registers the routes (half a second at start).
  const writer = new ResponseWriter(sqlite.name);
  app.decorate('responseWriter', writer);
  app.decorate('waves', new WaveLookup(sqlite));
  // Finish writing what was accepted before the database is closed.
  app.addHook('onClose', async (instance) => instance.responseWriter.close());
  app.decorate('reports', new ReportThread({ databasePath: sqlite.name, words: config.safeguardingWords }));
  app.addHook('onClose', async (instance) => instance.reports.close());

  // First, so it sees every route registered after it (each /api route must describe itself).
  await app.register(openapi);
  await app.register(errors);
  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(health);
  await app.register(waves);
  await app.register(results);
  await app.register(instruments);
  await app.register(responses);
  await app.register(surveyStatic);
  await app.register(portalApi);
  await app.register(portalStatic);
  await writer.ready();
  return app;
}
