// Sign in, sign out, and who is signed in.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REFUSED } from '../../openapi.js';
import { RoleSchema } from '../../schemas.js';
import { AuthorityRef } from './scope.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../../auth/cookie.js';
import { decoyHash, hashPassword, passwordProblem, verifyPassword, MAX_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { endSession, hashToken, startSession, type Staff } from '../../auth/sessions.js';
import { RefusalLog } from '../../auth/refusal-log.js';
import { limitedPasswordCheck, type SignInLimiter } from '../../auth/sign-in-limiter.js';
import { HttpError } from '../../plugins/errors.js';
import { audit } from '../../repos/audit.js';
import { findUserByEmail, setPassword } from '../../repos/users.js';
import { signedIn } from '../../auth/access.js';

const SignIn = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(MAX_PASSWORD_LENGTH * 4),
});

const PasswordChange = z.strictObject({
  current: z.string().max(MAX_PASSWORD_LENGTH * 4),
  password: z.string().max(MAX_PASSWORD_LENGTH * 4),
});

/** One message for an unknown address and a wrong password: which one it was is nobody's business. */
export const SIGN_IN_FAILED = 'that email address and password do not match an account';
/** How often refused sign-ins' counts reach the audit log, and memory is pruned. */
const FLUSH_MS = 5000;

const Me = z.object({ email: z.string(), role: RoleSchema, authorities: z.array(AuthorityRef), csrfToken: z.string() });
const Session = z.discriminatedUnion('signedIn', [z.object({ signedIn: z.literal(false) }), Me.extend({ signedIn: z.literal(true) })]);

export const me = (staff: Staff): z.infer<typeof Me> => ({
  email: staff.email,
  role: staff.role,
  authorities: staff.authorities.map((a) => ({ code: a.code, name: a.name })),
  csrfToken: staff.csrfToken,
});

export default async function authRoutes(app: FastifyInstance, { limiter }: { limiter: SignInLimiter }) {
  const refusals = new RefusalLog(app.db);
  const flush = async () => {
    limiter.prune();
    await refusals.flush();
  };
  const timer = setInterval(() => flush().catch((error: unknown) => app.log.error({ err: error }, 'writing refused sign-ins failed')), FLUSH_MS).unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await flush();
  });

  app.post('/sign-in', { config: { signIn: true, openapi: { summary: 'Signs in: sets the session cookie (a new session each time); same limits for every account and address', body: SignIn, noSession: true, responses: { 204: 'Signed in', 400: 'Invalid body', 401: SIGN_IN_FAILED, 403: 'Not from the portal’s own origin', 429: 'Too many failed sign-ins' } } } }, async (request, reply) => {
    const body = SignIn.parse(request.body);
    let user: Awaited<ReturnType<typeof findUserByEmail>>;
    let right = false;
    const ok = await limitedPasswordCheck(limiter, refusals, body.email, request.ip, async () => {
      user = await findUserByEmail(app.db, body.email);
      // Always hash once, so an unknown address answers as slowly as a wrong password.
      right = await verifyPassword(body.password, user?.password_hash ?? (await decoyHash()));
      return !!user && right && !user.disabled;
    });
    if (!user || !ok) {
      await audit(app.db, { userId: user?.id ?? null, email: body.email, action: 'sign_in_failed', detail: { reason: !user ? 'unknown' : !right ? 'password' : 'disabled' } });
      throw new HttpError(401, SIGN_IN_FAILED);
    }
    // A new token at every sign-in; any session this browser had is ended.
    const old = readSessionCookie(request);
    if (old) await endSession(app.db, hashToken(old));
    const { token } = await startSession(app.db, user.id);
    setSessionCookie(request, reply, token);
    await audit(app.db, { userId: user.id, email: user.email, action: 'sign_in' });
    return reply.status(204).send();
  });

  app.post('/sign-out', { config: { openapi: { summary: 'Signs out: ends this session', responses: { 204: 'Signed out', 401: REFUSED[401], 403: REFUSED[403] } } } }, async (request, reply) => {
    const staff = signedIn(request);
    await endSession(app.db, staff.tokenHash);
    clearSessionCookie(request, reply);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'sign_out' });
    return reply.status(204).send();
  });

  // Changing one's own password: the current one is asked for, so a session
  // left open on a shared computer cannot be turned into the account. A
  // wrong current password is a failed password check like a failed
  // sign-in, so the same limits count it (pair, address, account).
  app.post('/password', { config: { openapi: { summary: 'Changes one’s own password (the current one is asked for); other sessions of the user end', body: PasswordChange, responses: { 204: 'Changed', 400: 'The current password is not right, or the new one is too weak', 401: REFUSED[401], 403: REFUSED[403], 429: 'Too many failed password checks' } } } }, async (request, reply) => {
    const staff = signedIn(request);
    const body = PasswordChange.parse(request.body);
    const ok = await limitedPasswordCheck(limiter, refusals, staff.email, request.ip, async () => {
      const user = await findUserByEmail(app.db, staff.email);
      return !!user && (await verifyPassword(body.current, user.password_hash));
    });
    if (!ok) {
      await audit(app.db, { userId: staff.userId, email: staff.email, action: 'password_change', detail: { ok: false } });
      throw new HttpError(400, 'the current password is not right', [{ path: 'current', message: 'the current password is not right' }]);
    }
    const problem = await passwordProblem(body.password, staff.email);
    if (problem) throw new HttpError(400, problem, [{ path: 'password', message: problem }]);
    // Every other session of this user ends; this one stays signed in.
    await setPassword(app.db, staff.userId, await hashPassword(body.password), staff.tokenHash);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'password_change', detail: { ok: true } });
    return reply.status(204).send();
  });

  // The portal's first call: who is signed in, or that nobody is. It answers 200 either way, so opening
  // the sign-in page is not a failed request (/me stays 401 without a session, for API clients).
  app.get(
    '/session',
    {
      config: {
        openapi: {
          summary: 'Whether a session is signed in: {"signedIn": false}, or {"signedIn": true} with what /me gives',
          noSession: true,
          reply: Session,
          responses: { 200: 'The session, signed in or not' },
        },
      },
    },
    async (request) => (request.staff ? { signedIn: true as const, ...me(request.staff) } : { signedIn: false as const }),
  );

  app.get('/me', { config: { openapi: { summary: 'Who is signed in: email, role, authorities and the CSRF token for changes', reply: Me, responses: { 200: 'The signed-in user', 401: REFUSED[401] } } } }, async (request) => me(signedIn(request)));
}
