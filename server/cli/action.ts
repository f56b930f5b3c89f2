// hearme action add | update | list: the action plan from the command line.
import { z } from 'zod';
import { INDICATOR_IDS } from '../../surveys/index.js';
import { ActionStatus, Due, NoteText, Owner, Pledge, findingProblem } from '../loop/action-fields.js';
import { addAction, listActions, updateAction } from '../repos/actions.js';
import { findAuthority } from '../repos/authorities.js';
import { findWave } from '../repos/waves.js';
import { AuthorityCode, Band, Period, Programme } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

const Indicator = z.enum(INDICATOR_IDS, { message: `expected one of ${INDICATOR_IDS.join(', ')}` });

const AddFlags = z.object({
  authority: AuthorityCode,
  programme: Programme.default('ylyc'),
  period: Period,
  indicator: Indicator,
  band: Band.optional(),
  pledge: Pledge,
  owner: Owner,
  due: Due,
  positionals: z.array(z.string()),
});

export const actionAdd: Command = {
  summary: 'record an action against a finding of a round',
  usage: `Usage: hearme action add --authority CODE --period PERIOD [--programme ylyc|ylbc]
                         --indicator ID [--band BAND] --pledge TEXT --owner TEXT --due YYYY-MM-DD

Records what the authority will do about an indicator of a round (in one
band, or in every band that asks it when --band is left out). Prints the
action as JSON with its id. The next round's report shows the indicator
before and after.
  hearme action add --authority E06000002 --period 2024 --indicator knows_social_worker \\
    --band 8-11 --pledge "Every child will have their social worker's photo and number" \\
    --owner "Head of service" --due 2025-03-31`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      {
        authority: { type: 'string' },
        programme: { type: 'string' },
        period: { type: 'string' },
        indicator: { type: 'string' },
        band: { type: 'string' },
        pledge: { type: 'string' },
        owner: { type: 'string' },
        due: { type: 'string' },
      },
      AddFlags,
    );
    const problem = findingProblem(f.programme, f.indicator, f.band ?? null);
    if (problem) throw new UsageError(problem);
    await withDatabase(io, async ({ db }) => {
      if (!(await findAuthority(db, f.authority))) throw new UsageError(`no authority ${f.authority}`);
      const wave = await findWave(db, f.authority, f.programme, f.period);
      if (!wave) throw new UsageError(`no ${f.programme} round for ${f.authority} in ${f.period}`);
      const { authorityId: _, ...action } = await addAction(db, {
        waveId: wave.id,
        indicator: f.indicator,
        band: f.band ?? null,
        pledge: f.pledge,
        owner: f.owner,
        due: f.due,
        createdBy: null,
      });
      io.stdout(JSON.stringify(action) + '\n');
    });
  },
};

const UpdateFlags = z
  .object({
    id: z.coerce.number().int().min(1).max(2 ** 31),
    status: ActionStatus.optional(),
    note: NoteText.optional(),
    due: Due.optional(),
    positionals: z.array(z.string()),
  })
  .refine((f) => f.status !== undefined || f.note !== undefined || f.due !== undefined, {
    message: 'give at least one of --status, --note, --due',
  });

export const actionUpdate: Command = {
  summary: "change an action's status or due date, or add a progress note",
  usage: `Usage: hearme action update --id N [--status planned|in_progress|done|dropped] [--note TEXT] [--due YYYY-MM-DD]

Changes what is given; a note is dated today. Prints the action as JSON.
  hearme action update --id 3 --status in_progress --note "Contact sheets sent to every carer"`,
  async run(argv, io) {
    const f = parseFlags(argv, { id: { type: 'string' }, status: { type: 'string' }, note: { type: 'string' }, due: { type: 'string' } }, UpdateFlags);
    await withDatabase(io, async ({ db }) => {
      const action = await updateAction(db, f.id, { status: f.status, note: f.note, due: f.due, by: null });
      if (!action) throw new UsageError(`no action ${f.id}`);
      const { authorityId: _, ...view } = action;
      io.stdout(JSON.stringify(view) + '\n');
    });
  },
};

const ListFlags = z.object({
  authority: AuthorityCode,
  programme: Programme.optional(),
  period: Period.optional(),
  positionals: z.array(z.string()),
});

export const actionList: Command = {
  summary: "an authority's actions, as JSON, one a line",
  usage: `Usage: hearme action list --authority CODE [--programme ylyc|ylbc] [--period PERIOD]

Prints each action (with its notes) as one line of JSON, oldest round first.
  hearme action list --authority E06000002 --period 2024`,
  async run(argv, io) {
    const f = parseFlags(argv, { authority: { type: 'string' }, programme: { type: 'string' }, period: { type: 'string' } }, ListFlags);
    await withDatabase(io, async ({ db }) => {
      const authority = await findAuthority(db, f.authority);
      if (!authority) throw new UsageError(`no authority ${f.authority}`);
      for (const a of await listActions(db, { authorityId: authority.id, programme: f.programme, period: f.period })) io.stdout(JSON.stringify(a) + '\n');
    });
  },
};
