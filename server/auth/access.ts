// Who may do what, for which authority. Every portal query goes through
// these checks on the server; the pages only hide what would be refused.
import type { FastifyRequest } from 'fastify';
import type { Role } from '../db/tables.js';
import { HttpError } from '../plugins/errors.js';
import type { Staff } from './sessions.js';

export type Permission =
  /** Waves, live counts, reports without free text, year on year, compare. */
  | 'read'
  /** Reports with what children wrote. */
  | 'full_report'
  | 'manage_waves'
  | 'export'
  | 'safeguarding'
  /** Recording actions against findings and preparing the children's version of the results. */
  | 'action_plan'
  /** Users, authorities, the audit log. */
  | 'admin';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  programme_admin: new Set(['read', 'full_report', 'manage_waves', 'export', 'safeguarding', 'action_plan', 'admin']),
  authority_officer: new Set(['read', 'full_report', 'manage_waves', 'export', 'safeguarding', 'action_plan']),
  viewer: new Set(['read']),
};

export const sees = (staff: Staff, authorityId: number) =>
  staff.role === 'programme_admin' || staff.authorities.some((a) => a.id === authorityId);

export function signedIn(request: FastifyRequest): Staff {
  if (!request.staff) throw new HttpError(401, 'please sign in');
  return request.staff;
}

/** The user may do this somewhere (403 otherwise). */
export function requirePermission(request: FastifyRequest, permission: Permission): Staff {
  const staff = signedIn(request);
  if (!GRANTS[staff.role].has(permission)) throw new HttpError(403, 'your account may not do this');
  return staff;
}

/**
 * The user may do this for this authority. An authority out of scope is
 * answered 404 like one that does not exist, so that scope is not a way
 * to learn which authorities or waves exist.
 */
export function requireAuthority(request: FastifyRequest, permission: Permission, authorityId: number | undefined): Staff {
  const staff = requirePermission(request, permission);
  if (authorityId === undefined || !sees(staff, authorityId)) throw new HttpError(404, 'not found');
  return staff;
}

export const can = (staff: Staff, permission: Permission) => GRANTS[staff.role].has(permission);
