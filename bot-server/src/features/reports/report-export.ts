// Downloading the quarterly report (docs/REPORTS.md "Files"): the same rows as the dashboard's
// ward view, as CSV or XLSX, named with the quarter, the ward and the ward-time moment, and
// recorded in the audit log (the quarter, the format and the row count; never a figure).
import { reportFileName } from "@hocso/shared/reports";
import { audit } from "../../lib/audit.ts";
import { quarterlyCsv } from "./report-csv.ts";
import { quarterlyReport, reportExporter, type ReportDeps } from "./report-service.ts";
import { quarterlyXlsx } from "./report-xlsx.ts";

export type ReportFormat = "csv" | "xlsx";

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface ReportFile {
  quarter: string;
  format: ReportFormat;
  filename: string;
  body: Buffer;
  rows: number;
}

export async function exportQuarterlyReport(
  deps: ReportDeps,
  userId: number,
  quarter: string | undefined,
  format: ReportFormat,
): Promise<ReportFile> {
  const staff = reportExporter(deps, userId);
  const report = quarterlyReport(deps, quarter);
  const body = format === "csv" ? quarterlyCsv(report) : await quarterlyXlsx(report);
  const filename = reportFileName(deps.ward.name, report.quarter, new Date(report.generatedAt), format);
  const details = { format, rows: report.rows.length };
  deps.db.transaction(() => {
    audit(deps.db, staff, { action: "report.export", subject: report.quarter, details }, deps.clock.now());
  })();
  return { quarter: report.quarter, format, filename, body, rows: report.rows.length };
}
