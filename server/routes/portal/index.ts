// The portal's API under /api/portal. Every route here passes the guard
// (session, CSRF); each handler checks role and authority itself through
// server/auth/access.ts. The routes are recorded as they are registered,
// so the access matrix test can prove it covers every one.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Staff } from '../../auth/sessions.js';
import actionRoutes from './actions.js';
import adminRoutes from './admin.js';
import authorityRoutes from './authorities.js';
import authRoutes from './auth.js';
import childrenResultsRoutes from './children-results.js';
import { registerGuard } from './guard.js';
import { SignInLimiter } from '../../auth/sign-in-limiter.js';
import waveRoutes from './waves.js';
import reportRoutes from './reports.js';
import trendRoutes from './trends.js';
import safeguardingRoutes from './safeguarding.js';
import questionnaireRoutes from './questionnaires.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff: Staff | null;
  }
  interface FastifyContextConfig {
    /** The sign-in route: origin check without a session or CSRF token. */
    signIn?: boolean;
  }
  interface FastifyInstance {
    portalRoutes: { method: string; url: string }[];
  }
}

async function portalApi(app: FastifyInstance) {
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') app.portalRoutes.push({ method, url: r.url });
  });
  // Portal answers carry children's free text and staff data: no browser or proxy keeps them (refusals too).
  app.addHook('onSend', async (_request, reply) => void reply.header('cache-control', 'no-store'));
  registerGuard(app);
  // One count of failed password checks: sign-ins and password changes add to it, admins see and clear it.
  const limiter = new SignInLimiter(app.db);
  await app.register(authRoutes, { limiter });
  await app.register(adminRoutes, { limiter });
  await app.register(authorityRoutes);
  await app.register(waveRoutes);
  await app.register(reportRoutes);
  await app.register(trendRoutes);
  await app.register(safeguardingRoutes);
  await app.register(actionRoutes);
  await app.register(childrenResultsRoutes);
  await app.register(questionnaireRoutes);
}

/** Decorates the root instance (the list of routes, request.staff), then the API in its own encapsulated scope. */
export default fp(async (app) => {
  app.decorate('portalRoutes', []);
  app.decorateRequest('staff', null);
  await app.register(portalApi, { prefix: '/api/portal' });
});
