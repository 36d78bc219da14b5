// Times of day in the ward's zone (Asia/Ho_Chi_Minh, UTC+7 all year) for an ISO instant.
import { WARD_UTC_OFFSET_MINUTES, formatWardDate, wardDate } from "@hocso/shared/dates";

/** "19:00" */
export function wardClock(iso: string): string {
  return new Date(Date.parse(iso) + WARD_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(11, 16);
}

/** "19:05, Thứ Bảy, 29/11/2026" */
export function wardMoment(iso: string): string {
  return `${wardClock(iso)}, ${formatWardDate(wardDate(new Date(iso)))}`;
}
