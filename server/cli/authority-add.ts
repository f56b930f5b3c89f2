import { z } from 'zod';
import { addAuthority, findAuthority } from '../repos/authorities.js';
import { AuthorityCode } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

const Flags = z.object({
  code: AuthorityCode,
  name: z.string().trim().min(1, 'a name is required').max(200),
  region: z.string().trim().min(1).max(100).optional(),
  contact: z.string().trim().min(1).max(200).optional(),
});

export const authorityAdd: Command = {
  summary: 'add a local authority (ONS code)',
  usage: `Usage: hearme authority add --code CODE --name NAME [--region REGION] [--contact TEXT]

Adds a local authority by its ONS code. --contact is how a child can reach
its children's services (a phone number, say); the survey's help screen
shows it beside Childline. For example
  hearme authority add --code E06000002 --name "Middlesbrough" --region "North East" --contact "01632 960001"`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      { code: { type: 'string' }, name: { type: 'string' }, region: { type: 'string' }, contact: { type: 'string' } },
      Flags.extend({ positionals: z.array(z.string()) }),
    );
    await withDatabase(io, async ({ db }) => {
      if (await findAuthority(db, f.code)) throw new UsageError(`authority ${f.code} already exists`);
      const a = await addAuthority(db, { code: f.code, name: f.name, region: f.region ?? null, contact: f.contact ?? null });
      io.stdout(JSON.stringify({ code: a.code, name: a.name, region: a.region, contact: a.contact }) + '\n');
    });
  },
};
