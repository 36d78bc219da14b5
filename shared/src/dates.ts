// Dates in the ward's time zone. Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving),
// so a fixed offset is exact and keeps this module free of time-zone data.
import { z } from "zod";

export const WARD_UTC_OFFSET_MINUTES = 7 * 60;

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    message: "not a real calendar date",
  });

/** The ward's calendar date (YYYY-MM-DD) at an instant. */
export function wardDate(instant: Date): string {
  return new Date(instant.getTime() + WARD_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** "19:00": the ward's time of day at an instant (a Date or an ISO-8601 string). */
export function wardClock(instant: Date | string): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return new Date(ms + WARD_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(11, 16);
}

/** "19:05, Thứ Bảy, 29/11/2026": the ward's time and date at an instant. */
export function wardMoment(instant: Date | string): string {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  return `${wardClock(at)}, ${formatWardDate(wardDate(at))}`;
}

/** The instant of a ward-local date and HH:MM time. */
export function wardInstant(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+07:00`);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];

/** "Thứ Bảy, 29/11/2026": how dates are shown to residents. */
export function formatWardDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${WEEKDAY_NAMES[isoWeekday(date) - 1]}, ${d}/${m}/${y}`;
}
