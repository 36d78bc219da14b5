// The quarterly report as an Excel workbook (docs/REPORTS.md "Files"): the sheet "Báo cáo quý"
// with the fixed column list's Vietnamese headers in a frozen, filterable first row and one
// row per report row, every figure a typed number (ratios formatted as percentages, the cell
// still holding 0.7) and every text a text cell, so a TDP name starting with "=" is never a
// formula; and the sheet "Giải thích cột" defining each column.
// exceljs: https://github.com/exceljs/exceljs#readme
import type { ReportColumn, Report } from "@hocso/shared/reports";
import ExcelJS from "exceljs";

export const REPORT_SHEET = "Báo cáo quý";
export const COLUMNS_SHEET = "Giải thích cột";

const NUMBER_FORMATS: Partial<Record<ReportColumn["kind"], string>> = { ratio: "0.0%", mean: "0.00", count: "0" };

function widthOf(column: ReportColumn): number {
  if (column.id === "tdpName" || column.id === "groupName") return 30;
  return Math.min(28, Math.max(10, Math.ceil(column.header.length * 0.8) + 2));
}

export async function quarterlyXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Học Số";
  workbook.created = new Date(report.generatedAt);
  workbook.modified = workbook.created;
  addReportSheet(workbook, report);
  addColumnsSheet(workbook, report.columns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addReportSheet(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet(REPORT_SHEET, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  sheet.columns = report.columns.map((c) => ({
    header: c.header,
    key: c.id,
    width: widthOf(c),
    ...(NUMBER_FORMATS[c.kind] ? { style: { numFmt: NUMBER_FORMATS[c.kind] } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  for (const row of report.rows) sheet.addRow(report.columns.map((c) => row[c.id] ?? null));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: report.columns.length } };
}

function addColumnsSheet(workbook: ExcelJS.Workbook, columns: readonly ReportColumn[]): void {
  const sheet = workbook.addWorksheet(COLUMNS_SHEET, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  const wrapped = { alignment: { wrapText: true, vertical: "top" as const } };
  sheet.columns = [
    { header: "Mã cột", key: "id", width: 26 },
    { header: "Tiêu đề", key: "header", width: 36, style: wrapped },
    { header: "Đơn vị", key: "unit", width: 14 },
    { header: "Định nghĩa", key: "definition", width: 90, style: wrapped },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of columns) sheet.addRow({ id: c.id, header: c.header, unit: c.unit, definition: c.definition });
}

/** A workbook read back with exceljs: for checking a file this module wrote. */
export async function readWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}
