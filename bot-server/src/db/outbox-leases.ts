// The sender's side of the outbox (DESIGN.md "Delivery guarantees"): claiming due rows under a
// lease, and every way a claimed row leaves 'sending'. A claim is identified by the row id and
// its attempt number, so a call that hung past its lease cannot overwrite what a later claim
// of the same row decided. Also the retention of finished rows that may hold chat text.
import { OUTBOX_COLUMNS, toOutboxRows, type OutboxRow } from "./outbox.ts";
import type { Db } from "./database.ts";

/** One claim of one row: the row id and the attempt number the claim gave it. */
export interface OutboxLease {
  id: number;
  attempts: number;
}

export function leaseOf(row: Pick<OutboxRow, "id" | "attempts">): OutboxLease {
  return { id: row.id, attempts: row.attempts };
}

const HELD = "id = @id AND state = 'sending' AND attempts = @attempts";

/**
 * Leases up to `limit` due pending rows in one statement: they become 'sending' until
 * `leaseUntil` with one more attempt. Oldest due first. 'share' rows are never claimed: a
 * facilitator sends those by hand.
 */
export function claimDueOutbox(db: Db, now: Date, leaseUntil: Date, limit: number): OutboxRow[] {
  const rows = toOutboxRows(
    db
      .prepare(
        `UPDATE outbox SET state = 'sending', lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
         WHERE id IN (SELECT id FROM outbox
                      WHERE state = 'pending' AND channel <> 'share' AND next_attempt_at <= @now
                      ORDER BY next_attempt_at, id LIMIT @limit)
         RETURNING ${OUTBOX_COLUMNS}`,
      )
      .all({ now: now.toISOString(), leaseUntil: leaseUntil.toISOString(), limit }),
  );
  // RETURNING gives no order; the sender goes oldest first.
  return rows.sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id - b.id);
}

/** Zalo took it (or the reconciliation found it there). False when the lease was lost meanwhile. */
export function markOutboxSent(
  db: Db,
  lease: OutboxLease,
  sent: { providerMessageId: string | null; sentAt: Date },
  now: Date,
): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET state = 'sent', lease_until = NULL, in_doubt = 0, sent_at = @sentAt,
                provider_message_id = @providerMessageId, updated_at = @now
         WHERE ${HELD}`,
      )
      .run({
        ...lease,
        sentAt: sent.sentAt.toISOString(),
        providerMessageId: sent.providerMessageId,
        now: now.toISOString(),
      }).changes === 1
  );
}

/**
 * A transient failure: pending again at `nextAttemptAt`, the attempt counted. `inDoubt` when
 * the call may have reached Zalo, so the next attempt looks before sending.
 */
export function retryOutboxLater(
  db: Db,
  lease: OutboxLease,
  retry: { nextAttemptAt: Date; lastError: string; inDoubt: boolean },
  now: Date,
): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET state = 'pending', lease_until = NULL, next_attempt_at = @nextAttemptAt,
                last_error = @lastError, in_doubt = @inDoubt, updated_at = @now
         WHERE ${HELD}`,
      )
      .run({
        ...lease,
        nextAttemptAt: retry.nextAttemptAt.toISOString(),
        lastError: retry.lastError,
        inDoubt: retry.inDoubt ? 1 : 0,
        now: now.toISOString(),
      }).changes === 1
  );
}

/**
 * Pending again at `until` without counting this claim as an attempt: quiet hours, or no
 * rate-limit token free. Nothing was sent, so whether it is in doubt does not change.
 */
export function postponeOutbox(db: Db, lease: OutboxLease, until: Date, now: Date): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET state = 'pending', lease_until = NULL, next_attempt_at = @until,
                attempts = attempts - 1, updated_at = @now
         WHERE ${HELD}`,
      )
      .run({ ...lease, until: until.toISOString(), now: now.toISOString() }).changes === 1
  );
}

/** A permanent refusal; `failure` is what the facilitator reads (Vietnamese). */
export function failOutbox(
  db: Db,
  lease: OutboxLease,
  failed: { failure: string; lastError: string | null },
  now: Date,
): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET state = 'failed', lease_until = NULL, in_doubt = 0, failure = @failure,
                last_error = coalesce(@lastError, last_error), updated_at = @now
         WHERE ${HELD}`,
      )
      .run({ ...lease, failure: failed.failure, lastError: failed.lastError, now: now.toISOString() }).changes === 1
  );
}

/** Too late to be of use (a reminder whose class has begun); `failure` says so to the facilitator. */
export function expireOutbox(db: Db, lease: OutboxLease, failure: string, now: Date): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET state = 'expired', lease_until = NULL, failure = @failure, updated_at = @now
         WHERE ${HELD}`,
      )
      .run({ ...lease, failure, now: now.toISOString() }).changes === 1
  );
}

/**
 * Start-up: a row still 'sending' belonged to a process that died, maybe between Zalo's answer
 * and our commit. It goes back to pending, in doubt, due now. Returns how many.
 */
export function recoverSendingAfterCrash(db: Db, now: Date): number {
  const at = now.toISOString();
  return db
    .prepare(
      `UPDATE outbox SET state = 'pending', lease_until = NULL, in_doubt = 1,
              next_attempt_at = min(next_attempt_at, @at), updated_at = @at
       WHERE state = 'sending'`,
    )
    .run({ at }).changes;
}

/**
 * While running: a lease that ran out belongs to a call that hung. Its row goes back to
 * pending, in doubt; whatever the hung call reports later is ignored (its claim is gone).
 */
export function releaseLapsedLeases(db: Db, now: Date): number {
  const at = now.toISOString();
  return db
    .prepare(
      `UPDATE outbox SET state = 'pending', lease_until = NULL, in_doubt = 1,
              next_attempt_at = min(next_attempt_at, @at), updated_at = @at
       WHERE state = 'sending' AND lease_until <= @at`,
    )
    .run({ at }).changes;
}

/** Of these Zalo message ids, the ones another outbox row already recorded as its own. */
export function messageIdsRecordedByOthers(db: Db, rowId: number, messageIds: readonly string[]): Set<string> {
  if (messageIds.length === 0) return new Set();
  const rows = db
    .prepare(
      `SELECT provider_message_id AS id FROM outbox
       WHERE id <> ? AND provider_message_id IN (SELECT value FROM json_each(?))`,
    )
    .all(rowId, JSON.stringify(messageIds)) as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}

// ---- retention ------------------------------------------------------------------------------
// Chat replies and webhook events may quote what a resident wrote: kept only as long as they
// serve delivery and deduplication.

/** Reply rows finished (sent, failed, expired, cancelled) before `before`. Returns how many. */
export function deleteFinishedReplies(db: Db, before: Date): number {
  return db
    .prepare(
      `DELETE FROM outbox WHERE kind = 'reply' AND state IN ('sent', 'failed', 'expired', 'cancelled')
         AND updated_at < ?`,
    )
    .run(before.toISOString()).changes;
}
