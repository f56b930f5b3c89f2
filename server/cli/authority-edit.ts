import { z } from 'zod';
import { findAuthority, updateAuthority } from '../repos/authorities.js';
import { AuthorityCode } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

const Flags = z
  .object({
    code: AuthorityCode,
    name: z.string().trim().min(1, 'a name cannot be empty').max(200).optional(),
    // An empty value clears the field.
    region: z.string().trim().max(100).optional(),
    contact: z.string().trim().max(200).optional(),
    positionals: z.array(z.string()),
  })
  .refine((f) => f.name !== undefined || f.region !== undefined || f.contact !== undefined, {
    message: 'give at least one of --name, --region, --contact',
  });

export const authorityEdit: Command = {
  summary: "change a local authority's name, region or contact",
  usage: `Usage: hearme authority edit --code CODE [--name NAME] [--region REGION] [--contact TEXT]

Changes what is given and keeps the rest; an empty --region or --contact
("") clears it. Children see a new contact on the survey's help screen
straight away, without restarting the server. For example
  hearme authority edit --code E06000002 --contact "01632 960002 (out of hours 01632 960003)"`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      { code: { type: 'string' }, name: { type: 'string' }, region: { type: 'string' }, contact: { type: 'string' } },
      Flags,
    );
    await withDatabase(io, async ({ db }) => {
      if (!(await findAuthority(db, f.code))) throw new UsageError(`no authority ${f.code}; add it with hearme authority add`);
      const a = await updateAuthority(db, f.code, { name: f.name, region: f.region, contact: f.contact });
      io.stdout(JSON.stringify({ code: a.code, name: a.name, region: a.region, contact: a.contact }) + '\n');
    });
  },
};
