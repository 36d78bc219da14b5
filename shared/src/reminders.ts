// Class reminders, the pure part (DESIGN.md "Reaching residents", "Delivery guarantees"):
// when each reminder of a class meeting is due, which of them a planner tick at `now` must
// write, and what they say. The bot server's planner (features/reminders/planner.ts) reads
// the classes and recipients from SQLite, calls planDueReminders and stores every plan with
// INSERT OR IGNORE on its dedupe key, so a plan written twice is still one message.
import { z } from "zod";
import { HhMmSchema, occurrencesBetween, type Occurrence, type WeeklyClass } from "./classes.ts";
import { addDays, formatWardDate, isoWeekday, wardClock, wardDate, wardInstant } from "./dates.ts";
import { isQuiet, nextSendableTime } from "./quiet-hours.ts";
import { cutText, groupText, ZALO_TEXT_LIMIT, zaloLength } from "./zalo-text.ts";
import { lessonLink } from "./mini-app-links.ts";

// ---- The ward's reminder settings (GET/PUT /api/v1/ward/settings) ----

export const WardSettingsSchema = z
  .strictObject({
    reminders: z.strictObject({
      /** HH:MM ward time on the day before a class */
      dayBeforeAt: HhMmSchema,
      /** whole hours before a class starts for the same-day reminder; 0 = none */
      hoursBefore: z.number().int().min(0).max(12),
    }),
    /** non-urgent messages wait while it is quiet; equal start and end = never quiet */
    quietHours: z.strictObject({ start: HhMmSchema, end: HhMmSchema }),
  })
  .superRefine((s, ctx) => {
    if (isQuiet(wardInstant("2026-01-01", s.reminders.dayBeforeAt), s.quietHours)) {
      ctx.addIssue({
        code: "custom",
        path: ["reminders", "dayBeforeAt"],
        message:
          `falls in the quiet hours (${s.quietHours.start}–${s.quietHours.end}): ` +
          "the evening reminder would wait for the morning",
      });
    }
  });
export type WardSettings = z.infer<typeof WardSettingsSchema>;

export const StoredWardSettingsSchema = z.object({
  reminders: z.object({ dayBeforeAt: z.string(), hoursBefore: z.number() }),
  quietHours: z.object({ start: z.string(), end: z.string() }),
  /** when an admin (or the first start, from the ward file) last set them */
  updatedAt: z.string(),
});
export type StoredWardSettings = z.infer<typeof StoredWardSettingsSchema>;

// ---- When reminders are due ----

export type ReminderOffset = "day-before" | "same-day";

export interface ReminderSlot {
  offset: ReminderOffset;
  /** when the reminder is meant to go, before quiet hours or a late tick move it */
  dueAt: Date;
}

/**
 * The reminders of one meeting, earliest first: "day-before" at `dayBeforeAt` on the ward
 * date before it, and "same-day" `hoursBefore` hours before it starts, unless that is 0 or
 * would not come after the day-before one.
 */
export function reminderSlots(occurrence: Occurrence, settings: WardSettings): ReminderSlot[] {
  const dayBefore: ReminderSlot = {
    offset: "day-before",
    dueAt: wardInstant(addDays(occurrence.date, -1), settings.reminders.dayBeforeAt),
  };
  const hours = settings.reminders.hoursBefore;
  if (hours === 0) return [dayBefore];
  const sameDayAt = new Date(occurrence.startsAt.getTime() - hours * 3_600_000);
  if (sameDayAt <= dayBefore.dueAt) return [dayBefore];
  return [dayBefore, { offset: "same-day", dueAt: sameDayAt }];
}

// ---- Who gets them ----

/** How a reminder reaches its reader (DESIGN.md "Reaching residents"). */
export type ReminderChannel = "oa-group" | "sandbox" | "share" | "oa-user" | "miniapp-notify";

export interface ReminderRecipient {
  channel: ReminderChannel;
  /** the Zalo group id, OA-scoped user id or app-scoped user id; null for a 'share' group */
  recipient: string | null;
  /** the dedupe key's last part: the recipient, or the TDP id for a 'share' group */
  keyPart: string;
  /** a group gets both reminders; a resident who asked for them, the day-before one */
  offsets: readonly ReminderOffset[];
}

/** The TDP's (tổ dân phố) name and everyone its classes' reminders go to. */
export interface ClassAudience {
  tdpName: string;
  recipients: readonly ReminderRecipient[];
}

const GROUP_OFFSETS: readonly ReminderOffset[] = ["day-before", "same-day"];
const PERSON_OFFSETS: readonly ReminderOffset[] = ["day-before"];

/**
 * The TDP's group as a recipient: an OA-owned (or sandbox) group by its Zalo id, a 'share'
 * group as a row a facilitator forwards by hand; none when the group has no id yet.
 */
export function groupRecipient(tdp: {
  id: string;
  channel: "oa-group" | "sandbox" | "share";
  zaloGroupId: string | null;
}): ReminderRecipient | undefined {
  if (tdp.channel === "share") {
    return { channel: "share", recipient: null, keyPart: tdp.id, offsets: GROUP_OFFSETS };
  }
  if (!tdp.zaloGroupId) return undefined;
  return { channel: tdp.channel, recipient: tdp.zaloGroupId, keyPart: tdp.zaloGroupId, offsets: GROUP_OFFSETS };
}

/** A resident who said yes to reminders: in the OA chat ('oa-user') or in the mini app ('miniapp-notify'). */
export function personRecipient(channel: "oa-user" | "miniapp-notify", id: string): ReminderRecipient {
  return { channel, recipient: id, keyPart: id, offsets: PERSON_OFFSETS };
}

export function reminderKey(classId: string, date: string, offset: ReminderOffset, keyPart: string): string {
  return `reminder:${classId}:${date}:${offset}:${keyPart}`;
}

/**
 * What every key of a meeting's notices of one kind to one recipient starts with; the n-th
 * notice's key is this, or this and `:<n>`.
 */
export function noticeKeyStem(kind: "cancellation" | "change", classId: string, date: string, keyPart: string): string {
  return `${kind}:${classId}:${date}:${keyPart}`;
}

/**
 * The n-th cancellation notice of a meeting to one recipient (a date cancelled, restored and
 * cancelled again is told twice): the first keeps the key it always had, later ones add `:n`.
 */
export function cancellationKey(classId: string, date: string, keyPart: string, n = 1): string {
  const stem = noticeKeyStem("cancellation", classId, date, keyPart);
  return n === 1 ? stem : `${stem}:${n}`;
}

/** The n-th notice (from 1) that a meeting already reminded of has changed. */
export function changeKey(classId: string, date: string, keyPart: string, n: number): string {
  return `${noticeKeyStem("change", classId, date, keyPart)}:${n}`;
}

// ---- What one tick plans ----

/** Failure texts facilitators read on rows that will not go (Vietnamese). */
export const REMINDER_FAILURES = {
  superseded: "Đã có tin nhắc sau thay thế",
  quietUntilClass: "Giờ yên lặng kéo dài tới giờ học",
} as const;

export interface PlannedReminder {
  dedupeKey: string;
  classId: string;
  tdpId: string;
  /** the meeting's ward date */
  date: string;
  offset: ReminderOffset;
  channel: ReminderChannel;
  recipient: string | null;
  /** when it was meant to go */
  dueAt: Date;
  /** the first moment it may go: not before this tick, and out of quiet hours */
  sendAt: Date;
  /**
   * not sent after this: the class start, or the end of the ward day the text was written
   * for if that is earlier, so "Tối mai" is never read on the day of the class
   */
  expiresAt: Date;
  /** 'manual' for a 'share' group; 'expired' for a reminder recorded but never to be sent */
  state: "pending" | "manual" | "expired";
  failure: string | null;
  text: string;
}

export interface PlanInput {
  now: Date;
  settings: WardSettings;
  classes: readonly WeeklyClass[];
  /** the TDP's name and recipients; undefined for a TDP we do not know */
  audienceOf: (tdpId: string) => ClassAudience | undefined;
  /** the mini app's id in https://zalo.me/s/<id>/ links */
  miniAppId: string;
  /**
   * Whether a dedupe key is stored already: such reminders are left out before their text is
   * written. Only a shortcut: the caller's INSERT OR IGNORE is what keeps one row per key.
   */
  isStored?: (dedupeKey: string) => boolean;
}

/**
 * Every reminder due at `now` (dueAt ≤ now) of a meeting that has not started, for every
 * recipient. Such a meeting is today's or tomorrow's (the earliest reminder is on the ward
 * date before it; an earlier meeting has started), so a tick after an outage of any length
 * finds every reminder that can still arrive in time. The caller stores each plan unless its
 * key is stored already, so a plan repeated by later ticks changes nothing. For one meeting and
 * recipient, a reminder that could not go before the next one is due (the server was down
 * through it, or quiet hours hold it) is recorded as superseded instead: never two reminders
 * at once. One held by quiet hours until the class starts is recorded as expired.
 */
export function planDueReminders(input: PlanInput): PlannedReminder[] {
  const { now, settings } = input;
  const today = wardDate(now);
  const tomorrow = addDays(today, 1);
  const weekdays = [isoWeekday(today), isoWeekday(tomorrow)];
  const plans: PlannedReminder[] = [];
  for (const cls of input.classes) {
    if (!weekdays.includes(cls.weekday)) continue;
    for (const occurrence of occurrencesBetween(cls, today, tomorrow)) {
      if (occurrence.startsAt <= now) continue;
      const slots = reminderSlots(occurrence, settings);
      if (!slots.some((s) => s.dueAt <= now)) continue;
      const audience = input.audienceOf(cls.tdpId);
      if (!audience) continue;
      for (const recipient of audience.recipients) {
        const theirs = slots.filter((s) => recipient.offsets.includes(s.offset));
        theirs.forEach((slot, i) => {
          if (slot.dueAt > now) return;
          if (input.isStored?.(reminderKey(cls.id, occurrence.date, slot.offset, recipient.keyPart))) return;
          plans.push(planOne({ ...input, cls, occurrence, audience, recipient, slot, later: theirs[i + 1] }));
        });
      }
    }
  }
  return plans;
}

function planOne(
  p: PlanInput & {
    cls: WeeklyClass;
    occurrence: Occurrence;
    audience: ClassAudience;
    recipient: ReminderRecipient;
    slot: ReminderSlot;
    later: ReminderSlot | undefined;
  },
): PlannedReminder {
  const { now, occurrence, slot, recipient, later } = p;
  const quiet = p.settings.quietHours;
  // A reminder is planned at the first tick at or after it is due: it can go from now.
  const sendAt = nextSendableTime(now, quiet);
  const laterSendAt = later && nextSendableTime(later.dueAt, quiet);
  let failure: string | null = null;
  if (later && laterSendAt && later.dueAt <= sendAt && laterSendAt < occurrence.startsAt) {
    failure = REMINDER_FAILURES.superseded;
  } else if (sendAt >= occurrence.startsAt) {
    failure = REMINDER_FAILURES.quietUntilClass;
  }
  const endOfSendDay = wardInstant(addDays(wardDate(sendAt), 1), "00:00");
  return {
    dedupeKey: reminderKey(p.cls.id, occurrence.date, slot.offset, recipient.keyPart),
    classId: p.cls.id,
    tdpId: p.cls.tdpId,
    date: occurrence.date,
    offset: slot.offset,
    channel: recipient.channel,
    recipient: recipient.recipient,
    dueAt: slot.dueAt,
    sendAt,
    expiresAt: endOfSendDay < occurrence.startsAt ? endOfSendDay : occurrence.startsAt,
    state: failure ? "expired" : recipient.channel === "share" ? "manual" : "pending",
    failure,
    text: reminderText({
      tdpName: p.audience.tdpName,
      cls: p.cls,
      occurrence,
      sendAt,
      miniAppId: p.miniAppId,
      personal: recipient.channel === "oa-user" || recipient.channel === "miniapp-notify" ? recipient.channel : null,
    }),
  };
}

// ---- What they say ----

/** A clock face showing the hour (🕖 for 7:00 or 19:00, 🕢 for 7:30). */
function clockFace(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return String.fromCodePoint((m < 30 ? 0x1f550 : 0x1f55c) + hour12 - 1);
}

/** "sáng" 04:00–10:59, "trưa" 11:00–12:59, "chiều" 13:00–17:59, "tối" 18:00–21:59; none at night. */
function partOfDay(hhmm: string): string | null {
  const h = Number(hhmm.slice(0, 2));
  if (h >= 4 && h < 11) return "Sáng";
  if (h >= 11 && h < 13) return "Trưa";
  if (h >= 13 && h < 18) return "Chiều";
  if (h >= 18 && h < 22) return "Tối";
  return null;
}

/**
 * "Tối nay", "Sáng mai", "Hôm nay", "Ngày mai": the meeting's day as the reader sees it when
 * the message arrives at `readAt`; null when it is further away.
 */
export function relativeDay(meetingDate: string, startTime: string, readAt: Date): string | null {
  const readDate = wardDate(readAt);
  const part = partOfDay(startTime);
  if (meetingDate === readDate) return part ? `${part} nay` : "Hôm nay";
  if (meetingDate === addDays(readDate, 1)) return part ? `${part} mai` : "Ngày mai";
  return null;
}

/** One line of a facilitator's text: NFC, whitespace collapsed, cut to `max` characters with "…". */
function clip(text: string, max: number): string {
  return cutText(text.normalize("NFC").replace(/\s+/g, " ").trim(), max);
}

/** "Mang theo: điện thoại đã sạc pin." — lower-cases an ordinary first word, keeps "VNeID", "CCCD". */
function bringLine(bring: string): string {
  const t = /^\p{Lu}\p{Ll}/u.test(bring) ? bring.charAt(0).toLocaleLowerCase("vi") + bring.slice(1) : bring;
  return `Mang theo: ${/[.!?…]$/.test(t) ? t : `${t}.`}`;
}

/** Longest a facilitator's field may stay while a message is too long, tried in turn. */
const CAPS = [Infinity, 300, 160, 80, 40, 20];

/**
 * Builds a message from lines where `fields` are facilitators' text: with every field whole if
 * it fits in Zalo's 2,000 characters, else with each cut shorter until it does. NFC and
 * mention-safe (groupText).
 */
export function fitted(build: (cut: (text: string) => string) => Array<string | null>): string {
  for (const cap of CAPS) {
    const text = groupText(
      build((t) => (cap === Infinity ? clip(t, Number.MAX_SAFE_INTEGER) : clip(t, cap)))
        .filter((line): line is string => line !== null)
        .join("\n"),
    );
    if (zaloLength(text) <= ZALO_TEXT_LIMIT) return text;
  }
  // Only a ward or mini-app name beyond reason gets here: keep the whole lines that fit.
  const lines = groupText(build((t) => clip(t, 20)).filter((l): l is string => l !== null).join("\n")).split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    if (zaloLength([...kept, line].join("\n")) > ZALO_TEXT_LIMIT) break;
    kept.push(line);
  }
  return kept.join("\n");
}

export interface ReminderTextInput {
  tdpName: string;
  cls: Pick<WeeklyClass, "startTime" | "place" | "topic" | "bring" | "lessonIds">;
  occurrence: Pick<Occurrence, "date" | "startsAt" | "endsAt">;
  /** when the reader will get it: chooses "Tối nay" or "Tối mai" */
  sendAt: Date;
  miniAppId: string;
  /** a personal reminder says how to stop them */
  personal: "oa-user" | "miniapp-notify" | null;
}

/**
 * The reminder as elderly readers get it: short lines, one idea each.
 *
 *   📚 Nhắc lịch học kỹ năng số — Tổ dân phố Giải Phóng
 *   Tối mai, Thứ Bảy, 28/11/2026
 *   🕖 19:00–20:30
 *   📍 Nhà văn hóa Tổ dân phố Giải Phóng
 *   Chủ đề: An toàn khi thanh toán bằng mã QR
 *   Mang theo: điện thoại đã sạc pin.
 *   Xem trước bài học: https://zalo.me/s/<miniAppId>/bai/quet-vietqr
 */
export function reminderText(input: ReminderTextInput): string {
  const { cls, occurrence } = input;
  const start = wardClock(occurrence.startsAt);
  const day = relativeDay(occurrence.date, start, input.sendAt);
  const date = formatWardDate(occurrence.date);
  const lessonId = cls.lessonIds[0];
  return fitted((cut) => [
    `📚 Nhắc lịch học kỹ năng số — ${cut(input.tdpName)}`,
    day ? `${day}, ${date}` : date,
    `${clockFace(start)} ${start}–${wardClock(occurrence.endsAt)}`,
    `📍 ${cut(cls.place)}`,
    `Chủ đề: ${cut(cls.topic)}`,
    cls.bring.trim() ? bringLine(cut(cls.bring)) : null,
    lessonId ? `Xem trước bài học: ${lessonLink(input.miniAppId, lessonId)}` : null,
    input.personal === "oa-user" ? "Bác gõ DỪNG nếu không muốn nhận tin nhắc nữa." : null,
    input.personal === "miniapp-notify" ? "Tắt tin nhắc trong ứng dụng Học Số, mục “Dữ liệu của tôi”." : null,
  ]);
}

export interface CancellationTextInput {
  tdpName: string;
  cls: Pick<WeeklyClass, "place" | "topic">;
  occurrence: Pick<Occurrence, "date" | "startsAt" | "endsAt">;
  /** the class's next meeting, if it has one */
  next: Pick<Occurrence, "date" | "startsAt"> | undefined;
}

/**
 * The urgent notice to readers already reminded of a meeting that will not take place:
 *
 *   📢 Thông báo nghỉ học — Tổ dân phố Giải Phóng
 *   Buổi học kỹ năng số ngày Thứ Bảy, 05/12/2026 (19:00–20:30) được nghỉ.
 *   Bác không cần đến: Nhà văn hóa Tổ dân phố Giải Phóng
 *   Buổi học sau: Thứ Bảy, 12/12/2026, 19:00.
 *   Xin lỗi bác vì sự thay đổi này.
 */
export function cancellationText(input: CancellationTextInput): string {
  const { occurrence, next } = input;
  const hours = `${wardClock(occurrence.startsAt)}–${wardClock(occurrence.endsAt)}`;
  const when = `${formatWardDate(occurrence.date)} (${hours})`;
  return fitted((cut) => [
    `📢 Thông báo nghỉ học — ${cut(input.tdpName)}`,
    `Buổi học kỹ năng số ngày ${when} được nghỉ.`,
    `Chủ đề dự kiến: ${cut(input.cls.topic)}`,
    `Bác không cần đến: ${cut(input.cls.place)}`,
    next ? `Buổi học sau: ${formatWardDate(next.date)}, ${wardClock(next.startsAt)}.` : null,
    "Xin lỗi bác vì sự thay đổi này.",
  ]);
}
