// The published children's version of a round's results, for the survey
// app's "What children told us last time" screen: by the round's own code
// (/results/CODE), or, with ?last=1, the latest earlier round of the same
// authority and programme that has one (the start screen of the next
// round). Only published versions; nothing else of the round.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { normaliseAccessCode } from '../../access-code.js';
import { HttpError } from '../../plugins/errors.js';
import { childrenResults } from '../../repos/children-results.js';
import { ResultsContent } from '../../loop/children-results.js';

const Params = z.object({ code: z.string().max(32) });
const Query = z.object({ last: z.enum(['1']).optional() });
const Published = z.object({
  authority: z.object({ name: z.string(), contact: z.string().nullable() }),
  programme: z.string(),
  period: z.string(),
  versions: z.array(z.object({ band: z.string(), locale: z.string(), content: ResultsContent })),
});

export default async function results(app: FastifyInstance) {
  app.get(
    '/api/results/:code',
    {
      config: {
        rateLimit: { max: app.config.lookupRateLimit, timeWindow: '1 minute' },
        openapi: {
          summary: "The published children's version of a round's results (with last=1: of the latest earlier round that has one)",
          params: Params,
          query: Query,
          reply: Published,
          responses: { 200: 'The published versions by band and language', 404: 'None published', 429: 'Too many look-ups from this address' },
        },
      },
    },
    async (request) => {
      const { code } = Params.parse(request.params);
      const { last } = Query.parse(request.query);
      const normalised = normaliseAccessCode(code);
      const wave = normalised && app.waves.find(normalised);
      const none = () => new HttpError(404, 'no results have been shared for this survey yet');
      if (!wave) throw none();
      const rounds = await app.db
        .selectFrom('waves')
        .select(['id', 'period'])
        .where('authority_id', '=', wave.authority_id)
        .where('programme', '=', wave.programme)
        .where('period', last ? '<' : '=', wave.period)
        .orderBy('period', 'desc')
        .execute();
      for (const round of rounds) {
        const versions = await childrenResults(app.db, round.id, true);
        if (versions.length)
          return {
            authority: { name: wave.authority_name, contact: wave.authority_contact },
            programme: wave.programme,
            period: round.period,
            versions: versions.map((v) => ({ band: v.band, locale: v.locale, content: v.content })),
          };
      }
      throw none();
    },
  );
}
