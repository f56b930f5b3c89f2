import { z } from 'zod';
import { formatAccessCode } from '../access-code.js';
import { IsoDate } from '../dates.js';
import { findAuthority } from '../repos/authorities.js';
import { createWave, findWave } from '../repos/waves.js';
import { AuthorityCode, Period, Programme } from '../schemas.js';
import { questionnaireOwnerProblem } from '../questionnaire-access.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

const Flags = z
  .object({
    authority: AuthorityCode,
    programme: Programme.default('ylyc'),
    period: Period,
    opens: IsoDate.optional(),
    closes: IsoDate.optional(),
    positionals: z.array(z.string()),
  })
  .refine((f) => !f.opens || !f.closes || f.opens <= f.closes, {
    path: ['closes'],
    message: 'closes before it opens',
  });

export const waveCreate: Command = {
  summary: 'open a survey round; prints {"id","code"}',
  usage: `Usage: hearme wave create --authority CODE --period PERIOD [--programme ylyc|ylbc|QUESTIONNAIRE]
                          [--opens YYYY-MM-DD] [--closes YYYY-MM-DD]

Opens a survey round for an authority and prints JSON {"id":…,"code":…};
the code is what children type at /s/CODE. Without --opens it is open
from today; without --closes it stays open. --programme defaults to ylyc
(children in care); ylbc is care leavers; a questionnaire's id (hearme
questionnaire add) opens a round of that questionnaire, its newest version,
if it belongs to the authority or to everyone.`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      {
        authority: { type: 'string' },
        programme: { type: 'string' },
        period: { type: 'string' },
        opens: { type: 'string' },
        closes: { type: 'string' },
      },
      Flags,
    );
    await withDatabase(io, async ({ db }) => {
      const authority = await findAuthority(db, f.authority);
      if (!authority) throw new UsageError(`no authority ${f.authority}; add it with hearme authority add`);
      const notOurs = questionnaireOwnerProblem(f.programme, authority.id);
      if (notOurs) throw new UsageError(notOurs);
      if (await findWave(db, f.authority, f.programme, f.period))
        throw new UsageError(`${f.authority} already has a ${f.programme} wave for ${f.period}`);
      const wave = await createWave(db, {
        authority_id: authority.id,
        programme: f.programme,
        period: f.period,
        opens_on: f.opens ?? null,
        closes_on: f.closes ?? null,
      });
      io.stdout(JSON.stringify({ id: wave.id, code: formatAccessCode(wave.access_code) }) + '\n');
    });
  },
};
