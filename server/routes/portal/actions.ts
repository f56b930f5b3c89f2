// The action plan: what an authority will do about the findings of a
// round. Viewers read it; officers of the authority and programme admins
// add and change actions, every change audit-logged.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REFUSED } from '../../openapi.js';
import { requireAuthority } from '../../auth/access.js';
import { ActionStatus, Due, NoteText, Owner, Pledge, findingProblem } from '../../loop/action-fields.js';
import { HttpError } from '../../plugins/errors.js';
import { actionPlan } from '../../loop/action-plan.js';
import { programmeTitle } from '../../../surveys/index.js';
import { addAction, getAction, updateAction } from '../../repos/actions.js';
import { audit } from '../../repos/audit.js';
import { findWave } from '../../repos/waves.js';
import { Band, Period, Programme } from '../../schemas.js';
import { AuthorityParam, AuthorityRef, scopedAuthority } from './scope.js';
import { ACTION_STATUSES } from '../../db/tables.js';

const ListQuery = z.strictObject({ programme: Programme.optional(), period: Period.optional() });

const NewAction = z.strictObject({
  programme: Programme.default('ylyc'),
  period: Period,
  indicator: z.string().max(60),
  band: Band.nullable().default(null),
  pledge: Pledge,
  owner: Owner,
  due: Due,
});

const Change = z
  .strictObject({ status: ActionStatus.optional(), pledge: Pledge.optional(), owner: Owner.optional(), due: Due.optional(), note: NoteText.optional() })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'give status, pledge, owner, due or note' });

const IdParam = z.strictObject({ id: z.coerce.number().int().min(1).max(2 ** 31) });

/** An action as the API shows it (repos/actions.ts ActionView). */
const Action = z.object({
  id: z.number().int(),
  authority: z.string(),
  programme: z.string(),
  period: z.string().describe('The period of the round it was made at'),
  indicator: z.string(),
  band: z.string().nullable().describe('Null: pooled over every band that asks the indicator'),
  pledge: z.string(),
  owner: z.string(),
  due: z.string(),
  status: z.enum(ACTION_STATUSES),
  createdAt: z.string(),
  notes: z.array(z.object({ date: z.string(), text: z.string(), by: z.string().nullable() })),
});
const Plan = z.object({
  authority: AuthorityRef,
  actions: z.array(
    Action.extend({
      finding: z
        .object({ n: z.number().int().nullable(), percent: z.number().nullable() })
        .nullable()
        .describe('The indicator at the round the action was made at; n and percent null under the minimum base'),
    }),
  ),
  rounds: z.array(z.object({ programme: z.string(), period: z.string(), title: z.string().describe('What staff call the programme (GET /waves gives the same)') })),
  indicators: z.record(z.string(), z.array(z.object({ id: z.string(), label: z.string(), bands: z.array(z.string()) }))).describe('By programme'),
});

export default async function actionRoutes(app: FastifyInstance) {
  app.get('/authorities/:code/actions', { config: { openapi: { summary: 'The action plan of an authority: each action with its finding, before and after', params: AuthorityParam, query: ListQuery, reply: Plan, responses: { 200: 'The plan', ...REFUSED } } } }, async (request) => {
    const { authority } = await scopedAuthority(request, 'read');
    const q = ListQuery.parse(request.query);
    const plan = await actionPlan(app.db, { authorityId: authority.id, ...q, minBase: app.config.minBase });
    return { authority: { code: authority.code, name: authority.name }, ...plan, rounds: plan.rounds.map((r) => ({ ...r, title: programmeTitle(r.programme) })) };
  });

  app.post('/authorities/:code/actions', { config: { openapi: { summary: 'Adds an action on a finding of a round', params: AuthorityParam, body: NewAction, reply: Action, responses: { 201: 'The action', 400: 'Invalid action, or no such round or finding', ...REFUSED } } } }, async (request, reply) => {
    const { staff, authority } = await scopedAuthority(request, 'action_plan');
    const a = NewAction.parse(request.body);
    const problem = findingProblem(a.programme, a.indicator, a.band);
    if (problem) throw new HttpError(400, problem, [{ path: 'indicator', message: problem }]);
    const wave = await findWave(app.db, authority.code, a.programme, a.period);
    if (!wave) throw new HttpError(400, `no ${a.programme} round in ${a.period}`, [{ path: 'period', message: `no ${a.programme} round in ${a.period}` }]);
    const { authorityId: _, ...action } = await addAction(app.db, {
      waveId: wave.id,
      indicator: a.indicator,
      band: a.band,
      pledge: a.pledge,
      owner: a.owner,
      due: a.due,
      createdBy: staff.userId,
    });
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'action_create', authority: authority.code, detail: { id: action.id, ...a } });
    return reply.status(201).send(action);
  });

  app.patch('/actions/:id', { config: { openapi: { summary: 'Changes an action’s status, pledge, owner or due date, or adds a dated note', params: IdParam, body: Change, reply: Action, responses: { 200: 'The action', 400: 'Invalid change', ...REFUSED } } } }, async (request) => {
    const { id } = IdParam.parse(request.params);
    const existing = await getAction(app.db, id);
    const staff = requireAuthority(request, 'action_plan', existing?.authorityId);
    const change = Change.parse(request.body);
    const { authorityId: _, ...action } = (await updateAction(app.db, id, { ...change, by: staff.userId }))!;
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'action_update', authority: action.authority, detail: { id, ...change } });
    return action;
  });
}
