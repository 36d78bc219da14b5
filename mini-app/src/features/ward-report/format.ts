// How the dashboard writes the report's numbers (vi-VN): 1.187 people, 2,4%, 4,67 per meeting.
// The values are the server's, unchanged; only their writing differs from the files'.
import type { ColumnKind, ReportCell } from "@hocso/shared/reports";
import { strings } from "../../app/strings.ts";

const whole = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

export const formatCount = (n: number): string => whole.format(n);
/** 0.024 → "2,4%" */
export const formatShare = (ratio: number): string => percent.format(ratio);
export const formatMean = (n: number): string => decimal.format(n);

/** A cell as the screen shows it; an empty cell reads "chưa có". */
export function formatCell(value: ReportCell, kind: ColumnKind): string {
  if (value === null) return strings.wardReport.none;
  if (typeof value === "string") return value;
  if (kind === "ratio") return formatShare(value);
  if (kind === "mean") return formatMean(value);
  return formatCount(value);
}

/** "2026-Q4" → "Quý 4/2026" */
export function quarterLabel(quarter: string): string {
  return strings.wardReport.quarter(Number(quarter.slice(6)), Number(quarter.slice(0, 4)));
}

/** "2026-11-28" → "28/11/2026" */
export function dayMonthYear(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}
