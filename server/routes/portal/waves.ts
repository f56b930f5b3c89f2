// Survey rounds: list, create, population, close early, the access code
// as a QR code, and live response counts against the population.
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { Done, REFUSED } from '../../openapi.js';
import { can, requirePermission } from '../../auth/access.js';
import { formatAccessCode } from '../../access-code.js';
import { IsoDate, isOpenOn, today } from '../../dates.js';
import { surveyAddress } from '../../survey-address.js';
import { HttpError } from '../../plugins/errors.js';
import { audit } from '../../repos/audit.js';
import { listWaves, responsesByBand, setClosesOn, waveChoices, type PortalWaveRow } from '../../repos/portal-waves.js';
import { createWave, findWave, populationProblems, setPopulation } from '../../repos/waves.js';
import { LOW_RESPONSE_RATE, responseRate } from '../../../reports/build.js';
import { AUDIENCES, programmeInstruments, programmeTitle } from '../../../surveys/index.js';
import { questionnaireOwnerProblem } from '../../questionnaire-access.js';
import { AuthorityCode, Band, Period, Programme } from '../../schemas.js';
import type { Staff } from '../../auth/sessions.js';
import { AuthorityRef, WaveParam, scopedAuthority, scopedWave } from './scope.js';
import { wavePopulations } from '../../../reports/queries/wave-populations.js';

const NewWave = z
  .strictObject({
    authority: z.string(),
    programme: Programme.default('ylyc'),
    period: Period,
    opensOn: IsoDate.nullable().optional(),
    closesOn: IsoDate.nullable().optional(),
  })
  .refine((w) => !w.opensOn || !w.closesOn || w.opensOn <= w.closesOn, { path: ['closesOn'], message: 'the closing date is before the opening date' });

const Population = z.strictObject({ bands: z.partialRecord(Band, z.number().int().min(0).max(1_000_000)) });

const WaveSummary = z.object({
  id: z.number().int(),
  authority: AuthorityRef,
  programme: z.string(),
  title: z.string().describe('What staff call the programme: a built-in one’s name, or its questionnaire’s title (in English, else its first language)'),
  period: z.string(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  open: z.boolean(),
  code: z.string().nullable().describe('The access code, for those who manage rounds (it lets anyone answer); null for viewers'),
  responses: z.number().int(),
});
const WaveDetail = WaveSummary.extend({
  address: z.object({ url: z.string(), public: z.boolean().describe('False when PUBLIC_URL is unset: other devices may not reach it') }).nullable(),
  bands: z.array(
    z.object({
      band: z.string(),
      audience: z.enum(AUDIENCES).describe('Who answers this band: children, young_people, or adults (a council questionnaire for carers or staff: no age, no results for children)'),
      responses: z.number().int(),
      population: z.number().int().nullable(),
      rate: z.number().nullable(),
      low: z.boolean(),
      populationLooksWrong: z.boolean(),
    }),
  ),
  threshold: z.number().describe('The response rate (percent) under which results are read with care'),
});

/** The rounds list's page when a client asks for pages without saying how long: the portal's. */
const PER_PAGE = 25;
const ListQuery = z.strictObject({
  authority: AuthorityCode.optional(),
  programme: Programme.optional(),
  period: Period.optional(),
  state: z.enum(['open', 'closed']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  perPage: z.coerce.number().int().min(1).max(500).optional(),
});
const WaveList = z.object({
  waves: z.array(WaveSummary),
  total: z.number().int().describe('How many rounds match the filters (on every page)'),
  page: z.number().int(),
  perPage: z.number().int().nullable().describe('Null when no page was asked for: every matching round'),
  choices: z
    .object({ authorities: z.array(AuthorityRef), programmes: z.array(z.object({ id: z.string(), title: z.string() })), periods: z.array(z.string()) })
    .describe('The values each filter can take among the rounds the user may see (periods newest first)'),
});

/** A wave as the list shows it. Viewers do not get the access code: it lets anyone answer. */
function summary(w: PortalWaveRow, staff: Staff, date = today()): z.infer<typeof WaveSummary> {
  return {
    id: w.id,
    authority: { code: w.authority_code, name: w.authority_name },
    programme: w.programme,
    title: programmeTitle(w.programme),
    period: w.period,
    opensOn: w.opens_on,
    closesOn: w.closes_on,
    open: isOpenOn(w, date),
    code: can(staff, 'manage_waves') ? formatAccessCode(w.access_code) : null,
    responses: w.responses,
  };
}

const yesterday = () => today(new Date(Date.now() - 24 * 60 * 60 * 1000));

export default async function waveRoutes(app: FastifyInstance) {
  app.get(
    '/waves',
    {
      config: {
        openapi: {
          summary:
            'The survey rounds the user may see, with response counts (access codes for those who manage rounds): filtered, and a page of them when page or perPage is given (25 a page unless perPage says), with the total matching and the values each filter can take',
          query: ListQuery,
          reply: WaveList,
          responses: { 200: 'The rounds', 400: 'Invalid filter or page', ...REFUSED },
        },
      },
    },
    async (request) => {
      const staff = requirePermission(request, 'read');
      const { page, perPage, ...filter } = ListQuery.parse(request.query);
      // Scoped here for every query: the filters only narrow what the user's authorities hold.
      const ids = staff.role === 'programme_admin' ? null : staff.authorities.map((a) => a.id);
      const paged = page !== undefined || perPage !== undefined ? { page: page ?? 1, perPage: perPage ?? PER_PAGE } : undefined;
      const { rows, total } = await listWaves(app.db, ids, filter, paged);
      const choices = await waveChoices(app.db, ids);
      return {
        waves: rows.map((w) => summary(w, staff)),
        total,
        page: paged?.page ?? 1,
        perPage: paged?.perPage ?? null,
        choices: { ...choices, programmes: choices.programmes.map((id) => ({ id, title: programmeTitle(id) })) },
      };
    },
  );

  app.post('/waves', { config: { openapi: { summary: 'Creates a survey round: its access code is drawn', body: NewWave, reply: z.object({ id: z.number().int(), code: z.string() }), responses: { 201: 'Created: id and access code', 400: 'Invalid body', ...REFUSED, 409: 'The authority already has this round' } } } }, async (request, reply) => {
    const body = NewWave.parse(request.body);
    const { staff, authority } = await scopedAuthority(request, 'manage_waves', body.authority);
    // Another council's questionnaire is not one this authority may run (as the command line refuses it).
    const notOurs = questionnaireOwnerProblem(body.programme, authority.id);
    if (notOurs) throw new HttpError(400, notOurs, [{ path: 'programme', message: notOurs }]);
    if (await findWave(app.db, authority.code, body.programme, body.period))
      throw new HttpError(409, `${authority.name} already has a ${programmeTitle(body.programme).toLowerCase()} round for ${body.period}`);
    const wave = await createWave(app.db, {
      authority_id: authority.id,
      programme: body.programme,
      period: body.period,
      opens_on: body.opensOn ?? null,
      closes_on: body.closesOn ?? null,
    });
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'wave_create', authority: authority.code, detail: { id: wave.id, programme: wave.programme, period: wave.period } });
    return reply.status(201).send({ id: wave.id, code: formatAccessCode(wave.access_code) });
  });

  app.get('/waves/:id', { config: { openapi: { summary: 'A round: dates, responses and rates by band, the address children open (for those who manage rounds)', params: WaveParam, reply: WaveDetail, responses: { 200: 'The round', ...REFUSED } } } }, async (request) => {
    const { staff, wave } = await scopedWave(request, 'read');
    const counts = await responsesByBand(app.db, wave.id);
    const populations = await wavePopulations(app.db, wave.id);
    const bands = programmeInstruments(wave.programme).map((i) => {
      const responses = counts.get(i.band) ?? 0;
      const population = populations.get(i.band);
      // The same figures as the report's, with no population entered yet shown as such.
      const figures = population === undefined ? { responses, population: null, rate: null, low: false, populationLooksWrong: false } : responseRate(responses, population);
      return { band: i.band, audience: i.audience, ...figures };
    });
    // The address children open, for those who may see the code (it lets anyone answer).
    const address = can(staff, 'manage_waves') ? surveyAddress(app.config.publicUrl, request, wave.access_code) : null;
    return { ...summary(wave, staff), address, bands, threshold: LOW_RESPONSE_RATE };
  });

  app.put('/waves/:id/population', { config: { openapi: { summary: 'Sets how many children each band has, for response rates', params: WaveParam, body: Population, reply: Done, responses: { 200: 'Saved', 400: 'Invalid figures', ...REFUSED } } } }, async (request) => {
    const { staff, wave } = await scopedWave(request, 'manage_waves');
    const { bands } = Population.parse(request.body);
    const allowed = new Set(programmeInstruments(wave.programme).map((i) => i.band));
    const wrong = Object.keys(bands).filter((b) => !allowed.has(b as never));
    if (wrong.length) throw new HttpError(400, `band ${wrong.join(', ')} is not in this programme`, wrong.map((b) => ({ path: `bands.${b}`, message: 'not in this programme' })));
    const problems = await populationProblems(app.db, wave.id, bands as Record<string, number>);
    if (problems.length) throw new HttpError(400, problems.map((p) => p.message).join('; '), problems.map((p) => ({ path: `bands.${p.band}`, message: p.message })));
    await setPopulation(app.db, wave.id, bands as Record<string, number>);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'wave_population', authority: wave.authority_code, detail: { id: wave.id, bands } });
    return { ok: true };
  });

  app.post('/waves/:id/close', { config: { openapi: { summary: 'Closes a round now (its last day becomes yesterday)', params: WaveParam, reply: z.object({ closesOn: z.string() }), responses: { 200: 'The new closing date', ...REFUSED, 409: 'Already closed' } } } }, async (request) => {
    const { staff, wave } = await scopedWave(request, 'manage_waves');
    // The last day it takes answers becomes yesterday: closed from now on.
    const closesOn = yesterday();
    if (wave.closes_on !== null && wave.closes_on <= closesOn) throw new HttpError(409, 'this round is already closed');
    await setClosesOn(app.db, wave.id, closesOn);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'wave_close', authority: wave.authority_code, detail: { id: wave.id, closesOn } });
    return { closesOn };
  });

  app.get('/waves/:id/qr.svg', { config: { openapi: { summary: 'The QR code of the address children open', params: WaveParam, produces: 'image/svg+xml', responses: { 200: 'An SVG image', ...REFUSED } } } }, async (request, reply) => {
    const { wave } = await scopedWave(request, 'manage_waves');
    const { url } = surveyAddress(app.config.publicUrl, request, wave.access_code);
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return reply.type('image/svg+xml').send(svg);
  });
}
