// The outbox: every message the server sends, stored once per dedupe key before any call to
// Zalo (DESIGN.md "Delivery guarantees"). This module writes rows and reads them for reports;
// the sender's leasing and state changes live in outbox-leases.ts.
import type { OutboxState } from "@hocso/shared/delivery-status";
import type { OaMessage } from "../platform/zalo-oa.ts";
import type { Db } from "./database.ts";

/** 'change' (007-change-notices.sql): a meeting already reminded of has a new time or place. */
export type OutboxKind = "reminder" | "cancellation" | "change" | "broadcast" | "reply";
/** DESIGN.md "Reaching residents": how a message reaches its recipient. */
export type OutboxChannel = "oa-group" | "oa-user" | "miniapp-notify" | "share" | "sandbox";
/** pending → sending → sent | failed | expired | cancelled; 'manual' waits for a facilitator. */
export type { OutboxState };

export interface NewOutboxMessage {
  dedupeKey: string;
  kind: OutboxKind;
  channel: OutboxChannel;
  /** the Zalo group id, OA-scoped user id or app-scoped user id; null for "share" */
  recipient: string | null;
  tdpId?: string | null;
  announcementId?: number | null;
  classId?: string | null;
  occurrenceDate?: string | null;
  /** NFC, within Zalo's limits (toZaloMessage checks again before sending) */
  message: OaMessage;
  /** not held by quiet hours */
  urgent?: boolean;
  /** when it should go */
  dueAt: Date;
  /** never sent after this (a reminder's class start) */
  expiresAt?: Date | null;
  /** "manual" for a group the OA cannot post in: a facilitator shares it by hand */
  state?: "pending" | "manual";
}

export interface OutboxRow {
  id: number;
  dedupeKey: string;
  kind: OutboxKind;
  channel: OutboxChannel;
  recipient: string | null;
  tdpId: string | null;
  announcementId: number | null;
  classId: string | null;
  occurrenceDate: string | null;
  message: OaMessage;
  urgent: boolean;
  state: OutboxState;
  inDoubt: boolean;
  attempts: number;
  dueAt: string;
  nextAttemptAt: string;
  expiresAt: string | null;
  leaseUntil: string | null;
  sentAt: string | null;
  providerMessageId: string | null;
  failure: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: number;
  dedupe_key: string;
  kind: OutboxKind;
  channel: OutboxChannel;
  recipient: string | null;
  tdp_id: string | null;
  announcement_id: number | null;
  class_id: string | null;
  occurrence_date: string | null;
  message: string;
  urgent: number;
  state: OutboxState;
  in_doubt: number;
  attempts: number;
  due_at: string;
  next_attempt_at: string;
  expires_at: string | null;
  lease_until: string | null;
  sent_at: string | null;
  provider_message_id: string | null;
  failure: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export const OUTBOX_COLUMNS =
  "id, dedupe_key, kind, channel, recipient, tdp_id, announcement_id, class_id, occurrence_date, message, urgent, " +
  "state, in_doubt, attempts, due_at, next_attempt_at, expires_at, lease_until, sent_at, provider_message_id, " +
  "failure, last_error, created_at, updated_at";

export function toOutboxRow(r: Row): OutboxRow {
  return {
    id: r.id,
    dedupeKey: r.dedupe_key,
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    tdpId: r.tdp_id,
    announcementId: r.announcement_id,
    classId: r.class_id,
    occurrenceDate: r.occurrence_date,
    message: JSON.parse(r.message) as OaMessage,
    urgent: r.urgent === 1,
    state: r.state,
    inDoubt: r.in_doubt === 1,
    attempts: r.attempts,
    dueAt: r.due_at,
    nextAttemptAt: r.next_attempt_at,
    expiresAt: r.expires_at,
    leaseUntil: r.lease_until,
    sentAt: r.sent_at,
    providerMessageId: r.provider_message_id,
    failure: r.failure,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Rows as the database returns them, for the other outbox modules. */
export function toOutboxRows(rows: unknown[]): OutboxRow[] {
  return (rows as Row[]).map(toOutboxRow);
}

/**
 * Stores the message unless its dedupe key is already there (planning twice, two ticks, a
 * restart: still one row). `inserted` is false for a key already stored; `id` is the stored
 * row's either way.
 */
export function enqueueOutbox(db: Db, message: NewOutboxMessage, now: Date): { id: number; inserted: boolean } {
  const at = now.toISOString();
  const due = message.dueAt.toISOString();
  const inserted = db
    .prepare(
      `INSERT INTO outbox (dedupe_key, kind, channel, recipient, tdp_id, announcement_id, class_id, occurrence_date,
                           message, urgent, state, due_at, next_attempt_at, expires_at, created_at, updated_at)
       VALUES (@dedupeKey, @kind, @channel, @recipient, @tdpId, @announcementId, @classId, @occurrenceDate,
               @message, @urgent, @state, @due, @due, @expiresAt, @at, @at)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    )
    .get({
      dedupeKey: message.dedupeKey,
      kind: message.kind,
      channel: message.channel,
      recipient: message.recipient,
      tdpId: message.tdpId ?? null,
      announcementId: message.announcementId ?? null,
      classId: message.classId ?? null,
      occurrenceDate: message.occurrenceDate ?? null,
      message: JSON.stringify(message.message),
      urgent: message.urgent ? 1 : 0,
      state: message.state ?? "pending",
      due,
      expiresAt: message.expiresAt ? message.expiresAt.toISOString() : null,
      at,
    }) as { id: number } | undefined;
  if (inserted) return { id: inserted.id, inserted: true };
  const existing = db.prepare("SELECT id FROM outbox WHERE dedupe_key = ?").get(message.dedupeKey) as { id: number };
  return { id: existing.id, inserted: false };
}

export function findOutboxRow(db: Db, id: number): OutboxRow | undefined {
  const row = db.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE id = ?`).get(id) as Row | undefined;
  return row ? toOutboxRow(row) : undefined;
}

export function findOutboxByKey(db: Db, dedupeKey: string): OutboxRow | undefined {
  const row = db.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE dedupe_key = ?`).get(dedupeKey) as
    | Row
    | undefined;
  return row ? toOutboxRow(row) : undefined;
}

/** An announcement's rows (one per group), by TDP id. */
export function listOutboxOfAnnouncement(db: Db, announcementId: number): OutboxRow[] {
  return toOutboxRows(
    db.prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE announcement_id = ? ORDER BY tdp_id, id`).all(announcementId),
  );
}

/** A class meeting's rows (reminders and any cancellation or change notices), oldest first. */
export function listOutboxOfMeeting(db: Db, classId: string, date: string): OutboxRow[] {
  return toOutboxRows(
    db
      .prepare(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE class_id = ? AND occurrence_date = ? ORDER BY id`)
      .all(classId, date),
  );
}

/**
 * Stops rows that have not gone yet: pending (and manual) rows matching `where` become
 * cancelled with `reason`. A row being sent right now is left to finish. Returns how many.
 */
export function cancelUnsent(
  db: Db,
  where: { announcementId: number } | { classId: string; fromDate: string; kinds?: OutboxKind[] },
  reason: string,
  now: Date,
): number {
  const at = now.toISOString();
  if ("announcementId" in where) {
    return db
      .prepare(
        `UPDATE outbox SET state = 'cancelled', failure = ?, updated_at = ?
         WHERE announcement_id = ? AND state IN ('pending', 'manual')`,
      )
      .run(reason, at, where.announcementId).changes;
  }
  const kinds = where.kinds ?? ["reminder", "cancellation", "change"];
  return db
    .prepare(
      `UPDATE outbox SET state = 'cancelled', failure = ?, updated_at = ?
       WHERE class_id = ? AND occurrence_date >= ? AND state = 'pending'
         AND kind IN (SELECT value FROM json_each(?))`,
    )
    .run(reason, at, where.classId, where.fromDate, JSON.stringify(kinds)).changes;
}

/**
 * Forgets a class's reminders that have not gone yet, from `fromDate` on, so the planner
 * writes them again from the class as it is now (a new time or place): those waiting for the
 * sender and those waiting for a facilitator to share them by hand, whose text would be out of
 * date. Nothing sent is touched, and a row being sent right now is left to finish. Returns how many.
 */
export function deleteUnsentOfClass(db: Db, classId: string, fromDate: string): number {
  return db
    .prepare(
      `DELETE FROM outbox WHERE class_id = ? AND occurrence_date >= ? AND state IN ('pending', 'manual')
         AND kind = 'reminder'`,
    )
    .run(classId, fromDate).changes;
}

/**
 * A facilitator shared a manual row's text by hand (an announcement or a class reminder for a
 * group the OA cannot post in): it becomes sent now, with no Zalo message id. Only a row still
 * waiting for that, and not past its deadline, changes; returns whether one did.
 */
export function markSharedByHand(db: Db, outboxId: number, at: Date): boolean {
  const iso = at.toISOString();
  return (
    db
      .prepare(
        `UPDATE outbox SET state = 'sent', sent_at = @iso, updated_at = @iso
         WHERE id = @outboxId AND state = 'manual' AND (expires_at IS NULL OR expires_at > @iso)`,
      )
      .run({ iso, outboxId }).changes > 0
  );
}

/**
 * Personal messages to these recipients (a resident's OA-scoped id, a learner's Zalo id):
 * `unsentOnly` stops what has not gone yet (a withdrawn reminders consent); without it every
 * row goes, sent ones included (a deleted account: their ids must not stay behind). Group
 * messages are not personal and are never touched. Returns how many rows went.
 */
export function deletePersonalMessages(db: Db, recipients: readonly string[], options: { unsentOnly: boolean }): number {
  if (recipients.length === 0) return 0;
  const states = options.unsentOnly ? "AND state = 'pending'" : "";
  return db
    .prepare(
      `DELETE FROM outbox WHERE channel IN ('oa-user', 'miniapp-notify')
         AND recipient IN (SELECT value FROM json_each(?)) ${states}`,
    )
    .run(JSON.stringify(recipients)).changes;
}
