// A facilitator's view of their TDPs' (tổ dân phố) class reminders (docs/API.md "Class
// reminders: staff"): each upcoming meeting with the messages about it in the TDP's group —
// reminders, cancellation and change notices — in the same statuses as the announcement report,
// and "Tôi đã chia sẻ" for a group the OA cannot post in. What residents get personally is
// only counted. Policy "class:manage", for the TDPs in the caller's scope.
import { occurrencesBetween, type Occurrence, type WeeklyClass } from "@hocso/shared/classes";
import { addDays, wardClock, wardDate, wardInstant } from "@hocso/shared/dates";
import {
  deliveryStatusOf,
  emptyCounts,
  STATUSES_WITH_REASON,
  type DeliveryCounts,
} from "@hocso/shared/delivery-status";
import { nextSendableTime } from "@hocso/shared/quiet-hours";
import { groupRecipient, reminderSlots, type WardSettings } from "@hocso/shared/reminders";
import type { GroupChannel, StaffMeeting, StaffReminder, StaffReminders } from "@hocso/shared/staff-reminders";
import { countPersonalMessagesOfClasses, listGroupMessagesOfClasses } from "../../db/class-reminders.ts";
import type { Db } from "../../db/database.ts";
import { findOutboxRow, markSharedByHand, type OutboxRow } from "../../db/outbox.ts";
import { listTdpChannels, residentialGroupExists, type TdpChannel } from "../../db/residential-groups.ts";
import { loadWardSettings } from "../../db/ward-settings.ts";
import { listWeeklyClassesOfTdps } from "../../db/weekly-classes.ts";
import { audit } from "../../lib/audit.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { authorize, scopeOf } from "../../lib/policies.ts";

export interface StaffRemindersDeps {
  db: Db;
  clock: Clock;
}

const POLICY = "class:manage";

/** What a facilitator reads on a message to share by hand whose time has passed (Vietnamese). */
export const SHARE_TOO_LATE = "Đã quá hạn: tin không còn kịp chia sẻ.";

/** 403 unless the user holds "class:manage" for some TDP: asked before their input is read. */
export function reminderReader({ db }: StaffRemindersDeps, userId: number): void {
  authorize(db, userId, POLICY);
}

/**
 * The meetings of the caller's classes from today to today + `days` (ward dates), newest
 * first, and their group messages. `tdpId` narrows to one TDP, which must be theirs.
 */
export function listStaffReminders(
  deps: StaffRemindersDeps,
  userId: number,
  query: { tdpId?: string | undefined; days: number },
): StaffReminders {
  const { db, clock } = deps;
  const { tdpId, days } = query;
  if (tdpId !== undefined && !residentialGroupExists(db, tdpId)) {
    throw AppError.field("tdpId", "no such tổ dân phố; pick one from GET /api/v1/staff/me");
  }
  const staff = authorize(db, userId, POLICY, tdpId === undefined ? [] : [tdpId]);
  const tdps = listTdpChannels(db);
  const scope = tdpId === undefined ? scopeOf(staff, POLICY, tdps.map((t) => t.id)) : [tdpId];
  const now = clock.now();
  const from = wardDate(now);
  const to = addDays(from, days);
  const classes = listWeeklyClassesOfTdps(
    db,
    tdps.filter((t) => scope.includes(t.id)).map((t) => t.id),
  );
  const classIds = classes.map((c) => c.id);
  const meetings = new MeetingTable(classes, new Map(tdps.map((t) => [t.id, t])), loadWardSettings(db), now);
  for (const cls of classes) {
    for (const o of occurrencesBetween({ ...cls, cancelledDates: [] }, from, to)) meetings.add(cls.id, o.date);
  }
  const rows = listGroupMessagesOfClasses(db, classIds, from, to);
  for (const row of rows) meetings.add(row.classId!, row.occurrenceDate!);
  for (const c of countPersonalMessagesOfClasses(db, classIds, from, to)) {
    meetings.add(c.classId, c.date).personal[deliveryStatusOf(c.state)] += c.n;
  }
  const ordered = meetings.newestFirst();
  const order = new Map(ordered.map((m, i) => [`${m.classId}|${m.date}`, i]));
  const items = rows
    .map((row, i) => ({ row, i, at: order.get(`${row.classId}|${row.occurrenceDate}`)! }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ row }) => toItem(row, meetings.tdpNameOf(row.tdpId), now));
  return { from, to, meetings: ordered, items };
}

/**
 * "Tôi đã chia sẻ": the facilitator shared a group reminder or notice by hand; it becomes sent
 * now. Saying it again answers the same. 404 for anything but a class message to a group, 403
 * outside the caller's TDPs, 409 for a group the OA posts to itself or a message that was
 * cancelled or is too late to share.
 */
export function markReminderShared(deps: StaffRemindersDeps, userId: number, id: number): StaffReminder {
  const { db, clock } = deps;
  const row = findOutboxRow(db, id);
  if (!row || !isGroupMeetingMessage(row)) {
    throw new AppError(
      "not_found",
      `There is no class reminder ${id} to a group; list them with GET /api/v1/staff/reminders`,
    );
  }
  const staff = authorize(db, userId, POLICY, [row.tdpId!]);
  if (row.channel !== "share") {
    throw new AppError(
      "conflict",
      `The OA posts message ${id} into the group itself; there is nothing to share by hand`,
    );
  }
  const now = clock.now();
  if (row.state === "manual") {
    db.transaction(() => {
      if (!markSharedByHand(db, row.id, now)) return;
      const details = { classId: row.classId, date: row.occurrenceDate, kind: row.kind };
      audit(db, staff, { action: "reminder.shared-by-hand", tdpId: row.tdpId, subject: id, details }, now);
    })();
  }
  const tdpName = listTdpChannels(db).find((t) => t.id === row.tdpId)?.name ?? row.tdpId!;
  const item = toItem(findOutboxRow(db, id)!, tdpName, now);
  if (item.status !== "sent") {
    const why = item.reason ? ` (${item.reason})` : "";
    throw new AppError("conflict", `Message ${id} is ${item.status}${why}; there is nothing to share`);
  }
  return item;
}

const GROUP_CHANNELS: ReadonlySet<string> = new Set(["oa-group", "sandbox", "share"]);
const MEETING_KINDS: ReadonlySet<string> = new Set(["reminder", "cancellation", "change"]);

function isGroupMeetingMessage(row: OutboxRow): boolean {
  return (
    MEETING_KINDS.has(row.kind) &&
    GROUP_CHANNELS.has(row.channel) &&
    row.classId !== null &&
    row.occurrenceDate !== null &&
    row.tdpId !== null
  );
}

/** "day-before" or "same-day", read from the reminder's key (reminder:<class>:<date>:<offset>:<group>). */
function offsetOf(row: OutboxRow): StaffReminder["offset"] {
  if (row.kind !== "reminder") return null;
  const rest = row.dedupeKey.slice(`reminder:${row.classId}:${row.occurrenceDate}:`.length);
  const offset = rest.slice(0, rest.indexOf(":"));
  return offset === "day-before" || offset === "same-day" ? offset : null;
}

function toItem(row: OutboxRow, tdpName: string, now: Date): StaffReminder {
  let status = deliveryStatusOf(row.state);
  let reason = STATUSES_WITH_REASON.has(status) ? row.failure : null;
  // Nobody expires a row waiting for a facilitator; past its deadline it must not be shared.
  if (status === "share-by-hand" && row.expiresAt !== null && Date.parse(row.expiresAt) <= now.getTime()) {
    status = "expired";
    reason = SHARE_TOO_LATE;
  }
  return {
    id: row.id,
    tdpId: row.tdpId!,
    tdpName,
    classId: row.classId!,
    date: row.occurrenceDate!,
    kind: row.kind as StaffReminder["kind"],
    offset: offsetOf(row),
    channel: row.channel as GroupChannel,
    status,
    reason,
    dueAt: row.dueAt,
    nextAttemptAt: status === "waiting" ? row.nextAttemptAt : null,
    sentAt: status === "sent" ? row.sentAt : null,
    messageText: status === "share-by-hand" ? row.message.text : null,
  };
}

/** The meetings of the window by class and date, each described from its class as it is now. */
class MeetingTable {
  readonly #byKey = new Map<string, StaffMeeting & { startsAt: number }>();
  readonly #classes: ReadonlyMap<string, WeeklyClass>;
  readonly #tdps: ReadonlyMap<string, TdpChannel>;
  readonly #settings: WardSettings;
  readonly #now: Date;

  constructor(
    classes: readonly WeeklyClass[],
    tdps: ReadonlyMap<string, TdpChannel>,
    settings: WardSettings,
    now: Date,
  ) {
    this.#classes = new Map(classes.map((c) => [c.id, c]));
    this.#tdps = tdps;
    this.#settings = settings;
    this.#now = now;
  }

  tdpNameOf(tdpId: string | null): string {
    return (tdpId && this.#tdps.get(tdpId)?.name) || (tdpId ?? "");
  }

  /** The meeting, added on first sight. */
  add(classId: string, date: string): { personal: DeliveryCounts } {
    const key = `${classId}|${date}`;
    const known = this.#byKey.get(key);
    if (known) return known;
    const cls = this.#classes.get(classId)!;
    const occurrence = occurrencesBetween(cls, date, date)[0];
    // A date it no longer meets on (moved, cancelled) is described at the class's time as it is now.
    const startsAt = wardInstant(date, cls.startTime);
    const meeting: StaffMeeting & { startsAt: number } = {
      classId,
      tdpId: cls.tdpId,
      tdpName: this.tdpNameOf(cls.tdpId),
      date,
      startTime: cls.startTime,
      endTime: wardClock(new Date(startsAt.getTime() + cls.durationMinutes * 60_000)),
      place: cls.place,
      topic: cls.topic,
      state: occurrence ? "meets" : cls.cancelledDates.includes(date) ? "cancelled" : "moved",
      nextReminderAt: occurrence ? this.#nextReminderAt(cls.tdpId, occurrence) : null,
      personal: emptyCounts(),
      startsAt: startsAt.getTime(),
    };
    this.#byKey.set(key, meeting);
    return meeting;
  }

  /** When the planner will write the group's next reminder of this meeting, if none is due yet. */
  #nextReminderAt(tdpId: string, occurrence: Occurrence): string | null {
    const tdp = this.#tdps.get(tdpId);
    if (!tdp || !groupRecipient(tdp) || occurrence.startsAt <= this.#now) return null;
    const first = reminderSlots(occurrence, this.#settings).find((s) => s.dueAt > this.#now);
    if (!first) return null;
    const at = nextSendableTime(first.dueAt, this.#settings.quietHours);
    return at < occurrence.startsAt ? at.toISOString() : null;
  }

  /** Latest meeting first; at one time, by TDP then class. */
  newestFirst(): StaffMeeting[] {
    return [...this.#byKey.values()]
      .sort((a, b) => b.startsAt - a.startsAt || a.tdpId.localeCompare(b.tdpId) || a.classId.localeCompare(b.classId))
      .map(({ startsAt: _startsAt, ...meeting }) => meeting);
  }
}
