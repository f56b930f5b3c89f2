import { existsSync } from 'node:fs';
import { writePrivateFile } from '../private-files.js';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { PROGRAMMES, registry } from '../../surveys/index.js';
import { formatResponsesCsv } from '../csv/responses-csv.js';
import { findAuthority } from '../repos/authorities.js';
import { responsesForExport } from '../repos/export.js';
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
  usage: `Usage: hearme export --authority CODE --period PERIOD [--programme ylyc|ylbc|QUESTIONNAIRE] [--out FILE]

Writes the authority's responses for the period as CSV (the format
hearme import reads) to FILE, or to standard output. Without --programme,
every round's responses are exported (both programmes' core columns, and
the columns of any council questionnaire or local questions).`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      { authority: { type: 'string' }, period: { type: 'string' }, programme: { type: 'string' }, out: { type: 'string' } },
      Flags,
    );
    if (f.out && !existsSync(dirname(resolve(f.out)))) throw new UsageError(`folder ${dirname(resolve(f.out))} does not exist`);
    await withDatabase(io, async ({ db }) => {
      const authority = await findAuthority(db, f.authority);
      if (!authority) throw new UsageError(`no authority ${f.authority}`);
      let query = db.selectFrom('waves').select('programme').where('authority_id', '=', authority.id).where('period', '=', f.period);
      if (f.programme) query = query.where('programme', '=', f.programme);
      const rounds = (await query.execute()).map((w) => w.programme);
      // A period with no round is a mistake (as for hearme report), not an empty export.
      if (!rounds.length) throw new UsageError(`no ${f.programme ? `${f.programme} ` : ''}wave for ${f.authority} in ${f.period}`);
      const rows = await responsesForExport(db, f.authority, f.period, f.programme);
      // Both programmes' core columns without --programme, as always, so scripts keep their columns.
      const asked = rounds.flatMap((p) => registry.roundInstruments(p, authority.id));
      const csv = formatResponsesCsv(rows, f.programme ? [f.programme] : PROGRAMMES, asked);
      if (!f.out) return io.stdout(csv);
      writePrivateFile(f.out, csv);
      io.stderr(`exported ${countOf(rows.length, 'response')} to ${f.out}\n`);
    });
  },
};
