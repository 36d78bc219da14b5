// Quiet hours (DESIGN.md "Delivery guarantees", default 21:00–06:30): non-urgent messages to
// elderly readers wait for the morning. Pure ward-time arithmetic, shared by the reminder
// planner, the outbox sender and the broadcast composer's preview of when a message goes.
import { addDays, wardDate, wardInstant } from "./dates.ts";

export interface QuietHours {
  /** HH:MM ward time when quiet starts */
  start: string;
  /** HH:MM ward time when it ends; before `start` means the quiet spans midnight */
  end: string;
}

/** Minutes since ward midnight of an instant. */
function wardMinutes(instant: Date): number {
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether `instant` falls inside quiet hours (start inclusive, end exclusive). Equal start and end: never quiet. */
export function isQuiet(instant: Date, quiet: QuietHours): boolean {
  const now = wardMinutes(instant);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** `instant` itself when it is outside quiet hours, else the moment they end. */
export function nextSendableTime(instant: Date, quiet: QuietHours): Date {
  if (!isQuiet(instant, quiet)) return instant;
  const today = wardDate(instant);
  const endToday = wardInstant(today, quiet.end);
  return endToday > instant ? endToday : wardInstant(addDays(today, 1), quiet.end);
}
