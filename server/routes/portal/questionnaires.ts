// Councils' questionnaires in the portal: the list a user may use, a file
// checked (every problem with its JSON path, as `hearme questionnaire add`
// prints them) and previewed before it is stored, storing it, and the
// preview of a stored one. Scoped on the server: an officer uses their
// authorities' questionnaires and everyone's, never another council's;
// only a programme admin adds one for everyone. Each preview comes twice:
// in words (`preview`, for the portal's page) and as the survey app takes
// it (`respondentView`, for the survey's own screens at /s/preview/…).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AUDIENCES, registry } from '../../../surveys/index.js';
import { toInstrument } from '../../../surveys/questionnaire.js';
import { can, requirePermission, sees } from '../../auth/access.js';
import { REFUSED } from '../../openapi.js';
import { InstrumentReply } from '../public/instruments.js';
import { PublicWave } from '../public/waves.js';
import { HttpError } from '../../plugins/errors.js';
import { questionnairePreview, respondentView } from '../../questionnaire-preview.js';
import { authorityShown } from '../../repos/authorities.js';
import { audit } from '../../repos/audit.js';
import { QuestionnaireRefused, checkQuestionnaire, listQuestionnaires, storeQuestionnaire } from '../../repos/questionnaires.js';
import type { Staff } from '../../auth/sessions.js';
import { scopedAuthority } from './scope.js';

const Locale = z.enum(['en', 'cy', 'ar']).optional();
/** The file as parsed JSON: checked by the questionnaire schema itself, so any value is taken here. */
const Check = z.strictObject({ file: z.unknown(), locale: Locale });
const Store = z.strictObject({
  /** The owning authority's code, or null: for every authority (programme admins only). */
  authority: z.string().nullable(),
  file: z.unknown(),
});
const IdParam = z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/).max(40) });
/** A questionnaire as respondents read it (questionnaire-preview.ts). */
const Preview = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  title: z.string(),
  audience: z.enum(AUDIENCES),
  locale: z.string(),
  locales: z.array(z.string()),
  rtl: z.boolean().describe('Right to left (Arabic)'),
  questions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      choices: z.array(z.object({ value: z.string(), label: z.string() })).describe('The answers offered, in order'),
      freeText: z.boolean(),
      condition: z.object({ question: z.string(), notIn: z.array(z.string()) }).nullable().describe('Shown unless the answer to question is one of notIn'),
    }),
  ),
});
/** respondentView: a round of the questionnaire alone and its instrument, as the survey app's own routes give them. */
const RespondentView = z.object({ wave: PublicWave, instrument: InstrumentReply });
const PreviewQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional(), locale: Locale });
const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

/** Each problem of a refused file, as the API's issues: its JSON path and what is wrong. */
function refused(error: unknown): never {
  if (error instanceof QuestionnaireRefused)
    throw new HttpError(400, `the questionnaire has ${error.problems.length === 1 ? 'a problem' : `${error.problems.length} problems`}`, error.problems);
  throw error;
}

/** Whether the user may use a stored questionnaire: everyone's, or one of an authority they see. */
const mayUse = (staff: Staff, owner: number | null) => owner === null || sees(staff, owner);

/** Whom a preview's respondents see asking: the owner, else the user's first authority (a questionnaire for everyone, a file not yet added). */
async function askingAuthority(request: FastifyRequest, staff: Staff, owner: number | null) {
  const id = owner ?? staff.authorities[0]?.id;
  const found = id === undefined ? undefined : await authorityShown(request.server.db, id);
  // A programme admin with no authority of their own: the words respondents read still need a council's name.
  return found ?? { code: 'preview', name: 'Your council', contact: null };
}

/** A stored questionnaire the user may use, with its owner; 404 (as if it did not exist) for another council's. */
function usable(staff: Staff, id: string, version: number | undefined) {
  const inst = version === undefined ? registry.current(id) : registry.get(id, version);
  const meta = inst && registry.stored(inst.id, inst.version);
  if (!inst || !meta || !mayUse(staff, meta.owner)) throw new HttpError(404, 'not found');
  return { inst, owner: meta.owner };
}

export default async function questionnaireRoutes(app: FastifyInstance) {
  app.get(
    '/questionnaires',
    { config: { openapi: { summary: 'The councils’ questionnaires the user may use: their authorities’ and everyone’s', reply: z.object({ questionnaires: z.array(z.object({ id: z.string(), version: z.number().int(), title: z.string(), authority: z.string().nullable(), createdAt: z.string(), responses: z.number().int() })) }), responses: { 200: 'Each stored version', ...REFUSED } } } },
    async (request) => {
      const staff = requirePermission(request, 'read');
      const scope = staff.role === 'programme_admin' ? undefined : { authorityIds: staff.authorities.map((a) => a.id) };
      return { questionnaires: await listQuestionnaires(app.db, scope) };
    },
  );

  app.post(
    '/questionnaires/check',
    {
      config: {
        openapi: {
          summary: 'Checks a questionnaire file and previews it (in words, and as the survey app takes it), storing nothing',
          body: Check,
          reply: z.object({ preview: Preview, respondentView: RespondentView }),
          responses: { 200: 'The previews of a valid file', 400: 'The file’s problems, each with its JSON path', ...REFUSED },
        },
      },
    },
    async (request: FastifyRequest) => {
      const staff = requirePermission(request, 'manage_waves');
      const body = Check.parse(request.body);
      let file;
      try {
        file = checkQuestionnaire(body.file);
      } catch (error) {
        refused(error);
      }
      const ext = file.extends;
      const inst = toInstrument(file, ext && registry.get(ext.instrument, ext.version));
      return { preview: questionnairePreview(inst, body.locale), respondentView: respondentView(inst, await askingAuthority(request, staff, null)) };
    },
  );

  app.post(
    '/questionnaires',
    {
      config: {
        openapi: {
          summary: 'Stores a questionnaire for an authority (its officers) or, for programme admins, for everyone',
          body: Store,
          reply: z.object({ id: z.string(), version: z.number().int(), outcome: z.enum(['added', 'replaced', 'unchanged']) }),
          responses: { 201: 'Stored: its id and version', 200: 'The same file was stored before', 400: 'The file’s problems, each with its JSON path', ...REFUSED },
        },
      },
    },
    async (request, reply) => {
      const body = Store.parse(request.body);
      let staff: Staff;
      let authorityId: number | null = null;
      let authorityCode: string | null = null;
      if (body.authority === null) {
        staff = requirePermission(request, 'admin');
      } else {
        const scoped = await scopedAuthority(request, 'manage_waves', body.authority);
        staff = scoped.staff;
        authorityId = scoped.authority.id;
        authorityCode = scoped.authority.code;
      }
      let stored;
      try {
        stored = await storeQuestionnaire(app.db, body.file, authorityId);
      } catch (error) {
        refused(error);
      }
      const { file, outcome } = stored;
      await audit(app.db, { userId: staff.userId, email: staff.email, action: 'questionnaire_add', authority: authorityCode, detail: { id: file.id, version: file.version, outcome } });
      return reply.status(outcome === 'unchanged' ? 200 : 201).send({ id: file.id, version: file.version, outcome });
    },
  );

  app.get(
    '/questionnaires/:id',
    {
      config: {
        openapi: {
          summary: 'A stored questionnaire as respondents see it, one language at a time (read-only)',
          params: IdParam,
          query: PreviewQuery,
          reply: z.object({ preview: Preview, forEveryone: z.boolean(), canOpenRound: z.boolean() }),
          responses: { 200: 'Its preview', ...REFUSED },
        },
      },
    },
    async (request) => {
      const staff = requirePermission(request, 'read');
      const { id } = IdParam.parse(request.params);
      const q = PreviewQuery.parse(request.query);
      const { inst, owner } = usable(staff, id, q.version);
      return { preview: questionnairePreview(inst, q.locale), forEveryone: owner === null, canOpenRound: can(staff, 'manage_waves') && !inst.extends };
    },
  );

  app.get(
    '/questionnaires/:id/respondent-view',
    {
      config: {
        openapi: {
          summary: 'A stored questionnaire as the survey app takes it, for its preview mode: a round of it alone (no code, nothing answerable) and its instrument',
          params: IdParam,
          query: VersionQuery,
          reply: RespondentView,
          responses: { 200: 'A round of it and its instrument', ...REFUSED },
        },
      },
    },
    async (request) => {
      const staff = requirePermission(request, 'read');
      const { id } = IdParam.parse(request.params);
      const { inst, owner } = usable(staff, id, VersionQuery.parse(request.query).version);
      return respondentView(inst, await askingAuthority(request, staff, owner));
    },
  );
}
