import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AUDIENCES, SCALES, currentInstrument, getInstrument, integerBounds, type Instrument, type ScaleId } from '../../../surveys/index.js';
import { HttpError } from '../../plugins/errors.js';

const Params = z.object({ id: z.string().max(40) });
const Query = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

/** An instrument as the survey app reads it; a council questionnaire's words and options ride along (loose). */
export const InstrumentReply = z.looseObject({
  id: z.string(),
  version: z.number().int().min(1),
  programme: z.string(),
  band: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  audience: z.enum(AUDIENCES),
  title: z.string().describe('An i18n key (English in surveys/locales/en.json), or a key of the questionnaire\u2019s strings'),
  questions: z.array(
    z.looseObject({
      id: z.string(),
      scale: z.string(),
      text: z.string(),
      answeredBy: z.enum(['child', 'adult']),
      required: z.boolean(),
      condition: z.object({ question: z.string(), notIn: z.array(z.string()) }).optional(),
    }),
  ),
  indicators: z.array(z.object({ indicator: z.string(), question: z.string(), options: z.array(z.union([z.string(), z.number()])) })),
  scores: z.array(z.string()),
});
/** With the scales its questions use. */
const Described = InstrumentReply.extend({ scales: z.record(z.string(), z.looseObject({ kind: z.string() })).describe('The scales its questions use, by id') });

/** An instrument with the scales its questions use, as JSON (an `options` question carries its own options). */
function describe(inst: Instrument): string {
  const used = [...new Set(inst.questions.flatMap((q) => (q.scale === 'options' ? [] : [q.scale])))];
  const scales = Object.fromEntries(
    used.map((s: ScaleId) => {
      const scale = SCALES[s];
      const bounds = integerBounds(scale, inst);
      return [s, bounds ? { kind: 'integer', ...bounds } : scale];
    }),
  );
  // Parsed once per instrument (then cached as text), as the reply hook parses other routes' replies.
  return JSON.stringify(Described.parse({ ...inst, scales }));
}

export default async function instruments(app: FastifyInstance) {
  // Definitions never change once published, so each is serialised once (every child fetches one)
  // and clients and proxies may cache them.
  const described = new Map<Instrument, string>();
  app.get(
    '/api/instruments/:id',
    {
      config: {
        openapi: {
          summary: 'A questionnaire (instrument): its questions and the scales they use; the current version unless one is asked for',
          params: Params,
          query: Query,
          reply: Described,
          responses: { 200: 'The instrument', 400: 'Invalid version', 404: 'No such instrument or version' },
        },
      },
    },
    async (request, reply) => {
      const { id } = Params.parse(request.params);
      const { version } = Query.parse(request.query);
      const inst = version === undefined ? currentInstrument(id) : getInstrument(id, version);
      if (!inst) throw new HttpError(404, `no instrument ${id}${version ? ` version ${version}` : ''}`);
      let body = described.get(inst);
      if (body === undefined) described.set(inst, (body = describe(inst)));
      return reply.header('cache-control', 'public, max-age=3600').type('application/json; charset=utf-8').send(body);
    },
  );
}
