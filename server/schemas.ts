// Field schemas shared by every edge (HTTP, CSV, command line).
import { z } from 'zod';
import { BANDS, PROGRAMMES, registry } from '../surveys/index.js';

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

/**
 * A programme: a built-in one (ylyc, ylbc) or a council questionnaire's id, as
 * the registry knows it. The command line loads the stored questionnaires
 * before it reads its flags (command.ts), the server at start.
 */
export const Programme = z
  .string()
  .trim()
  .max(40)
  .refine((p) => registry.knowsProgramme(p), {
    error: (i) => {
      // Local questions are not a round of their own: the core programme's rounds ask them.
      const local = registry.current(String(i.input).trim())?.extends;
      if (local)
        return `${String(i.input)} is local questions on ${local.instrument}: open a ${registry.get(local.instrument, local.version)?.programme ?? 'core'} round and it asks them after the core questions`;
      return `unknown programme ${String(i.input)} (expected ${PROGRAMMES.join(', ')} or the id of a questionnaire added with hearme questionnaire add)`;
    },
  });
/** An age band of a programme's instruments: a built-in one, or a council questionnaire's ages or audience. */
export const Band = z
  .string()
  .trim()
  .max(20)
  .refine((b) => (BANDS as readonly string[]).includes(b) || registry.all().some((i) => i.band === b), {
    error: (i) => `unknown band ${String(i.input)} (expected one of ${BANDS.join(', ')} or a questionnaire's band)`,
  });

/** A staff email address, kept in lower case. */
export const Email = z.string().trim().toLowerCase().max(254).email('expected an email address');

export const ROLES = ['programme_admin', 'authority_officer', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
