// A weekly class as the facilitator reads it: "Thứ Bảy hằng tuần, 19:00–20:30", and the
// meeting dates around today (cancelled ones included, so that they can be restored).
import { occurrencesBetween, type WeeklyClass } from "@hocso/shared/classes";
import { addDays, formatWardDate, wardDate } from "@hocso/shared/dates";
import { strings } from "../../app/strings.ts";

/** how many meeting dates each list shows */
export const DATES_SHOWN = 4;

export interface MeetingDate {
  date: string;
  /** "Thứ Bảy, 05/12/2026" */
  label: string;
  cancelled: boolean;
}

/** Today's ward date on this phone's clock. */
export function wardToday(): string {
  return wardDate(new Date());
}

export function weekdayName(weekday: number): string {
  return strings.classManagement.weekdays[weekday - 1] ?? String(weekday);
}

/** "20:30": a start time plus minutes, on a 24-hour clock. */
export function endTime(start: string, minutes: number): string {
  const [h = 0, m = 0] = start.split(":").map(Number);
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** "Thứ Bảy hằng tuần, 19:00–20:30" */
export function slotText(cls: Pick<WeeklyClass, "weekday" | "startTime" | "durationMinutes">): string {
  return strings.classManagement.slot(weekdayName(cls.weekday), cls.startTime, endTime(cls.startTime, cls.durationMinutes));
}

/** "Từ Thứ Bảy, 05/09/2026, chưa định ngày kết thúc" */
export function datesText(cls: Pick<WeeklyClass, "firstDate" | "lastDate">): string {
  const t = strings.classManagement;
  const from = formatWardDate(cls.firstDate);
  return cls.lastDate === null ? t.fromOn(from) : t.fromUntil(from, formatWardDate(cls.lastDate));
}

function datesBetween(cls: WeeklyClass, from: string, to: string): MeetingDate[] {
  return occurrencesBetween({ ...cls, cancelledDates: [] }, from, to).map((o) => ({
    date: o.date,
    label: formatWardDate(o.date),
    cancelled: cls.cancelledDates.includes(o.date),
  }));
}

/** The next meetings from today on, today's included. */
export function upcomingDates(cls: WeeklyClass, today: string, count = DATES_SHOWN): MeetingDate[] {
  return datesBetween(cls, today, addDays(today, 7 * count)).slice(0, count);
}

/** The meetings before today, the latest first. */
export function recentDates(cls: WeeklyClass, today: string, count = DATES_SHOWN): MeetingDate[] {
  return datesBetween(cls, addDays(today, -7 * count), addDays(today, -1)).reverse().slice(0, count);
}
