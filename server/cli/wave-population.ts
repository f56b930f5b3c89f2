import { z } from 'zod';
import { programmeInstruments } from '../../surveys/index.js';
import { findWave, populationProblems, setPopulation } from '../repos/waves.js';
import { AuthorityCode, Band, Period, Programme } from '../schemas.js';
import { UsageError, parseFlags, withDatabase, type Command } from './command.js';

const BandPopulation = z
  .string()
  .regex(/^[^=]+=\d+$/, 'expected BAND=NUMBER, e.g. 4-7=120')
  .transform((s) => [s.slice(0, s.indexOf('=')), Number(s.slice(s.indexOf('=') + 1))])
  .pipe(z.tuple([Band, z.number().int().max(1_000_000, 'population above 1,000,000')]));

const Flags = z.object({
  authority: AuthorityCode,
  programme: Programme.default('ylyc'),
  period: Period,
  band: z.array(BandPopulation).min(1, 'give at least one --band BAND=NUMBER'),
  positionals: z.array(z.string()),
});

export const wavePopulation: Command = {
  summary: 'looked-after population per band, for response rates',
  usage: `Usage: hearme wave population --authority CODE --period PERIOD [--programme ylyc|ylbc]
                              --band BAND=NUMBER [--band BAND=NUMBER …]

Records how many children are looked after in each band of the wave, so
reports can show response rates. Bands: 4-7, 8-11, 11-17, 16-25. Giving a
band again replaces its number. A number below the responses the band has
already received is refused (exit 2): it would make a rate above 100%.
  hearme wave population --authority E06000002 --period 2024 --band 4-7=120 --band 8-11=150`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      {
        authority: { type: 'string' },
        programme: { type: 'string' },
        period: { type: 'string' },
        band: { type: 'string', multiple: true },
      },
      Flags,
    );
    await withDatabase(io, async ({ db }) => {
      const wave = await findWave(db, f.authority, f.programme, f.period);
      if (!wave) throw new UsageError(`no ${f.programme} wave for ${f.authority} in ${f.period}`);
      const bands = programmeInstruments(f.programme).map((i) => i.band);
      for (const [band] of f.band)
        if (!bands.includes(band)) throw new UsageError(`--band: ${band} is not a band of ${f.programme} (${bands.join(', ')})`);
      const populations = Object.fromEntries(f.band);
      const problems = await populationProblems(db, wave.id, populations);
      if (problems.length) throw new UsageError(`--band: ${problems.map((p) => p.message).join('; ')}`);
      await setPopulation(db, wave.id, populations);
      io.stdout(JSON.stringify({ wave: wave.id, population: populations }) + '\n');
    });
  },
};
