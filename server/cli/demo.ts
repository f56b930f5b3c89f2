import { z } from 'zod';
import { createDemoAccounts } from '../demo/accounts.js';
import { fillDemo } from '../demo/generate.js';
import { closeDemoLoop } from '../demo/loop.js';
import { demoWelcome } from '../demo/welcome.js';
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

  --scale small      7 authorities, about 21,000 responses, a few seconds (default);
                     with a carers' and a social workers' questionnaire run by
                     three of them in 2024 and 2025, and Middlesbrough's own
                     questions after the core 11-17 ones of its ylyc rounds
  --scale national   151 authorities every year 2019-2025, about 420,000
                     responses, the data of npm run bench:report (a minute or two)
  --seed N           another seed gives other data (default 2026)
  --if-empty         keep the data if the database already holds authorities
                     (and say so) instead of refusing
  --serve            then start the server and print where to look: a survey
                     children can take, the demo's portal accounts (one of each
                     role; fixed passwords, printed every time, for the demo
                     database only) and command lines to try on its data

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
    await withDatabase(io, async ({ db, sqlite }) => {
      const { n } = sqlite.prepare('SELECT count(*) AS n FROM authorities').get() as { n: number };
      if (n > 0) {
        if (!f['if-empty']) throw new UsageError(`${config.databasePath} already holds data; the demo fills an empty database`);
        io.stdout(`demo: ${config.databasePath} already holds data: kept as it is (delete the file for a new demo)\n`);
        return;
      }
      const started = Date.now();
      const summary = await fillDemo(sqlite, {
        scale: f.scale,
        seed: f.seed,
        db,
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
    });
    if (!f.serve) return;
    // Quiet by default: a request log would bury the links below.
    await runServer({ ...config, logLevel: io.env.LOG_LEVEL ? config.logLevel : 'warn' }, (url, sqlite) => {
      const local = url.replace('0.0.0.0', '127.0.0.1');
      io.stdout('\n' + demoWelcome(sqlite, { url: local, childUrl: config.publicUrl ?? local, databasePath: config.databasePath }));
    });
  },
};
