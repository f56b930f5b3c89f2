// The children's version of a round's results in the portal: a suggestion
// per band from the report, the saved versions per band and locale, saving
// an edit and publishing it (both audited). Nothing is public before it is
// published (routes/public/results.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REFUSED } from '../../openapi.js';
import { programmeInstruments } from '../../../surveys/index.js';
import { RESULTS_LOCALES } from '../../../surveys/results-text.js';
import { ResultsContent, ResultsEdit, ResultsInputError, ResultsLocale, resolveResults, resultChoices, suggestResults } from '../../loop/children-results.js';
import { HttpError } from '../../plugins/errors.js';
import { listActions } from '../../repos/actions.js';
import { audit } from '../../repos/audit.js';
import { childrenResults, publishChildrenResults, saveChildrenResults } from '../../repos/children-results.js';
import type { PortalWaveRow } from '../../repos/portal-waves.js';
import { Band } from '../../schemas.js';
import { buildOrExplain } from './reports.js';
import { WaveParam, scopedWave } from './scope.js';

const Version = z.strictObject({ id: z.string(), band: Band, locale: ResultsLocale });

const Versions = z.array(z.object({ band: z.string(), locale: z.string(), content: ResultsContent, updatedAt: z.string(), publishedAt: z.string().nullable() }));
const Editing = z.object({
  bands: z.array(z.string()),
  locales: z.array(z.string()),
  suggestions: z.record(z.string(), ResultsEdit).describe('By band: what the report suggests'),
  choices: z.record(z.string(), z.array(z.object({ indicator: z.string(), label: z.string(), words: z.string() }))).describe('By band: the findings that may be chosen'),
  versions: Versions,
});

/** Results for children are for children: a round of a questionnaire for adults (carers, staff) has none. */
const NOT_FOR_ADULTS = 'a round of a questionnaire for adults has no results for children';
function forChildren(wave: PortalWaveRow): void {
  if (programmeInstruments(wave.programme).every((i) => i.audience === 'adults')) throw new HttpError(409, NOT_FOR_ADULTS);
}

export default async function childrenResultsRoutes(app: FastifyInstance) {
  const reportOf = (wave: PortalWaveRow) =>
    buildOrExplain(app, { authority: wave.authority_code, programme: wave.programme, period: wave.period, minBase: app.config.minBase, freeText: false });

  app.get('/waves/:id/children-results', { config: { openapi: { summary: 'The children’s version of a round’s results: a suggestion per band, the choices, the saved versions', params: WaveParam, reply: Editing, responses: { 200: 'Suggestions and versions', ...REFUSED, 409: NOT_FOR_ADULTS } } } }, async (request) => {
    const { wave } = await scopedWave(request, 'read');
    forChildren(wave);
    const report = await reportOf(wave);
    const pledges = await listActions(app.db, { authorityId: wave.authority_id, programme: wave.programme, period: wave.period });
    const bands = programmeInstruments(wave.programme).map((i) => i.band);
    return {
      bands,
      locales: RESULTS_LOCALES,
      suggestions: Object.fromEntries(bands.map((b) => [b, suggestResults(report, b, pledges)])),
      choices: Object.fromEntries(bands.map((b) => [b, resultChoices(report, b)])),
      versions: await childrenResults(app.db, wave.id, false),
    };
  });

  app.put('/waves/:id/children-results/:band/:locale', { config: { openapi: { summary: 'Saves the children’s version for a band and language (not public until published)', params: WaveParam.extend(Version.shape), body: ResultsEdit, reply: z.object({ band: z.string(), locale: z.string(), content: ResultsContent, publishedAt: z.null() }), responses: { 200: 'The saved version', 400: 'Invalid choice', ...REFUSED, 409: NOT_FOR_ADULTS } } } }, async (request) => {
    const { band, locale } = Version.parse(request.params);
    const { staff, wave } = await scopedWave(request, 'action_plan');
    forChildren(wave);
    const edit = ResultsEdit.parse(request.body);
    let content;
    try {
      content = resolveResults(await reportOf(wave), band, edit);
    } catch (error) {
      if (error instanceof ResultsInputError) throw new HttpError(400, error.message, [{ path: '(body)', message: error.message }]);
      throw error;
    }
    await saveChildrenResults(app.db, wave.id, band, locale, content, staff.userId);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'children_results_save', authority: wave.authority_code, detail: { wave: wave.id, band, locale } });
    return { band, locale, content, publishedAt: null };
  });

  app.post('/waves/:id/children-results/:band/:locale/publish', { config: { openapi: { summary: 'Publishes the saved version: children see it at /results/CODE', params: WaveParam.extend(Version.shape), reply: z.object({ band: z.string(), locale: z.string(), published: z.literal(true) }), responses: { 200: 'Published', ...REFUSED, 409: NOT_FOR_ADULTS } } } }, async (request) => {
    const { band, locale } = Version.parse(request.params);
    const { staff, wave } = await scopedWave(request, 'action_plan');
    forChildren(wave);
    if (!(await publishChildrenResults(app.db, wave.id, band, locale, staff.userId))) throw new HttpError(404, `nothing saved for ages ${band} in ${locale}`);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'children_results_publish', authority: wave.authority_code, detail: { wave: wave.id, band, locale } });
    return { band, locale, published: true };
  });
}
