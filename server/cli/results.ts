// hearme results: the published children's version of a round as a
// printable A4 poster.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { renderChildrenPoster } from '../../reports/render/children-poster.js';
import { ResultsLocale } from '../loop/children-results.js';
import { childrenResults } from '../repos/children-results.js';
import { findWave } from '../repos/waves.js';
import { AuthorityCode, Band, Period, Programme } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

const Flags = z.object({
  authority: AuthorityCode,
  programme: Programme.default('ylyc'),
  period: Period,
  band: Band,
  locale: ResultsLocale.default('en'),
  out: z.string().min(1),
  positionals: z.array(z.string()),
});

export const resultsCommand: Command = {
  summary: "the published children's version of a round as an A4 poster",
  usage: `Usage: hearme results --authority CODE --period PERIOD [--programme ylyc|ylbc] --band BAND
                      [--locale en|cy|ar] --out FILE.html

Writes the children's version ("you said, we will") of one band in one
language as a printable A4 page, once an officer has published it in the
portal. Words, never figures.
  hearme results --authority E06000002 --period 2024 --band 8-11 --locale cy --out poster-cy.html`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      { authority: { type: 'string' }, programme: { type: 'string' }, period: { type: 'string' }, band: { type: 'string' }, locale: { type: 'string' }, out: { type: 'string' } },
      Flags,
    );
    await withDatabase(io, async ({ db }) => {
      const wave = await findWave(db, f.authority, f.programme, f.period);
      if (!wave) throw new UsageError(`no ${f.programme} round for ${f.authority} in ${f.period}`);
      const version = (await childrenResults(db, wave.id, true)).find((r) => r.band === f.band && r.locale === f.locale);
      if (!version) throw new UsageError(`no published children's version for ages ${f.band} in ${f.locale}; publish it in the portal first`);
      writeFileSync(
        f.out,
        renderChildrenPoster({ authority: wave.authority_name, period: f.period, band: f.band, locale: f.locale, content: version.content }),
      );
      io.stdout(JSON.stringify({ out: f.out, band: f.band, locale: f.locale, publishedAt: version.publishedAt }) + '\n');
    });
  },
};
