import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AUDIENCES, registry, type Instrument } from '../../../surveys/index.js';
import { FILE_LOCALES } from '../../../surveys/questionnaire-file.js';
import { normaliseAccessCode } from '../../access-code.js';
import { isOpenOn, today } from '../../dates.js';
import { HttpError } from '../../plugins/errors.js';
import type { WaveWithAuthority } from '../../repos/waves.js';

const Params = z.object({ code: z.string().max(32) });

/** What publicWave gives. */
export const PublicWave = z.object({
  authority: z.object({ code: z.string(), name: z.string(), contact: z.string().nullable().describe('Null until the council gives one') }),
  programme: z.string(),
  period: z.string(),
  open: z.boolean(),
  instruments: z.array(
    z.object({ id: z.string(), version: z.number().int().min(1), band: z.string(), minAge: z.number().int(), maxAge: z.number().int(), audience: z.enum(AUDIENCES) }),
  ),
  locales: z.array(z.enum(FILE_LOCALES)).min(1).describe('The languages the start screen offers: those of every instrument of the round (a council questionnaire’s or its local questions’ own; all three for built-ins)'),
});

/** An instrument as a round lists it: enough for the start screen to pick one by age and audience. */
export function roundInstrument(i: Instrument) {
  return { id: i.id, version: i.version, band: i.band, minAge: i.minAge, maxAge: i.maxAge, audience: i.audience };
}

/**
 * The languages a round can be answered in: those every one of its
 * instruments is written in, since the language is chosen before the age
 * picks the instrument. Built-ins are in every language; a council
 * questionnaire, or local questions on a core round (asked after the core,
 * which is in every language), only in the file's own.
 */
export function roundLocales(instruments: readonly Instrument[]): (typeof FILE_LOCALES)[number][] {
  return FILE_LOCALES.filter((l) => instruments.every((i) => !i.locales || i.locales.includes(l)));
}

/** What a child's tablet is told about a round: the API's answer, and the start screen drawn into the page (server/survey-page.ts). */
export function publicWave(wave: WaveWithAuthority) {
  // A council's local questions on a core instrument take its place: asked after the core ones.
  const instruments = registry.roundInstruments(wave.programme, wave.authority_id);
  return {
    authority: { code: wave.authority_code, name: wave.authority_name, contact: wave.authority_contact },
    programme: wave.programme,
    period: wave.period,
    open: isOpenOn(wave, today()),
    instruments: instruments.map(roundInstrument),
    locales: roundLocales(instruments),
  };
}

export default async function waves(app: FastifyInstance) {
  app.get(
    '/api/waves/:code',
    {
      config: {
        rateLimit: { max: app.config.lookupRateLimit, timeWindow: '1 minute' },
        openapi: {
          summary: 'The survey round an access code opens: authority, programme, period, whether it is open, its instruments',
          params: Params,
          reply: PublicWave,
          responses: { 200: 'The round', 404: 'No survey has this code', 429: 'Too many look-ups from this address' },
        },
      },
    },
    async (request) => {
      const { code } = Params.parse(request.params);
      const normalised = normaliseAccessCode(code);
      const wave = normalised && (app.waves.find(normalised));
      if (!wave) throw new HttpError(404, 'no survey has this code; check the code and try again');
      return publicWave(wave);
    },
  );
}
