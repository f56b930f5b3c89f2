import { z } from 'zod';
import { unlockSignIns } from '../auth/sign-in-limiter.js';
import { findUserByEmail } from '../repos/users.js';
import { Email } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

const Flags = z.object({ email: Email, positionals: z.array(z.string()) });

export const userUnlock: Command = {
  summary: "clear a portal account's failed sign-ins",
  usage: `Usage: hearme user unlock --email EMAIL

Clears the account's failed sign-ins: addresses refused for too many of
them may try again, and the account is no longer slowed down. A running
server sees it at the account's next attempt. Written to the audit log.`,
  async run(argv, io) {
    const f = parseFlags(argv, { email: { type: 'string' } }, Flags);
    await withDatabase(io, async ({ db }) => {
      if (!(await findUserByEmail(db, f.email))) throw new UsageError(`no user ${f.email}`);
      await unlockSignIns(db, f.email, 'command line');
      io.stdout(JSON.stringify({ email: f.email, unlocked: true }) + '\n');
    });
  },
};
