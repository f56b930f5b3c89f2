// The session cookie. Browsers accept a `__Host-` cookie only with
// Secure, and send Secure cookies only over https; so over https the
// cookie is `__Host-hearme` (host-only, path /, Secure), and over plain
// http (a laptop on localhost, a tablet network) it is `hearme_session`
// with the same HttpOnly and SameSite=Strict but without Secure.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SECURE_COOKIE = '__Host-hearme';
export const PLAIN_COOKIE = 'hearme_session';

const cookieName = (request: FastifyRequest) => (request.protocol === 'https' ? SECURE_COOKIE : PLAIN_COOKIE);

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[cookieName(request)];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(cookieName(request), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(cookieName(request), { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
}
