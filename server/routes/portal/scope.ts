// Finding a wave or authority for a request, within what the user may see.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAuthority, type Permission } from '../../auth/access.js';
import type { Staff } from '../../auth/sessions.js';
import { HttpError } from '../../plugins/errors.js';
import { findAuthority } from '../../repos/authorities.js';
import { getWave, type PortalWaveRow } from '../../repos/portal-waves.js';
import { AuthorityCode } from '../../schemas.js';

/** :id of a wave (also its OpenAPI description). */
export const WaveParam = z.object({ id: z.coerce.number().int().min(1).max(2 ** 31) });
/** :code of an authority. */
export const AuthorityParam = z.object({ code: AuthorityCode });
/** An authority as replies name it. */
export const AuthorityRef = z.object({ code: z.string(), name: z.string() });

/** The wave named by :id when the user may do `permission` for its authority; 404 otherwise. */
export async function scopedWave(request: FastifyRequest, permission: Permission): Promise<{ staff: Staff; wave: PortalWaveRow }> {
  const { id } = WaveParam.parse(request.params);
  const wave = await getWave(request.server.db, id);
  const staff = requireAuthority(request, permission, wave?.authority_id);
  return { staff, wave: wave! };
}

/** The authority named by :code when the user may do `permission` for it; 404 otherwise. */
export async function scopedAuthority(request: FastifyRequest, permission: Permission, code?: string) {
  const parsed = code === undefined ? AuthorityParam.parse(request.params).code : AuthorityCode.parse(code);
  const authority = await findAuthority(request.server.db, parsed);
  const staff = requireAuthority(request, permission, authority?.id);
  if (!authority) throw new HttpError(404, 'not found');
  return { staff, authority };
}
