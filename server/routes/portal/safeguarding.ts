// The safeguarding queue: free-text answers of an authority's waves that
// match the list of worrying words, to be read, marked as seen and noted.
// Answers stay anonymous: no response id beyond the database's own, no
// time of day, contact details masked as in reports. Every look and every
// mark is audit-logged.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAuthority } from '../../auth/access.js';
import { HttpError } from '../../plugins/errors.js';
import { audit } from '../../repos/audit.js';
import { answerAuthority, markSeen, textAnswers } from '../../repos/safeguarding.js';
import { registry, textQuestionIds } from '../../../surveys/index.js';
import { maskFreeText } from '../../../reports/mask.js';
import { scopedAuthority } from './scope.js';

const Seen = z.strictObject({ note: z.string().trim().max(2000).default('') });
const AnswerParam = z.strictObject({ response: z.coerce.number().int().min(1).max(2 ** 53), question: z.string().max(60) });

export default async function safeguardingRoutes(app: FastifyInstance) {
  app.get('/authorities/:code/safeguarding', async (request) => {
    const { staff, authority } = await scopedAuthority(request, 'safeguarding');
    const waves = await app.db.selectFrom('waves').select(['id']).where('authority_id', '=', authority.id).execute();
    const rows = await textAnswers(app.db, waves.map((w) => w.id), textQuestionIds(registry.all()));
    const items = rows
      .map((r) => ({ ...r, matches: app.safeguarding.find(r.value) }))
      .filter((r) => r.matches.length)
      .map((r) => ({
        response: r.response_id,
        question: r.question,
        text: maskFreeText(r.value),
        matches: r.matches,
        band: r.band,
        submittedOn: r.submitted_on,
        seen: r.seen_at ? { at: r.seen_at, by: r.seen_by, note: r.note ?? '' } : null,
      }));
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'safeguarding_view', authority: authority.code, detail: { items: items.length } });
    return { authority: { code: authority.code, name: authority.name }, items };
  });

  app.post('/safeguarding/:response/:question/seen', async (request) => {
    const { response, question } = AnswerParam.parse(request.params);
    const { note } = Seen.parse(request.body ?? {});
    const owner = await answerAuthority(app.db, response, question);
    const staff = requireAuthority(request, 'safeguarding', owner?.id);
    // Only answers that are in the queue can be marked.
    const row = await app.db.selectFrom('answers').select('value').where('response_id', '=', response).where('question', '=', question).executeTakeFirstOrThrow();
    if (!textQuestionIds(registry.all()).includes(question) || !app.safeguarding.find(row.value).length) throw new HttpError(404, 'not found');
    await markSeen(app.db, response, question, staff.userId, note);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'safeguarding_seen', authority: owner!.code, detail: { response, question, note } });
    return { ok: true };
  });
}
