// The authorities a user may see, and the contact their children are
// shown on the survey's help screen, which an authority's own officers
// (and programme admins) may change.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requirePermission } from '../../auth/access.js';
import { audit } from '../../repos/audit.js';
import { updateAuthority } from '../../repos/authorities.js';
import { scopedAuthority } from './scope.js';

/** An empty contact clears it. */
const ContactChange = z.strictObject({ contact: z.string().trim().max(200) });

export default async function authorityRoutes(app: FastifyInstance) {
  app.get('/authorities', async (request) => {
    const staff = requirePermission(request, 'read');
    const all = app.db.selectFrom('authorities').select(['code', 'name', 'contact']).orderBy('name');
    if (staff.role === 'programme_admin') return { authorities: await all.execute() };
    const codes = staff.authorities.map((a) => a.code);
    return { authorities: codes.length ? await all.where('code', 'in', codes).execute() : [] };
  });

  app.patch('/authorities/:code', async (request) => {
    const { staff, authority } = await scopedAuthority(request, 'manage_waves');
    const { contact } = ContactChange.parse(request.body);
    const a = await updateAuthority(app.db, authority.code, { contact: contact || null });
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'authority_update', authority: a.code, detail: { contact: a.contact } });
    return { code: a.code, name: a.name, contact: a.contact };
  });
}
