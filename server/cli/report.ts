// `hearme report`: one authority's annual report as HTML, JSON or CSV, or
// with --all every authority's reports for a period into a folder.
import { existsSync, statSync } from 'node:fs';
import { privateDir, writePrivateFile } from '../private-files.js';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { PeriodCache, ReportInputError, buildReport } from '../../reports/build.js';
import { authoritiesInPeriod } from '../../reports/queries/authorities-in-period.js';
import { renderCsv } from '../../reports/render/csv.js';
import { renderWord } from '../../reports/render/word.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderJson } from '../../reports/render/json.js';
import { renderSummaryHtml } from '../../reports/render/summary-html.js';
import type { Report } from '../../reports/schema.js';
import { compileMatcher } from '../safeguarding/matcher.js';
import { AuthorityCode, Period, Programme } from '../schemas.js';
import { UsageError, countOf, parseFlags, withDatabase, type Command } from './command.js';

const FORMATS = ['html', 'json', 'csv', 'docx', 'summary-html'] as const;
type Format = (typeof FORMATS)[number];
/** What --all writes unless --format is given. */
const ALL_FORMATS: readonly Format[] = ['html', 'json', 'csv'];

const Flags = z
  .object({
    authority: AuthorityCode.optional(),
    period: Period,
    programme: Programme.default('ylyc'),
    compare: Period.optional(),
    format: z.enum(FORMATS).optional(),
    out: z.string().min(1).optional(),
    all: z.boolean().default(false),
    dir: z.string().min(1).optional(),
    positionals: z.array(z.string()),
  })
  .superRefine((f, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (f.all) {
      if (f.authority) issue('authority', 'not with --all (every authority is reported)');
      if (!f.dir) issue('dir', 'required with --all');
      if (f.out) issue('out', 'not with --all; use --dir');
      if (f.compare) issue('compare', 'not with --all (each authority compares with its own latest earlier wave)');
    } else {
      if (!f.authority) issue('authority', 'required (or --all)');
      if (f.dir) issue('dir', 'only with --all');
    }
  });

const RENDER: Record<Format, (r: Report) => string | Promise<Buffer>> = {
  html: renderHtml,
  json: renderJson,
  csv: renderCsv,
  docx: renderWord,
  'summary-html': renderSummaryHtml,
};
const EXTENSION: Record<Format, string> = { html: 'html', json: 'json', csv: 'csv', docx: 'docx', 'summary-html': 'summary.html' };

/** The format an --out file's name asks for: FILE.summary.html, .html, .csv, .docx, else json. */
function formatOf(out: string | undefined): Format {
  const name = out?.toLowerCase() ?? '';
  return (Object.entries(EXTENSION).sort(([, a], [, b]) => b.length - a.length).find(([, ext]) => name.endsWith(`.${ext}`))?.[0] as Format | undefined) ?? 'json';
}

function inputError(error: unknown): never {
  if (error instanceof ReportInputError) throw new UsageError(error.message);
  throw error;
}

export const reportCommand: Command = {
  summary: 'the annual report (html, json, csv, Word or a one-page summary)',
  usage: `Usage: hearme report --authority CODE --period PERIOD [--programme ylyc|ylbc|QUESTIONNAIRE] [--compare PERIOD]
                     [--format html|json|csv|docx|summary-html] [--out FILE]
       hearme report --all --period PERIOD [--programme ylyc|ylbc|QUESTIONNAIRE] --dir DIR [--format html|json|csv|docx|summary-html]

One authority's report for a survey round: responses and response rates,
indicators with 95% intervals, the change since --compare (default: the
authority's latest earlier round), the benchmark of all other authorities,
breakdowns by gender and placement, trends, and what children said.
Figures with a base under MIN_BASE (default 10) are suppressed.

--format docx is an editable Word document (the same sections, tables and
charts); summary-html is one A4 page for board members. --format defaults
to the --out file's extension (.html, .csv, .docx, .summary.html), else
json. Without --out the report goes to standard output (not docx).

--all writes every authority's reports for the period into DIR (created
if missing) as CODE-PROGRAMME-PERIOD.{html,json,csv}, or only the
--format given (.docx, .summary.html), showing progress on standard error and a summary line.`,
  async run(argv, io) {
    const f = parseFlags(
      argv,
      {
        authority: { type: 'string' },
        period: { type: 'string' },
        programme: { type: 'string' },
        compare: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        all: { type: 'boolean' },
        dir: { type: 'string' },
      },
      Flags,
    );
    if (f.out && !existsSync(dirname(resolve(f.out)))) throw new UsageError(`folder ${dirname(resolve(f.out))} does not exist`);
    if (f.dir && existsSync(f.dir) && !statSync(f.dir).isDirectory()) throw new UsageError(`${f.dir} is not a folder`);

    if (!f.all && f.format === 'docx' && !f.out) throw new UsageError('--format docx needs --out FILE (a Word document is not text)');

    await withDatabase(io, async ({ db }, config) => {
      const freeText = compileMatcher(config.safeguardingWords);
      if (!f.all) {
        const format: Format = f.format ?? formatOf(f.out);
        const report = await buildReport(db, {
          authority: f.authority!,
          programme: f.programme,
          period: f.period,
          compare: f.compare,
          minBase: config.minBase,
          freeText,
        }).catch(inputError);
        const text = await RENDER[format](report);
        if (!f.out) return io.stdout(String(text));
        writePrivateFile(f.out, text);
        io.stderr(`wrote ${f.out} (${countOf(report.responses.total, 'response')})\n`);
        return;
      }

      const authorities = await authoritiesInPeriod(db, f.programme, f.period);
      if (!authorities.length) throw new UsageError(`no ${f.programme} waves in ${f.period}`);
      privateDir(f.dir!);
      const formats: readonly Format[] = f.format ? [f.format] : ALL_FORMATS;
      const cache = new PeriodCache();
      const started = performance.now();
      let files = 0;
      let responses = 0;
      const progress = progressBar(io.stderr, authorities.length);
      for (const [k, a] of authorities.entries()) {
        // One cache for the run: the benchmark's period tallies are the same for every authority.
        const report = await buildReport(
          db,
          { authority: a.code, programme: f.programme, period: f.period, minBase: config.minBase, freeText },
          cache,
        );
        responses += report.responses.total;
        for (const format of formats) {
          writePrivateFile(join(f.dir!, `${a.code}-${f.programme}-${f.period}.${EXTENSION[format]}`), await RENDER[format](report));
          files++;
        }
        progress(k + 1, a.code);
      }
      const seconds = (performance.now() - started) / 1000;
      io.stderr(
        `\nwrote ${countOf(files, 'file')} for ${countOf(authorities.length, 'authority', 'authorities')} (${countOf(responses, 'response')}) to ${f.dir} in ${seconds.toFixed(1)} s\n`,
      );
    });
  },
};

/** A one-line progress bar on standard error, redrawn in place. */
function progressBar(write: (t: string) => void, total: number): (done: number, label: string) => void {
  const width = 30;
  return (done, label) => {
    const filled = Math.round((done / total) * width);
    write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`);
  };
}
