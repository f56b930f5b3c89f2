import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { currentInstrument, getInstrument, registry, validateAnswers } from '../../../surveys/index.js';
import { normaliseAccessCode } from '../../access-code.js';
import { isOpenOn, today } from '../../dates.js';
import { HttpError, invalid, zodIssues } from '../../plugins/errors.js';
import { findStoredHash, payloadHash, storedAs } from '../../repos/responses.js';

const Body = z
  .object({
    id: z.uuid('id must be a UUID made by the client'),
    code: z.string().max(32),
    instrument: z.string().max(40),
    version: z.number().int().min(1),
    answers: z.record(z.string().max(64), z.unknown()),
  })
  .strict();

export default async function responses(app: FastifyInstance) {
  app.post(
    '/api/responses',
    {
      config: {
        rateLimit: { max: app.config.submitRateLimit, timeWindow: '1 minute' },
        openapi: {
          summary: "Submits one child's answers; the client's UUID makes a retry safe",
          body: Body,
          reply: z.object({ id: z.uuid(), status: z.enum(['stored', 'duplicate']) }),
          responses: {
            200: 'Already stored (a retry): status duplicate',
            201: 'Stored: status stored',
            400: 'Invalid answers, naming each',
            403: 'The survey is not open',
            404: 'No survey has this code',
            409: 'This id was already used for different answers',
            429: 'Too many submissions from this address',
          },
        },
      },
    },
    async (request, reply) => {
      const parsed = Body.safeParse(request.body);
      if (!parsed.success) throw invalid(zodIssues(parsed.error));
      const body = parsed.data;
      const uuid = body.id.toLowerCase();

      const code = normaliseAccessCode(body.code);
      const wave = code && (app.waves.find(code));
      if (!wave) throw new HttpError(404, 'no survey has this code');

      const inst = getInstrument(body.instrument, body.version);
      // Another authority's local questions are not this round's.
      if (!inst || inst.programme !== wave.programme || !registry.usableBy(inst, wave.authority_id)) {
        const known = currentInstrument(body.instrument);
        throw invalid([
          known && known.programme === wave.programme && registry.usableBy(known, wave.authority_id)
            ? { path: 'version', message: `${body.instrument} has no version ${body.version}` }
            : { path: 'instrument', message: `${body.instrument} is not an instrument of this survey` },
        ]);
      }
      const result = validateAnswers(inst, body.answers);
      if (!result.ok) throw invalid(result.issues);

      const response = {
        uuid,
        waveId: wave.id,
        ...storedAs(inst),
        band: inst.band,
        submittedOn: today(),
        answers: result.answers,
      };
      if (!isOpenOn(wave, response.submittedOn)) {
        // A retry of an answer stored before the wave closed is still acknowledged.
        if ((await findStoredHash(app.db, uuid)) === payloadHash(response))
          return reply.status(200).send({ id: uuid, status: 'duplicate' });
        throw new HttpError(403, 'this survey is not open');
      }
      const outcome = await app.responseWriter.submit(response);
      if (outcome === 'conflict')
        throw new HttpError(409, 'this id was already used for different answers; start a new response with a new id');
      return reply.status(outcome === 'stored' ? 201 : 200).send({ id: uuid, status: outcome });
    },
  );
}
