// Urgent notices to everyone a meeting's reminder has already reached, when that meeting is
// cancelled or changes (docs/API.md "PUT …/cancellations/:date", "PATCH /api/v1/classes/:classId"):
// the group on its own channel (shared by hand for a 'share' group), and each resident who had
// a personal reminder and still wants them. Called inside the class change's transaction.
import { changeNoticeText, changesWhatResidentsActOn } from "@hocso/shared/class-changes";
import { isMeetingDate, occurrencesBetween, type Occurrence, type WeeklyClass } from "@hocso/shared/classes";
import { addDays } from "@hocso/shared/dates";
import { cancellationKey, cancellationText, changeKey, noticeKeyStem } from "@hocso/shared/reminders";
import { countNoticeKeys, datesWithSentReminders, findTdpAudience } from "../../db/class-reminders.ts";
import type { Db } from "../../db/database.ts";
import { enqueueOutbox, listOutboxOfMeeting, type OutboxChannel } from "../../db/outbox.ts";

interface Reached {
  channel: OutboxChannel;
  recipient: string | null;
  /** the dedupe key's recipient part: the group or resident id, the TDP id for a 'share' group */
  keyPart: string;
}

/**
 * Who a reminder of this meeting reached (state sent), one entry per recipient; a resident
 * only while they still want reminders.
 */
function reachedBy(db: Db, cls: WeeklyClass, date: string): { tdpName: string; reached: Reached[] } {
  const rows = listOutboxOfMeeting(db, cls.id, date).filter((r) => r.kind === "reminder" && r.state === "sent");
  const audience = rows.length > 0 ? findTdpAudience(db, cls.tdpId) : undefined;
  const stillWanted = new Set(
    (audience?.recipients ?? []).filter((r) => r.recipient !== null).map((r) => `${r.channel}:${r.recipient}`),
  );
  const reached = new Map<string, Reached>();
  for (const row of rows) {
    const personal = row.channel === "oa-user" || row.channel === "miniapp-notify";
    if (personal && !stillWanted.has(`${row.channel}:${row.recipient}`)) continue;
    const keyPart = row.recipient ?? cls.tdpId;
    reached.set(keyPart, { channel: row.channel, recipient: row.recipient, keyPart });
  }
  return { tdpName: audience?.tdpName ?? cls.tdpId, reached: [...reached.values()] };
}

function enqueueNotice(
  db: Db,
  cls: WeeklyClass,
  date: string,
  to: Reached,
  notice: { kind: "cancellation" | "change"; dedupeKey: string; text: string; expiresAt: Date },
  now: Date,
): boolean {
  return enqueueOutbox(
    db,
    {
      dedupeKey: notice.dedupeKey,
      kind: notice.kind,
      channel: to.channel,
      recipient: to.recipient,
      tdpId: cls.tdpId,
      classId: cls.id,
      occurrenceDate: date,
      message: { text: notice.text },
      urgent: true,
      dueAt: now,
      expiresAt: notice.expiresAt,
      state: to.channel === "share" ? "manual" : "pending",
    },
    now,
  ).inserted;
}

/**
 * A meeting just cancelled: one notice per recipient a reminder reached. Cancelled again after
 * a restore, each gets another (the key counts them): since the restore they may well have
 * taken the class to be on. Returns how many were queued.
 */
export function queueCancellationNotices(db: Db, cls: WeeklyClass, occurrence: Occurrence, now: Date): number {
  const { tdpName, reached } = reachedBy(db, cls, occurrence.date);
  if (reached.length === 0) return 0;
  const next = occurrencesBetween(cls, addDays(occurrence.date, 1), addDays(occurrence.date, 7 * 8))[0];
  const text = cancellationText({ tdpName, cls, occurrence, next });
  let queued = 0;
  for (const to of reached) {
    const n = countNoticeKeys(db, noticeKeyStem("cancellation", cls.id, occurrence.date, to.keyPart)) + 1;
    const dedupeKey = cancellationKey(cls.id, occurrence.date, to.keyPart, n);
    // Still worth reading until the meeting would have ended: someone may be on the way.
    const notice = { kind: "cancellation" as const, dedupeKey, text, expiresAt: occurrence.endsAt };
    if (enqueueNotice(db, cls, occurrence.date, to, notice, now)) queued += 1;
  }
  return queued;
}

/** The meeting on `date` if the class meets then (not cancelled), else undefined. */
function meetingOn(cls: WeeklyClass, date: string): Occurrence | undefined {
  return isMeetingDate(cls, date) ? occurrencesBetween(cls, date, date)[0] : undefined;
}

/**
 * The class changed from `before` to `after` (as stored now). For every meeting from today on
 * that has not started and that a reminder has already reached, where the change moves its time
 * or place (or the class no longer meets that day), one notice per recipient: old and new side
 * by side. A second change makes a second notice. Returns how many were queued.
 */
export function queueChangeNotices(
  db: Db,
  before: WeeklyClass,
  after: WeeklyClass,
  today: string,
  now: Date,
): number {
  let queued = 0;
  for (const date of datesWithSentReminders(db, before.id, today)) {
    const was = meetingOn(before, date);
    if (!was || was.startsAt <= now) continue;
    const same = meetingOn(after, date);
    // Still on that day (so on the same weekday): only a new time or place is news.
    if (same && !changesWhatResidentsActOn(before, after)) continue;
    // Off that day: the class's next meeting that has not started stands in for it.
    const moved = same ?? occurrencesBetween(after, today, addDays(today, 7 * 8)).find((o) => o.startsAt > now);
    if (moved && moved.startsAt <= now) continue;
    const { tdpName, reached } = reachedBy(db, after, date);
    const text = changeNoticeText({ tdpName, placeBefore: before.place, placeAfter: after.place, was, now: moved });
    // Worth reading until the meeting as it now is starts; with none, until the old one would have ended.
    const expiresAt = moved ? moved.startsAt : was.endsAt;
    for (const to of reached) {
      const n = countNoticeKeys(db, noticeKeyStem("change", after.id, date, to.keyPart)) + 1;
      const dedupeKey = changeKey(after.id, date, to.keyPart, n);
      if (enqueueNotice(db, after, date, to, { kind: "change", dedupeKey, text, expiresAt }, now)) queued += 1;
    }
  }
  return queued;
}
