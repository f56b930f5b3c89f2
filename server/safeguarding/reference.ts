// How staff name an answer in the safeguarding queue. Not the response's
// row id: that is one sequence over every submission, so its order (and,
// next to any record of when submissions came in, its time) would show
// when a child answered. The reference is worked out from the response's
// random id (the client's UUID): the same every time, in no order, and not
// the UUID itself (a time-based UUID would carry its moment).
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** 12 hex digits (48 bits): unique within any authority's queue for all practical purposes. */
export const answerReference = (uuid: string) =>
  createHash('sha256').update(`hearme safeguarding reference\u0000${uuid}`).digest('hex').slice(0, 12);

/** A reference as typed or sent: any case, with spaces or hyphens in it. */
export const Reference = z
  .string()
  .max(40)
  .transform((s) => s.toLowerCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9a-f]{12}$/, 'not an answer reference (12 hex digits)'));
