// Times in the ward's zone (Asia/Ho_Chi_Minh, UTC+7 all year) for the facilitator's screens:
// what they type into date and time fields is ward time, whatever the phone's own zone.
import { wardClock, wardDate, wardInstant } from "@hocso/shared/dates";

/** The instant a date field (YYYY-MM-DD) and a time field (HH:MM) mean in ward time, or null. */
export function instantOfFields(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const at = wardInstant(date, time);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The date and time fields' first suggestion: the next full hour from now, in ward time. */
export function nextFullHour(now: Date): { date: string; time: string } {
  const next = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000);
  return { date: wardDate(next), time: wardClock(next) };
}

/** "1.800": thousands grouped with a dot, as Vietnamese writes numbers. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
