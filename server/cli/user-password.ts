import { z } from 'zod';
import { generatePassword, hashPassword, passwordProblem } from '../auth/passwords.js';
import { audit } from '../repos/audit.js';
import { findUserByEmail, setPassword } from '../repos/users.js';
import { Email } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';
import { readStdinLine } from './user-add.js';

const Flags = z.object({
  email: Email,
  'password-stdin': z.boolean().default(false),
  positionals: z.array(z.string()),
});

export const userPassword: Command = {
  summary: "admin reset of a portal password; the user's sessions end",
  usage: `Usage: hearme user password --email EMAIL [--password-stdin]

Sets a portal account's password (for a user who forgot theirs) and ends
every session of that user. With --password-stdin the password is the
first line of standard input (at least 12 characters and hard to guess);
without it a password is generated and printed once, in the JSON output.`,
  async run(argv, io) {
    const f = parseFlags(argv, { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, Flags);
    const generated = !f['password-stdin'];
    const password = generated ? generatePassword() : await readStdinLine();
    const problem = await passwordProblem(password, f.email);
    if (problem) throw new UsageError(problem);
    await withDatabase(io, async ({ db }) => {
      const user = await findUserByEmail(db, f.email);
      if (!user) throw new UsageError(`no user ${f.email}`);
      await setPassword(db, user.id, await hashPassword(password));
      await audit(db, { userId: null, email: user.email, action: 'password_reset', detail: { id: user.id, by: 'command line' } });
      io.stdout(JSON.stringify({ id: user.id, email: user.email, ...(generated && { password }) }) + '\n');
    });
  },
};
