import { z } from 'zod';
import { generatePassword, hashPassword, passwordProblem } from '../auth/passwords.js';
import { audit } from '../repos/audit.js';
import { UnknownAuthorityError, createUser, findUserByEmail } from '../repos/users.js';
import { AuthorityCode, Email, RoleSchema } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

const Flags = z
  .object({
    email: Email,
    role: RoleSchema,
    authority: z.array(AuthorityCode).default([]),
    'password-stdin': z.boolean().default(false),
    positionals: z.array(z.string()),
  })
  .refine((f) => f.role === 'programme_admin' || f.authority.length > 0, {
    path: ['authority'],
    message: 'an authority_officer or viewer needs at least one --authority',
  })
  .refine((f) => f.role !== 'programme_admin' || f.authority.length === 0, {
    path: ['authority'],
    message: 'a programme_admin sees every authority; give no --authority',
  });

/** The first line of standard input, without its line ending. */
export async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export const userAdd: Command = {
  summary: 'portal account; password from stdin or generated and printed once',
  usage: `Usage: hearme user add --email EMAIL --role programme_admin|authority_officer|viewer
                       [--authority CODE]… [--password-stdin]

Adds a portal account. A programme_admin sees every authority; an
authority_officer or viewer sees the authorities given with --authority
(repeat it for several). With --password-stdin the password is the first
line of standard input (at least 12 characters, not a common password);
without it a password is generated and printed once, in the JSON output.`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      {
        email: { type: 'string' },
        role: { type: 'string' },
        authority: { type: 'string', multiple: true },
        'password-stdin': { type: 'boolean' },
      },
      Flags,
    );
    const generated = !f['password-stdin'];
    const password = generated ? generatePassword() : await readStdinLine();
    const problem = await passwordProblem(password, f.email);
    if (problem) throw new UsageError(problem);
    await withDatabase(io, async ({ db }) => {
      if (await findUserByEmail(db, f.email)) throw new UsageError(`a user ${f.email} already exists`);
      let id: number;
      try {
        id = await createUser(db, { email: f.email, role: f.role, passwordHash: await hashPassword(password), authorities: f.authority });
      } catch (error) {
        if (error instanceof UnknownAuthorityError) throw new UsageError(`${error.message}; add it with hearme authority add`);
        throw error;
      }
      await audit(db, { userId: null, email: null, action: 'user_create', detail: { id, email: f.email, role: f.role, authorities: f.authority, by: 'command line' } });
      io.stdout(JSON.stringify({ id, email: f.email, role: f.role, authorities: f.authority, ...(generated && { password }) }) + '\n');
    });
  },
};
