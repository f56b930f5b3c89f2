import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registry } from '../../../surveys/index.js';
import { normaliseAccessCode } from '../../access-code.js';
import { isOpenOn, today } from '../../dates.js';
import { HttpError } from '../../plugins/errors.js';

const Params = z.object({ code: z.string().max(32) });

export default async function waves(app: FastifyInstance) {
  app.get(
    '/api/waves/:code',
    { config: { rateLimit: { max: app.config.lookupRateLimit, timeWindow: '1 minute' } } },
    async (request) => {
      const { code } = Params.parse(request.params);
      const normalised = normaliseAccessCode(code);
      const wave = normalised && (app.waves.find(normalised));
      if (!wave) throw new HttpError(404, 'no survey has this code; check the code and try again');
      return {
        authority: { code: wave.authority_code, name: wave.authority_name, contact: wave.authority_contact },
        programme: wave.programme,
        period: wave.period,
        open: isOpenOn(wave, today()),
        // A council's local questions on a core instrument take its place: asked after the core ones.
        instruments: registry.roundInstruments(wave.programme, wave.authority_id).map((i) => ({
          id: i.id,
          version: i.version,
          band: i.band,
          minAge: i.minAge,
          maxAge: i.maxAge,
          audience: i.audience,
        })),
      };
    },
  );
}
