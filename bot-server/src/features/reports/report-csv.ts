// The quarterly report as CSV (docs/REPORTS.md "Files"): RFC 4180 with commas and CRLF, UTF-8
// with a byte-order mark so Excel reads the Vietnamese, the Vietnamese headers of the fixed
// column list on the first line, then one line per row. Numbers are written as numbers (a
// ratio as 0.7, never "70%"), an empty cell is empty, and text that a spreadsheet would read
// as a formula is neutralised (shared csvCell, OWASP "CSV Injection").
import { csvCell, type Report } from "@hocso/shared/reports";
import { stringify } from "csv-stringify/sync";

export function quarterlyCsv(report: Pick<Report, "columns" | "rows">): Buffer {
  const records = [
    report.columns.map((c) => csvCell(c.header)),
    ...report.rows.map((row) => report.columns.map((c) => csvCell(row[c.id] ?? null))),
  ];
  return Buffer.from(stringify(records, { bom: true, record_delimiter: "windows" }), "utf8");
}
