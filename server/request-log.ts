// What the request log may say. A log line with a time to the millisecond
// for each submission, next to the response ids in the database, would tie
// every answer to the moment it was sent; an access code in a logged URL
// would let whoever reads the log open the round. So:
// - submissions (POST /api/responses) are not logged one by one: a count
//   per minute, by status, is logged when the minute ends;
// - access codes never reach a logged URL (see redactUrl);
// - request ids are random, not a counter whose gaps would show where the
//   unlogged submissions fell between the logged requests.
import { randomBytes } from 'node:crypto';
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import { normaliseAccessCode } from '../surveys/access-code.js';

/** Routes whose next path segment is an access code, typed right or wrong. */
const CODE_ROUTES = ['/s/', '/api/waves/', '/api/results/'];

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The URL as the log may show it: the segment after a code route becomes
 * `:code`, and so does any other segment that reads as an access code
 * (whatever the route, matched or not); query values become `…`, since a
 * code could travel in one too.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const segments = path.split('/');
  const redacted = segments.map((segment, i) => {
    const before = `${segments.slice(0, i).join('/')}/`;
    if (CODE_ROUTES.includes(before.toLowerCase()) || normaliseAccessCode(decoded(segment))) return ':code';
    return segment;
  });
  const query = q < 0 ? '' : `?${url.slice(q + 1).split('&').map((pair) => `${pair.split('=')[0]}=…`).join('&')}`;
  return redacted.join('/') + query;
}

/** A request id that says nothing about the requests before it. */
export const randomRequestId = () => randomBytes(6).toString('hex');

const isSubmission = (request: FastifyRequest) => request.method === 'POST' && request.routeOptions.url === '/api/responses';

/**
 * Fastify's request logging, with submissions counted instead of logged.
 * The counts are written by `flushSubmissions`, which the app calls at
 * each minute's end and when it closes.
 */
export class RequestLog extends LogController {
  private counts = new Map<number, number>();
  private minute = minuteOf(Date.now());

  override incomingRequest(request: FastifyRequest, reply: FastifyReply) {
    if (!isSubmission(request)) super.incomingRequest(request, reply);
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (!isSubmission(request)) return super.requestCompleted(error, request, reply);
    this.counts.set(reply.statusCode, (this.counts.get(reply.statusCode) ?? 0) + 1);
  }

  override routeNotFound(request: FastifyRequest) {
    request.log.info(`Route ${request.method}:${redactUrl(request.url)} not found`);
  }

  /** Logs the submissions counted since the last call (nothing when there were none), as of the minute they fell in. */
  flushSubmissions(log: FastifyBaseLogger, now = Date.now()) {
    if (this.counts.size) {
      const byStatus = Object.fromEntries([...this.counts].sort(([a], [b]) => a - b).map(([status, n]) => [String(status), n]));
      const submissions = [...this.counts.values()].reduce((a, b) => a + b, 0);
      log.info({ minute: this.minute, submissions, byStatus }, 'submissions in the minute');
    }
    this.counts = new Map();
    this.minute = minuteOf(now);
  }
}

/** 2026-11-30T09:58Z: the minute a time falls in. */
export const minuteOf = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

/** Milliseconds from `ms` to the start of the next minute. */
export const untilNextMinute = (ms: number) => 60_000 - (ms % 60_000);
