import { ReportSchema, type Report } from '../schema.js';

/** The report as JSON, checked against the exported schema before it leaves. */
export function renderJson(report: Report): string {
  return JSON.stringify(ReportSchema.parse(report), null, 2) + '\n';
}
