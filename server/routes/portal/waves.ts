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
import { listWaves, responsesByBand, setClosesOn, type PortalWaveRow } from '../../repos/portal-waves.js';
import { createWave, findWave, populationProblems, setPopulation } from '../../repos/waves.js';
import { LOW_RESPONSE_RATE, responseRate } from '../../../reports/build.js';
import { programmeInstruments } from '../../../surveys/index.js';
import { questionnaireOwnerProblem } from '../../questionnaire-access.js';
import { programmeName } from '../../../surveys/programme-names.js';
import { Band, Period, Programme } from '../../schemas.js';
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
      responses: z.number().int(),
      population: z.number().int().nullable(),
      rate: z.number().nullable(),
      low: z.boolean(),
      populationLooksWrong: z.boolean(),
    }),
  ),
  threshold: z.number().describe('The response rate (percent) under which results are read with care'),
});

/** A wave as the list shows it. Viewers do not get the access code: it lets anyone answer. */
function summary(w: PortalWaveRow, staff: Staff, date = today()): z.infer<typeof WaveSummary> {
  return {
    id: w.id,
    authority: { code: w.authority_code, name: w.authority_name },
    programme: w.programme,
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
  app.get('/waves', { config: { openapi: { summary: 'The survey rounds the user may see, with response counts (access codes for those who manage rounds)', reply: z.object({ waves: z.array(WaveSummary) }), responses: { 200: 'The rounds', ...REFUSED } } } }, async (request) => {
    const staff = requirePermission(request, 'read');
    const ids = staff.role === 'programme_admin' ? null : staff.authorities.map((a) => a.id);
    return { waves: (await listWaves(app.db, ids)).map((w) => summary(w, staff)) };
  });

  app.post('/waves', { config: { openapi: { summary: 'Creates a survey round: its access code is drawn', body: NewWave, reply: z.object({ id: z.number().int(), code: z.string() }), responses: { 201: 'Created: id and access code', 400: 'Invalid body', ...REFUSED, 409: 'The authority already has this round' } } } }, async (request, reply) => {
    const body = NewWave.parse(request.body);
    const { staff, authority } = await scopedAuthority(request, 'manage_waves', body.authority);
    // Another council's questionnaire is not one this authority may run (as the command line refuses it).
    const notOurs = questionnaireOwnerProblem(body.programme, authority.id);
    if (notOurs) throw new HttpError(400, notOurs, [{ path: 'programme', message: notOurs }]);
    if (await findWave(app.db, authority.code, body.programme, body.period))
      throw new HttpError(409, `${authority.name} already has a ${programmeName(body.programme).toLowerCase()} round for ${body.period}`);
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
      return { band: i.band, ...figures };
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
