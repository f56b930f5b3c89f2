// Every /api/portal request: who is signed in (from the session cookie),
// and for anything that changes state, a CSRF check: the request must come
// from our own origin (Origin / Sec-Fetch-Site) and carry the session's
// token in the x-csrf-token header. Sign-in has no session yet, so it gets
// the origin check alone.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sameToken, resumeSession } from '../../auth/sessions.js';
import { readSessionCookie } from '../../auth/cookie.js';
import { HttpError } from '../../plugins/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === `${request.protocol}://${request.host}`;
  // Without Origin we accept only what a browser marks as same-origin.
  return site === 'same-origin';
}

export function registerGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const token = readSessionCookie(request);
    request.staff = token ? await resumeSession(app.db, token) : null;
    if (SAFE_METHODS.has(request.method)) return;
    if (!sameOrigin(request)) throw new HttpError(403, 'refused: the request did not come from this site');
    if (request.routeOptions.config.signIn) return;
    if (!request.staff) throw new HttpError(401, 'please sign in');
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, request.staff.csrfToken))
      throw new HttpError(403, 'refused: missing or wrong CSRF token; reload the page');
  });
}
