// The webhook inbox: every signed Zalo event once, by its event key, with its handling state.
import type { Db } from "./database.ts";

export type InboxState = "received" | "handled" | "failed";

export interface InboxRow {
  id: number;
  eventKey: string;
  eventName: string;
  /** the stored event, JSON */
  payload: string;
  state: InboxState;
  failure: string | null;
  repliesSent: number;
  receivedAt: string;
  handledAt: string | null;
}

interface Row {
  id: number;
  event_key: string;
  event_name: string;
  payload: string;
  state: InboxState;
  failure: string | null;
  replies_sent: number;
  received_at: string;
  handled_at: string | null;
}

const COLUMNS = "id, event_key, event_name, payload, state, failure, replies_sent, received_at, handled_at";

function toInboxRow(r: Row): InboxRow {
  return {
    id: r.id,
    eventKey: r.event_key,
    eventName: r.event_name,
    payload: r.payload,
    state: r.state,
    failure: r.failure,
    repliesSent: r.replies_sent,
    receivedAt: r.received_at,
    handledAt: r.handled_at,
  };
}

/** Stores the event unless its key is already there; `created` is false for a duplicate. */
export function insertInboxEvent(
  db: Db,
  event: { eventKey: string; eventName: string; payload: string; receivedAt: string },
): { id: number; created: boolean } {
  const inserted = db
    .prepare(
      `INSERT INTO webhook_inbox (event_key, event_name, payload, received_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (event_key) DO NOTHING RETURNING id`,
    )
    .get(event.eventKey, event.eventName, event.payload, event.receivedAt) as { id: number } | undefined;
  if (inserted) return { id: inserted.id, created: true };
  const existing = db.prepare("SELECT id FROM webhook_inbox WHERE event_key = ?").get(event.eventKey) as
    | { id: number }
    | undefined;
  if (!existing) throw new Error("inbox row vanished between insert and select");
  return { id: existing.id, created: false };
}

export function findInboxEvent(db: Db, id: number): InboxRow | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM webhook_inbox WHERE id = ?`).get(id) as Row | undefined;
  return row && toInboxRow(row);
}

export function findInboxEventByKey(db: Db, eventKey: string): InboxRow | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM webhook_inbox WHERE event_key = ?`).get(eventKey) as Row | undefined;
  return row && toInboxRow(row);
}

/** Rows not handled yet, oldest first: what a start-up resumes. */
export function listReceivedInboxIds(db: Db): number[] {
  const rows = db.prepare("SELECT id FROM webhook_inbox WHERE state = 'received' ORDER BY id").all() as Array<{
    id: number;
  }>;
  return rows.map((r) => r.id);
}

/**
 * Closes a received row as handled, or failed with its reason, and replaces its payload
 * (the caller strips the message text). A row already closed is left alone: false.
 */
export function closeInboxEvent(
  db: Db,
  id: number,
  outcome: { failure: string | null; repliesSent: number; payload: string; at: string },
): boolean {
  const state: InboxState = outcome.failure === null ? "handled" : "failed";
  const { changes } = db
    .prepare(
      `UPDATE webhook_inbox SET state = ?, failure = ?, replies_sent = ?, payload = ?, handled_at = ?
        WHERE id = ? AND state = 'received'`,
    )
    .run(state, outcome.failure, outcome.repliesSent, outcome.payload, outcome.at, id);
  return changes === 1;
}

/**
 * When a resident's account is deleted: closed rows that came from their OA-scoped id keep
 * only their key (so a late retry of the same event is still recognised as a duplicate) and
 * lose the payload, which names the sender. Rows still being handled are left to finish.
 */
export function scrubInboxEventsFrom(db: Db, oaUserId: string): number {
  return db
    .prepare(
      `UPDATE webhook_inbox SET payload = json_object('event_name', event_name)
        WHERE state <> 'received'
          AND (json_extract(payload, '$.sender.id') = ? OR json_extract(payload, '$.follower.id') = ?)`,
    )
    .run(oaUserId, oaUserId).changes;
}

/**
 * Webhook events handled or failed before `before`. Zalo redelivers for hours, not weeks, so
 * their keys are no longer needed to recognise a duplicate. Returns how many.
 */
export function deleteClosedInboxEvents(db: Db, before: Date): number {
  return db
    .prepare("DELETE FROM webhook_inbox WHERE state IN ('handled', 'failed') AND handled_at < ?")
    .run(before.toISOString()).changes;
}
