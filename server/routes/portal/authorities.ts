// The authorities a user may see, and changing one: its officers keep the
// contact their children are shown on the survey's help screen up to
// date; its name and region are for programme admins.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REFUSED } from '../../openapi.js';
import { can, requirePermission } from '../../auth/access.js';
import { HttpError } from '../../plugins/errors.js';
import { audit } from '../../repos/audit.js';
import { updateAuthority } from '../../repos/authorities.js';
import { AuthorityParam, scopedAuthority } from './scope.js';

/** What is given changes; an empty region or contact clears it. */
const AuthorityChange = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    region: z.string().trim().max(100).optional(),
    contact: z.string().trim().max(200).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'give name, region or contact' });

/** An authority as the portal shows and changes it (also what adding one answers). */
export const AuthorityReply = z.object({ code: z.string(), name: z.string(), region: z.string().nullable(), contact: z.string().nullable() });

export default async function authorityRoutes(app: FastifyInstance) {
  app.get('/authorities', { config: { openapi: { summary: 'The authorities the user may see', reply: z.object({ authorities: z.array(AuthorityReply) }), responses: { 200: 'The authorities', ...REFUSED } } } }, async (request) => {
    const staff = requirePermission(request, 'read');
    const all = app.db.selectFrom('authorities').select(['code', 'name', 'region', 'contact']).orderBy('name');
    if (staff.role === 'programme_admin') return { authorities: await all.execute() };
    const codes = staff.authorities.map((a) => a.code);
    return { authorities: codes.length ? await all.where('code', 'in', codes).execute() : [] };
  });

  app.patch('/authorities/:code', { config: { openapi: { summary: 'Changes an authority’s contact for children (officers), name or region (programme admins)', params: AuthorityParam, body: AuthorityChange, reply: AuthorityReply, responses: { 200: 'The authority', 400: 'Invalid change', ...REFUSED } } } }, async (request) => {
    const { staff, authority } = await scopedAuthority(request, 'manage_waves');
    const change = AuthorityChange.parse(request.body);
    if ((change.name !== undefined || change.region !== undefined) && !can(staff, 'admin'))
      throw new HttpError(403, 'only programme admins can rename an authority or change its region');
    const a = await updateAuthority(app.db, authority.code, change);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'authority_update', authority: a.code, detail: change });
    return { code: a.code, name: a.name, region: a.region, contact: a.contact };
  });
}
