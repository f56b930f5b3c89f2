// The safeguarding queue: free-text answers of an authority's waves that
// match the list of worrying words, to be read, marked as seen and noted.
// Answers stay anonymous: named by a reference that is in no order (not
// the sequential response id, see safeguarding/reference.ts), no time of
// day, listed by date then reference, contact details masked as in
// reports. Every look and every mark is audit-logged.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Done, REFUSED } from '../../openapi.js';
import { requireAuthority, requirePermission } from '../../auth/access.js';
import { HttpError } from '../../plugins/errors.js';
import { audit } from '../../repos/audit.js';
import { answerByReference, markSeen, textAnswers } from '../../repos/safeguarding.js';
import { Reference } from '../../safeguarding/reference.js';
import { registry, textQuestionIds } from '../../../surveys/index.js';
import { maskFreeText } from '../../../reports/mask.js';
import { AuthorityParam, AuthorityRef, scopedAuthority } from './scope.js';

const Seen = z.strictObject({ note: z.string().trim().max(2000).default('') });
const AnswerParam = z.strictObject({ reference: Reference, question: z.string().max(60) });
const Queue = z.object({
  authority: AuthorityRef,
  items: z.array(
    z.object({
      reference: z.string().describe('Anonymous, in no order'),
      question: z.string(),
      text: z.string().describe('The answer, contact details masked'),
      matches: z.array(z.string()).describe('The worrying words it contains'),
      band: z.string(),
      submittedOn: z.string(),
      seen: z.object({ at: z.string(), by: z.string().nullable(), note: z.string() }).nullable(),
    }),
  ),
});

export default async function safeguardingRoutes(app: FastifyInstance) {
  app.get('/authorities/:code/safeguarding', { config: { openapi: { summary: 'The safeguarding queue: free-text answers with worrying words, masked, by anonymous reference', params: AuthorityParam, reply: Queue, responses: { 200: 'The queue', ...REFUSED } } } }, async (request) => {
    const { staff, authority } = await scopedAuthority(request, 'safeguarding');
    const waves = await app.db.selectFrom('waves').select(['id']).where('authority_id', '=', authority.id).execute();
    const rows = await textAnswers(app.db, waves.map((w) => w.id), textQuestionIds(registry.all()));
    const items = rows
      .map((r) => ({ ...r, matches: app.safeguarding.find(r.value) }))
      .filter((r) => r.matches.length)
      .map((r) => ({
        reference: r.reference,
        question: r.question,
        text: maskFreeText(r.value),
        matches: r.matches,
        band: r.band,
        submittedOn: r.submitted_on,
        seen: r.seen_at ? { at: r.seen_at, by: r.seen_by, note: r.note ?? '' } : null,
      }))
      // Newest day first; within a day by reference, which says nothing of the order they came in.
      .sort((a, b) => b.submittedOn.localeCompare(a.submittedOn) || a.reference.localeCompare(b.reference) || a.question.localeCompare(b.question));
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'safeguarding_view', authority: authority.code, detail: { items: items.length } });
    return { authority: { code: authority.code, name: authority.name }, items };
  });

  app.post('/safeguarding/:reference/:question/seen', { config: { openapi: { summary: 'Marks an answer in the queue as seen, with a note', params: AnswerParam, body: Seen, bodyOptional: true, reply: Done, responses: { 200: 'Marked', 400: 'Invalid note', ...REFUSED } } } }, async (request) => {
    const { reference, question } = AnswerParam.parse(request.params);
    const { note } = Seen.parse(request.body ?? {});
    const staff = requirePermission(request, 'safeguarding');
    // Looked for only among the user's authorities: another's answer is not found (404).
    const scope = staff.role === 'programme_admin' ? null : staff.authorities.map((a) => a.id);
    const answer = textQuestionIds(registry.all()).includes(question) ? await answerByReference(app.db, reference, question, scope) : undefined;
    requireAuthority(request, 'safeguarding', answer?.authorityId);
    // Only answers that are in the queue can be marked.
    if (!answer || !app.safeguarding.find(answer.value).length) throw new HttpError(404, 'not found');
    await markSeen(app.db, answer.responseId, question, staff.userId, note);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'safeguarding_seen', authority: answer.authorityCode, detail: { reference, question, note } });
    return { ok: true };
  });
}
