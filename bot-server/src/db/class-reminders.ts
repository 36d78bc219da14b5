// The SQL that class reminders need beyond outbox.ts, shared by the reminder planner, the
// class routes and the facilitator's reminders page (features never import each other): who
// hears about a TDP's (tổ dân phố) classes, the reminder rows' own state changes (held by quiet
// hours, recorded expired, forgotten when a class changes), the counters of repeated notices,
// and a meeting's group messages and personal counts for the facilitator.
import type { ReminderRecipient } from "@hocso/shared/reminders";
import { groupRecipient, personRecipient } from "@hocso/shared/reminders";
import type { Db } from "./database.ts";
import {
  enqueueOutbox,
  OUTBOX_COLUMNS,
  toOutboxRows,
  type NewOutboxMessage,
  type OutboxRow,
  type OutboxState,
} from "./outbox.ts";
import { findTdpChannel } from "./residential-groups.ts";

export interface TdpAudience {
  tdpId: string;
  tdpName: string;
  /** the group first (when it can be reached), then residents who asked, by id */
  recipients: ReminderRecipient[];
}

/**
 * Who a TDP's class reminders go to: its group (DESIGN.md "Reaching residents"), residents who
 * said yes in the OA chat ('oa-user'), and mini-app learners with the "reminders" consent
 * ('miniapp-notify'). Nobody without a recorded yes gets a personal reminder. A chat resident
 * whose OA id is linked to an account with a reminders decision is judged by that decision
 * (005-zalo-oa-chat.sql: a linked one's decision lives in consents), so nobody gets two.
 * Undefined for an unknown TDP.
 */
export function findTdpAudience(db: Db, tdpId: string): TdpAudience | undefined {
  const tdp = findTdpChannel(db, tdpId);
  if (!tdp) return undefined;
  const group = groupRecipient(tdp);
  const chat = db
    .prepare(
      `SELECT r.oa_user_id AS id FROM chat_residents r
       WHERE r.tdp_id = ? AND r.reminders_granted = 1
         AND NOT EXISTS (SELECT 1 FROM users u JOIN consents c ON c.user_id = u.id AND c.purpose = 'reminders'
                         WHERE u.oa_user_id = r.oa_user_id)
       ORDER BY r.oa_user_id`,
    )
    .all(tdpId) as Array<{ id: string }>;
  const learners = db
    .prepare(
      `SELECT u.zalo_id AS id FROM users u
       JOIN consents c ON c.user_id = u.id AND c.purpose = 'reminders' AND c.granted = 1
       LEFT JOIN chat_residents r ON r.oa_user_id = u.oa_user_id
       WHERE COALESCE(u.tdp_id, r.tdp_id) = ?
       ORDER BY u.id`,
    )
    .all(tdpId) as Array<{ id: string }>;
  return {
    tdpId: tdp.id,
    tdpName: tdp.name,
    recipients: [
      ...(group ? [group] : []),
      ...chat.map((r) => personRecipient("oa-user", r.id)),
      ...learners.map((r) => personRecipient("miniapp-notify", r.id)),
    ],
  };
}

/** Whether a message with this dedupe key is stored, whatever its state. */
export function isOutboxKeyStored(db: Db, dedupeKey: string): boolean {
  return db.prepare("SELECT 1 FROM outbox WHERE dedupe_key = ?").get(dedupeKey) !== undefined;
}

/**
 * Stores a planned reminder unless its key is stored (INSERT OR IGNORE through enqueueOutbox).
 * A new row held by quiet hours or a late tick waits until `sendAt`; one planned as expired is
 * stored expired with its reason, so the facilitator sees why it never went. True if stored now.
 */
export function storeReminder(
  db: Db,
  message: NewOutboxMessage,
  plan: { sendAt: Date; expiredBecause: string | null },
  now: Date,
): boolean {
  const { id, inserted } = enqueueOutbox(db, message, now);
  if (!inserted) return false;
  if (plan.expiredBecause !== null) {
    db.prepare("UPDATE outbox SET state = 'expired', failure = ?, next_attempt_at = ? WHERE id = ?").run(
      plan.expiredBecause,
      plan.sendAt.toISOString(),
      id,
    );
  } else if (plan.sendAt.getTime() !== message.dueAt.getTime()) {
    db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE id = ?").run(plan.sendAt.toISOString(), id);
  }
  return true;
}

/**
 * After a class changes: its reminders recorded as expired for meetings that have not started
 * (superseded, or held by quiet hours until the old start time) no longer hold, so the planner
 * decides them again. Rows the sender expired (their deadline passed) are kept. Pending rows
 * go through outbox.ts deleteUnsentOfClass. Returns how many.
 */
export function forgetPlannedExpiries(db: Db, classId: string, fromDate: string, now: Date): number {
  return db
    .prepare(
      `DELETE FROM outbox WHERE class_id = ? AND occurrence_date >= ? AND kind = 'reminder' AND state = 'expired'
         AND expires_at > ?`,
    )
    .run(classId, fromDate, now.toISOString()).changes;
}

/**
 * A cancelled date restored: the reminders its cancellation stopped are forgotten, so the
 * planner writes them again, and a cancellation notice that has not gone is stopped. Only
 * this one date. Returns how many rows changed.
 */
export function reopenMeetingReminders(db: Db, classId: string, date: string, reason: string, now: Date): number {
  const forgotten = db
    .prepare(
      "DELETE FROM outbox WHERE class_id = ? AND occurrence_date = ? AND kind = 'reminder' AND state = 'cancelled'",
    )
    .run(classId, date).changes;
  const stopped = db
    .prepare(
      `UPDATE outbox SET state = 'cancelled', failure = ?, updated_at = ?
       WHERE class_id = ? AND occurrence_date = ? AND kind = 'cancellation' AND state IN ('pending', 'manual')`,
    )
    .run(reason, now.toISOString(), classId, date).changes;
  return forgotten + stopped;
}

/**
 * A cancelled meeting's reminders and change notices that wait for a facilitator to share them
 * by hand ('manual' rows of a 'share' group): cancelled too, so nobody forwards news of a class
 * that will not take place. (outbox.ts cancelUnsent stops only 'pending' rows of a class.)
 * Returns how many.
 */
export function cancelManualReminders(db: Db, classId: string, date: string, reason: string, now: Date): number {
  return db
    .prepare(
      `UPDATE outbox SET state = 'cancelled', failure = ?, updated_at = ?
       WHERE class_id = ? AND occurrence_date = ? AND kind IN ('reminder', 'change') AND state = 'manual'`,
    )
    .run(reason, now.toISOString(), classId, date).changes;
}

/**
 * How many notices are stored under a key stem (shared noticeKeyStem), alone or with a `:<n>`
 * counter, whatever their state: the next one is number count + 1.
 */
export function countNoticeKeys(db: Db, stem: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM outbox
       WHERE dedupe_key = @stem OR substr(dedupe_key, 1, length(@stem) + 1) = @stem || ':'`,
    )
    .get({ stem }) as { n: number };
  return row.n;
}

/** The dates from `fromDate` on for which a reminder of the class has gone to someone. */
export function datesWithSentReminders(db: Db, classId: string, fromDate: string): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT occurrence_date AS date FROM outbox
       WHERE class_id = ? AND occurrence_date >= ? AND kind = 'reminder' AND state = 'sent'
       ORDER BY occurrence_date`,
    )
    .all(classId, fromDate) as Array<{ date: string }>;
  return rows.map((r) => r.date);
}

/** Channels that reach a TDP's group rather than one resident (DESIGN.md "Reaching residents"). */
const GROUP_CHANNELS = JSON.stringify(["oa-group", "sandbox", "share"]);
const MEETING_KINDS = JSON.stringify(["reminder", "cancellation", "change"]);

/**
 * The group messages (reminders, cancellation and change notices) of these classes' meetings
 * from `from` to `to` (ward dates, inclusive), by meeting, each meeting's oldest first. Never a
 * resident's own message.
 */
export function listGroupMessagesOfClasses(
  db: Db,
  classIds: readonly string[],
  from: string,
  to: string,
): OutboxRow[] {
  if (classIds.length === 0) return [];
  return toOutboxRows(
    db
      .prepare(
        `SELECT ${OUTBOX_COLUMNS} FROM outbox
         WHERE class_id IN (SELECT value FROM json_each(@classIds)) AND occurrence_date BETWEEN @from AND @to
           AND channel IN (SELECT value FROM json_each(@groups)) AND kind IN (SELECT value FROM json_each(@kinds))
         ORDER BY class_id, occurrence_date, due_at, id`,
      )
      .all({ classIds: JSON.stringify(classIds), from, to, groups: GROUP_CHANNELS, kinds: MEETING_KINDS }),
  );
}

/**
 * How many messages to residents themselves ('oa-user', 'miniapp-notify': reminders and
 * notices) each meeting of these classes has, by state. Numbers only: who they are is not the
 * facilitator's to see.
 */
export function countPersonalMessagesOfClasses(
  db: Db,
  classIds: readonly string[],
  from: string,
  to: string,
): Array<{ classId: string; date: string; state: OutboxState; n: number }> {
  if (classIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT class_id, occurrence_date, state, count(*) AS n FROM outbox
       WHERE class_id IN (SELECT value FROM json_each(@classIds)) AND occurrence_date BETWEEN @from AND @to
         AND channel IN ('oa-user', 'miniapp-notify') AND kind IN (SELECT value FROM json_each(@kinds))
       GROUP BY class_id, occurrence_date, state`,
    )
    .all({ classIds: JSON.stringify(classIds), from, to, kinds: MEETING_KINDS }) as Array<{
    class_id: string;
    occurrence_date: string;
    state: OutboxState;
    n: number;
  }>;
  return rows.map((r) => ({ classId: r.class_id, date: r.occurrence_date, state: r.state, n: r.n }));
}
