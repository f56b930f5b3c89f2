import { existsSync } from 'node:fs';
import { writePrivateFile } from '../private-files.js';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { PROGRAMMES } from '../../surveys/index.js';
import { formatResponsesCsv } from '../csv/responses-csv.js';
import { findAuthority } from '../repos/authorities.js';
import { responsesForExport } from '../repos/export.js';
import { findWave } from '../repos/waves.js';
import { AuthorityCode, Period, Programme } from '../schemas.js';
import { UsageError, countOf, parseFlags, withDatabase, type Command } from './command.js';

const Flags = z.object({
  authority: AuthorityCode,
  period: Period,
  programme: Programme.optional(),
  out: z.string().min(1).optional(),
  positionals: z.array(z.string()),
});

export const exportCommand: Command = {
  summary: 'responses in the import format',
  usage: `Usage: hearme export --authority CODE --period PERIOD [--programme ylyc|ylbc] [--out FILE]

Writes the authority's responses for the period as CSV (the format
hearme import reads) to FILE, or to standard output. Without --programme,
both programmes' responses are exported.`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      { authority: { type: 'string' }, period: { type: 'string' }, programme: { type: 'string' }, out: { type: 'string' } },
      Flags,
    );
    if (f.out && !existsSync(dirname(resolve(f.out)))) throw new UsageError(`folder ${dirname(resolve(f.out))} does not exist`);
    await withDatabase(io, async ({ db }) => {
      if (!(await findAuthority(db, f.authority))) throw new UsageError(`no authority ${f.authority}`);
      // A period with no round is a mistake (as for hearme report), not an empty export.
      const programmes = f.programme ? [f.programme] : PROGRAMMES;
      const waves = await Promise.all(programmes.map((p) => findWave(db, f.authority, p, f.period)));
      if (!waves.some(Boolean)) throw new UsageError(`no ${f.programme ? `${f.programme} ` : ''}wave for ${f.authority} in ${f.period}`);
      const rows = await responsesForExport(db, f.authority, f.period, f.programme);
      const csv = formatResponsesCsv(rows, programmes);
      if (!f.out) return io.stdout(csv);
      writePrivateFile(f.out, csv);
      io.stderr(`exported ${countOf(rows.length, 'response')} to ${f.out}\n`);
    });
  },
};
