// Programme admins only: authorities, users and the audit log.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Done, REFUSED } from '../../openapi.js';
import { AuthorityReply } from './authorities.js';
import { hashPassword, passwordProblem } from '../../auth/passwords.js';
import { requirePermission } from '../../auth/access.js';
import { unlockSignIns, type SignInLimiter } from '../../auth/sign-in-limiter.js';
import { HttpError } from '../../plugins/errors.js';
import { addAuthority, findAuthority } from '../../repos/authorities.js';
import { AUDIT_ACTIONS, audit, readAudit } from '../../repos/audit.js';
import { UnknownAuthorityError, createUser, findUserByEmail, listUsers, updateUser } from '../../repos/users.js';
import { AuthorityCode, Email, RoleSchema } from '../../schemas.js';

const NewAuthority = z.strictObject({
  code: AuthorityCode,
  name: z.string().trim().min(1).max(200),
  region: z.string().trim().max(100).optional(),
  contact: z.string().trim().max(200).optional(),
});

const NewUser = z
  .strictObject({
    email: Email,
    role: RoleSchema,
    authorities: z.array(AuthorityCode).max(500).default([]),
    password: z.string().max(800),
  })
  .refine((u) => (u.role === 'programme_admin') === (u.authorities.length === 0), {
    path: ['authorities'],
    message: 'officers and viewers need at least one authority; programme admins none',
  });

const UserChange = z.strictObject({
  role: RoleSchema.optional(),
  disabled: z.boolean().optional(),
  authorities: z.array(AuthorityCode).max(500).optional(),
});

const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  authority: AuthorityCode.optional(),
});

const IdParam = z.strictObject({ id: z.coerce.number().int().min(1) });

const User = z.object({
  id: z.number().int(),
  email: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  authorities: z.array(z.string()).describe('ONS codes; empty for programme admins, who see every authority'),
});
const AuditReply = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      email: z.string().nullable(),
      action: z.string(),
      authority: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  actions: z.array(z.enum(AUDIT_ACTIONS)).describe('Every action the log records, for a filter'),
});

function unknownAuthority(error: unknown): never {
  if (error instanceof UnknownAuthorityError) throw new HttpError(400, error.message, [{ path: 'authorities', message: error.message }]);
  throw error;
}

export default async function adminRoutes(app: FastifyInstance, { limiter }: { limiter: SignInLimiter }) {
  app.post('/authorities', { config: { openapi: { summary: 'Adds a local authority (programme admins)', body: NewAuthority, reply: AuthorityReply, responses: { 201: 'Added', 400: 'Invalid body', ...REFUSED, 409: 'It already exists' } } } }, async (request, reply) => {
    const staff = requirePermission(request, 'admin');
    const body = NewAuthority.parse(request.body);
    if (await findAuthority(app.db, body.code)) throw new HttpError(409, `authority ${body.code} already exists`);
    const a = await addAuthority(app.db, { code: body.code, name: body.name, region: body.region || null, contact: body.contact || null });
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'authority_create', authority: a.code, detail: { name: a.name, contact: a.contact } });
    return reply.status(201).send({ code: a.code, name: a.name, region: a.region, contact: a.contact });
  });

  app.get('/users', { config: { openapi: { summary: 'Every portal user, with whether failed sign-ins locked them out (programme admins)', reply: z.object({ users: z.array(User.extend({ lockedOut: z.boolean() })) }), responses: { 200: 'The users', ...REFUSED } } } }, async (request) => {
    requirePermission(request, 'admin');
    const users = await listUsers(app.db);
    return { users: await Promise.all(users.map(async (u) => ({ ...u, lockedOut: await limiter.lockedOut(u.email) }))) };
  });

  app.post('/users', { config: { openapi: { summary: 'Adds a user (programme admins)', body: NewUser, reply: z.object({ id: z.number().int() }), responses: { 201: 'Added: its id', 400: 'Invalid body or weak password', ...REFUSED, 409: 'A user with this email exists' } } } }, async (request, reply) => {
    const staff = requirePermission(request, 'admin');
    const body = NewUser.parse(request.body);
    const problem = await passwordProblem(body.password, body.email);
    if (problem) throw new HttpError(400, problem, [{ path: 'password', message: problem }]);
    if (await findUserByEmail(app.db, body.email)) throw new HttpError(409, `a user ${body.email} already exists`);
    const id = await createUser(app.db, { email: body.email, role: body.role, passwordHash: await hashPassword(body.password), authorities: body.authorities }).catch(unknownAuthority);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'user_create', detail: { id, email: body.email, role: body.role, authorities: body.authorities } });
    return reply.status(201).send({ id });
  });

  app.patch('/users/:id', { config: { openapi: { summary: 'Changes a user’s role, authorities or whether it is disabled (programme admins)', params: IdParam, body: UserChange, reply: z.object({ users: z.array(User) }), responses: { 200: 'Every user, changed', 400: 'Invalid change', ...REFUSED } } } }, async (request) => {
    const staff = requirePermission(request, 'admin');
    const { id } = IdParam.parse(request.params);
    const change = UserChange.parse(request.body);
    const target = (await listUsers(app.db)).find((u) => u.id === id);
    if (!target) throw new HttpError(404, 'not found');
    if (id === staff.userId && (change.disabled || (change.role && change.role !== 'programme_admin')))
      throw new HttpError(400, 'you cannot disable yourself or take away your own admin role');
    const role = change.role ?? target.role;
    const authorities = change.authorities ?? target.authorities;
    if (role !== 'programme_admin' && authorities.length === 0)
      throw new HttpError(400, 'officers and viewers need at least one authority', [{ path: 'authorities', message: 'at least one' }]);
    await updateUser(app.db, id, { ...change, authorities: role === 'programme_admin' ? [] : authorities }).catch(unknownAuthority);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'user_update', detail: { id, email: target.email, ...change } });
    return { users: await listUsers(app.db) };
  });

  app.post('/users/:id/unlock', { config: { openapi: { summary: 'Clears the failed sign-ins that locked a user out (programme admins)', params: IdParam, reply: Done, responses: { 200: 'Unlocked', ...REFUSED } } } }, async (request) => {
    const staff = requirePermission(request, 'admin');
    const { id } = IdParam.parse(request.params);
    const target = (await listUsers(app.db)).find((u) => u.id === id);
    if (!target) throw new HttpError(404, 'not found');
    await unlockSignIns(app.db, target.email, staff);
    await limiter.applyUnlock(target.email);
    return { ok: true };
  });

  app.get('/audit', { config: { openapi: { summary: 'The audit log, newest first, by action and authority, paged with before (programme admins), and the actions it records', query: AuditQuery, reply: AuditReply, responses: { 200: 'Entries', 400: 'Invalid filter', ...REFUSED } } } }, async (request) => {
    requirePermission(request, 'admin');
    // The actions travel with the entries, so the page's filter offers exactly what the log records.
    return { entries: await readAudit(app.db, AuditQuery.parse(request.query)), actions: AUDIT_ACTIONS };
  });

}
