// A class changed after its meeting was announced (docs/API.md "PATCH /api/v1/classes/:classId"):
// which changes residents must hear about, and the urgent notice that tells them, old and new
// side by side. Pure: the bot server decides who already had a reminder and stores the notice.
import type { Occurrence, WeeklyClass } from "./classes.ts";
import { formatWardDate, wardClock } from "./dates.ts";
import { fitted } from "./reminders.ts";

/** What a resident acts on: when, for how long and where. Topic, lessons and "bring" are not announced again. */
export type NoticedFields = Pick<WeeklyClass, "weekday" | "startTime" | "durationMinutes" | "place">;

/** Whether the change touches a field residents act on. */
export function changesWhatResidentsActOn(before: NoticedFields, after: NoticedFields): boolean {
  return (
    before.weekday !== after.weekday ||
    before.startTime !== after.startTime ||
    before.durationMinutes !== after.durationMinutes ||
    before.place !== after.place
  );
}

type When = Pick<Occurrence, "date" | "startsAt" | "endsAt">;

export interface ChangeNoticeInput {
  tdpName: string;
  /** the place residents were told */
  placeBefore: string;
  placeAfter: string;
  /** the meeting as residents were reminded of it */
  was: When;
  /** the same meeting now: on the same date, moved to another (the class's next), or none */
  now: When | undefined;
}

/**
 * The urgent notice to readers already reminded of a meeting, naming only what changed:
 *
 *   ⚠️ Thay đổi lịch học — Tổ dân phố Giải Phóng
 *   Buổi học Thứ Bảy, 05/12/2026 nay bắt đầu lúc 18:30 (trước đây 19:00).
 *   📍 Nhà văn hóa Tổ dân phố Giải Phóng
 *   Xin lỗi bác vì sự thay đổi này.
 *
 * NFC, mention-safe and within Zalo's 2,000 characters (reminders.ts `fitted`).
 */
export function changeNoticeText(input: ChangeNoticeInput): string {
  const { was, now } = input;
  const placeChanged = input.placeBefore !== input.placeAfter;
  return fitted((cut) => [
    `⚠️ Thay đổi lịch học — ${cut(input.tdpName)}`,
    whenLine(was, now, placeChanged),
    now === undefined
      ? `Bác không cần đến: ${cut(input.placeBefore)}`
      : placeChanged
        ? `📍 Địa điểm mới: ${cut(input.placeAfter)} (trước đây: ${cut(input.placeBefore)})`
        : `📍 ${cut(input.placeAfter)}`,
    "Xin lỗi bác vì sự thay đổi này.",
  ]);
}

function whenLine(was: When, now: When | undefined, placeChanged: boolean): string {
  const date = formatWardDate(was.date);
  const [oldStart, oldEnd] = [wardClock(was.startsAt), wardClock(was.endsAt)];
  if (now === undefined) return `Buổi học ${date} (${oldStart}–${oldEnd}) không còn diễn ra.`;
  const [newStart, newEnd] = [wardClock(now.startsAt), wardClock(now.endsAt)];
  if (now.date !== was.date) {
    return `Buổi học ${date} (${oldStart}) nay chuyển sang ${formatWardDate(now.date)}, ${newStart}–${newEnd}.`;
  }
  const startMoved = oldStart !== newStart;
  const lengthChanged = now.endsAt.getTime() - now.startsAt.getTime() !== was.endsAt.getTime() - was.startsAt.getTime();
  if (startMoved && lengthChanged) {
    return `Buổi học ${date} nay học từ ${newStart} đến ${newEnd} (trước đây ${oldStart}–${oldEnd}).`;
  }
  if (startMoved) return `Buổi học ${date} nay bắt đầu lúc ${newStart} (trước đây ${oldStart}).`;
  if (lengthChanged) return `Buổi học ${date} nay kết thúc lúc ${newEnd} (trước đây ${oldEnd}).`;
  return placeChanged
    ? `Buổi học ${date} (${newStart}–${newEnd}) đổi địa điểm.`
    : `Buổi học ${date}, ${newStart}–${newEnd}.`;
}
