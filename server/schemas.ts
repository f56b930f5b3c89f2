// Field schemas shared by every edge (HTTP, CSV, command line).
import { z } from 'zod';
import { BANDS, PROGRAMMES } from '../surveys/index.js';

/** ONS area code: a country letter and eight digits, e.g. E06000002. */
export const AuthorityCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[EWSN]\d{8}$/, 'expected an ONS code such as E06000002');

/** A survey period label such as 2024 or 2024-25. */
export const Period = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2})?$/, 'expected a period such as 2024 or 2024-25');

export const Programme = z.enum(PROGRAMMES);
export const Band = z.enum(BANDS);

/** A staff email address, kept in lower case. */
export const Email = z.string().trim().toLowerCase().max(254).email('expected an email address');

export const ROLES = ['programme_admin', 'authority_officer', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
