import { z } from 'zod';
import { formatAccessCode } from '../access-code.js';
import { DEMO_ACCOUNTS, createDemoAccounts } from '../demo/accounts.js';
import { fillDemo, type DemoSummary } from '../demo/generate.js';
import { closeDemoLoop } from '../demo/loop.js';
import { UsageError, configFrom, parseFlags, withDatabase, type Command } from './command.js';
import { runServer } from './serve.js';

const Flags = z.object({
  scale: z.enum(['small', 'national']).default('small'),
  seed: z.coerce.number().int().min(0).default(2026),
  'if-empty': z.boolean().default(false),
  serve: z.boolean().default(false),
  positionals: z.array(z.string()),
});

export const demo: Command = {
  summary: 'fill an empty database with realistic synthetic data',
  usage: `Usage: hearme demo [--scale small|national] [--seed N] [--if-empty] [--serve]

Fills an empty database (DATABASE_PATH) with synthetic but realistic data:
real English local authorities, survey rounds from 2019 to 2025 with
looked-after populations, and answers drawn so the headline figures look
like published ones, with authorities that differ and some that improve.
The same seed gives the same data. Nothing here is a real child's answer.

  --scale small      7 authorities, about 21,000 responses, a few seconds (default)
  --scale national   151 authorities every year 2019-2025, about 420,000
                     responses, the data of npm run bench:report (a minute or two)
  --seed N           another seed gives other data (default 2026)
  --if-empty         do nothing if the database already holds authorities
  --serve            then start the server and print where to look, with the
                     demo's portal accounts (one of each role; fixed passwords,
                     printed every time, for the demo database only)

npm run demo does: DATABASE_PATH=data/demo.sqlite hearme demo --if-empty --serve`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      {
        scale: { type: 'string' },
        seed: { type: 'string' },
        'if-empty': { type: 'boolean' },
        serve: { type: 'boolean' },
      },
      Flags,
    );
    const config = configFrom(io);
    const filled = await withDatabase(io, async ({ db, sqlite }): Promise<DemoSummary | null> => {
      const { n } = sqlite.prepare('SELECT count(*) AS n FROM authorities').get() as { n: number };
      if (n > 0) {
        if (f['if-empty']) return null;
        throw new UsageError(`${config.databasePath} already holds data; the demo fills an empty database`);
      }
      const started = Date.now();
      const summary = fillDemo(sqlite, {
        scale: f.scale,
        seed: f.seed,
        onProgress: (done, total) => io.stderr(`\rdemo: ${done} of ${total} survey rounds written`),
      });
      io.stderr('\n');
      await createDemoAccounts(db);
      const loop = await closeDemoLoop(db, config.minBase);
      io.stdout(
        `demo: ${summary.authorities} authorities, ${summary.waves} survey rounds, ` +
          `${summary.responses} responses in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${f.seed})\n`,
      );
      io.stdout(
        `demo: ${loop.actions} actions at the previous round of two authorities (in their latest report)` +
          (loop.published ? `; the children's version of ${loop.published.authority} ${loop.published.period} published in ${loop.published.locales.join(', ')}\n` : '\n'),
      );
      return summary;
    });
    if (!f.serve) return;
    // Quiet by default: a request log would bury the links below.
    await runServer({ ...config, logLevel: io.env.LOG_LEVEL ? config.logLevel : 'warn' }, (url) => {
      const local = url.replace('0.0.0.0', '127.0.0.1');
      io.stdout(`\nHear Me demo is running at ${local}\n`);
      if (filled)
        io.stdout(
          `A survey children can answer now: ${local}/s/${formatAccessCode(filled.openWave.code)} ` +
            `(${filled.openWave.authority}, ${filled.openWave.period})\n`,
        );
      io.stdout(`The portal: ${local}/portal, with these demo accounts (for this demo database only):\n`);
      for (const a of DEMO_ACCOUNTS)
        io.stdout(`  ${a.role.padEnd(17)} ${a.email}  password ${a.password}${a.authorities.length ? ` (${a.authorities.join(', ')})` : ''}\n`);
      io.stdout('Stop it with Ctrl+C.\n');
    });
  },
};
