// Reports in the portal: the report model of reports/build.ts as JSON for
// the page, downloads through its renderers, the responses export, year
// on year, and comparing authorities. Free text only for those entitled
// to the full report; other authorities' figures only as the user's role
// allows (see compare.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REFUSED } from '../../openapi.js';
import { can } from '../../auth/access.js';
import { formatResponsesCsv } from '../../csv/responses-csv.js';
import { HttpError } from '../../plugins/errors.js';
import { audit } from '../../repos/audit.js';
import { responsesForExport } from '../../repos/export.js';
import { Period } from '../../schemas.js';
import { registry } from '../../../surveys/index.js';
import { ReportInputError } from '../../../reports/build.js';
import type { ThreadReportRequest } from '../../report-thread.js';
import { domainLabel, reportLabels } from '../../../reports/labels.js';
import { renderCsv } from '../../../reports/render/csv.js';
import { renderWord } from '../../../reports/render/word.js';
import { renderHtml } from '../../../reports/render/html.js';
import { renderJson } from '../../../reports/render/json.js';
import { renderSummaryHtml } from '../../../reports/render/summary-html.js';
import { ReportSchema, type Report } from '../../../reports/schema.js';
import { WaveParam, scopedWave } from './scope.js';

const ReportQuery = z.strictObject({ compare: Period.optional() });
const ReportReply = z.object({
  report: ReportSchema,
  labels: z.object({ indicators: z.record(z.string(), z.string()), domains: z.record(z.string(), z.string()) }),
  comparePeriods: z.array(z.string()).describe('Earlier periods of the same authority and programme'),
  freeTextWithheld: z.number().int().min(0).describe('How many free-text answers this role may not read (none for those who may)'),
});
const Format = z.object({ format: z.enum(['html', 'csv', 'json', 'docx', 'summary']) });

/** Each download: its renderer, media type and file name ending. `summary` is the one-page summary for the board. */
const RENDER = {
  html: { render: renderHtml, type: 'text/html; charset=utf-8', ending: '.html' },
  csv: { render: renderCsv, type: 'text/csv; charset=utf-8', ending: '.csv' },
  json: { render: renderJson, type: 'application/json; charset=utf-8', ending: '.json' },
  docx: { render: renderWord, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ending: '.docx' },
  summary: { render: renderSummaryHtml, type: 'text/html; charset=utf-8', ending: '-summary.html' },
} as const;

export async function buildOrExplain(app: FastifyInstance, req: ThreadReportRequest): Promise<Report> {
  try {
    const [report] = await app.reports.reports([req]);
    return report!;
  } catch (error) {
    if (error instanceof ReportInputError) throw new HttpError(400, error.message, [{ path: 'compare', message: error.message }]);
    throw error;
  }
}

/** Labels travel with the report so the page needs no copy of the locale file. */
function labels(report: Report) {
  const ids = [...new Set(report.indicators.map((i) => i.id))];
  const domains = [...new Set(report.indicators.map((i) => i.domain))];
  return {
    indicators: Object.fromEntries(ids.map((id) => [id, reportLabels(report).indicator(id)])),
    domains: Object.fromEntries(domains.map((d) => [d ?? 'null', domainLabel(d)])),
  };
}

const attachment = (reply: FastifyReply, name: string, type: string) =>
  reply.type(type).header('content-disposition', `attachment; filename="${name}"`);

export default async function reportRoutes(app: FastifyInstance) {
  /** The report of the wave in the request, as the signed-in user may see it (free text for full reports only). */
  async function scopedReport(request: FastifyRequest) {
    const { staff, wave } = await scopedWave(request, 'read');
    const { compare } = ReportQuery.parse(request.query);
    const full = await buildOrExplain(app, {
      authority: wave.authority_code,
      programme: wave.programme,
      period: wave.period,
      compare,
      minBase: app.config.minBase,
      freeText: true,
    });
    if (can(staff, 'full_report')) return { staff, wave, report: full, freeTextWithheld: 0 };
    // Others are told that children wrote something, and how much, but never what.
    return { staff, wave, report: { ...full, said: [], saidWithheld: 0 }, freeTextWithheld: full.said.length + full.saidWithheld };
  }

  app.get('/waves/:id/report', { config: { openapi: { summary: 'The report of a round as the page shows it (free text only for those entitled to read it)', params: WaveParam, query: ReportQuery, reply: ReportReply, responses: { 200: 'The report model, labels and the periods it may be compared with', 400: 'Invalid comparison', ...REFUSED } } } }, async (request) => {
    const { staff, wave, report, freeTextWithheld } = await scopedReport(request);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'report_view', authority: wave.authority_code, detail: { wave: wave.id, compare: report.comparePeriod } });
    const periods = (await app.db.selectFrom('waves').select('period').where('authority_id', '=', wave.authority_id).where('programme', '=', wave.programme).where('period', '<', wave.period).orderBy('period', 'desc').execute()).map((w) => w.period);
    return { report, labels: labels(report), comparePeriods: periods, freeTextWithheld };
  });

  app.get('/waves/:id/report.:format', { config: { openapi: { summary: 'The report as a download: html, csv, json, docx, or the one-page summary', params: WaveParam.extend(Format.shape), query: ReportQuery, produces: 'application/octet-stream', responses: { 200: 'The file (content-disposition: attachment)', 400: 'Invalid format or comparison', ...REFUSED } } } }, async (request, reply) => {
    const { staff, wave, report } = await scopedReport(request);
    const { format } = Format.parse(request.params);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'report_download', authority: wave.authority_code, detail: { wave: wave.id, format } });
    const { render, type, ending } = RENDER[format];
    return attachment(reply, `${wave.authority_code}-${wave.programme}-${wave.period}${ending}`, type).send(await render(report));
  });

  app.get('/waves/:id/responses.csv', { config: { openapi: { summary: 'Every response of a round as CSV, one row each (officers and admins)', params: WaveParam, produces: 'text/csv', responses: { 200: 'The CSV file', ...REFUSED } } } }, async (request, reply) => {
    const { staff, wave } = await scopedWave(request, 'export');
    const rows = await responsesForExport(app.db, wave.authority_code, wave.period, wave.programme);
    await audit(app.db, { userId: staff.userId, email: staff.email, action: 'export', authority: wave.authority_code, detail: { wave: wave.id, responses: rows.length } });
    return attachment(reply, `${wave.authority_code}-${wave.programme}-${wave.period}-responses.csv`, 'text/csv; charset=utf-8').send(
      formatResponsesCsv(rows, [wave.programme], registry.roundInstruments(wave.programme, wave.authority_id)),
    );
  });
}
