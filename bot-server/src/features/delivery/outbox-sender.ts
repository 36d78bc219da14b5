// The outbox sender (DESIGN.md "Delivery guarantees"): rounds that lease due rows, a few in
// flight at once, and take each through deliver-row.ts, which records Zalo's message id,
// retries transient failures with backoff, and gives up on refusals with a reason a
// facilitator reads. A crash or a hung call leaves a row in doubt; a group's row is looked for
// in the group before it is sent again, so a resident is not reminded twice. One resident's
// chat and mini app notices cannot be read back: a message in doubt there is sent again (at
// least once, rarely twice).
import { deleteClosedInboxEvents } from "../../db/webhook-inbox.ts";
import type { QuietHours } from "@hocso/shared/quiet-hours";
import type { Db } from "../../db/database.ts";
import {
  claimDueOutbox,
  deleteFinishedReplies,
  recoverSendingAfterCrash,
  releaseLapsedLeases,
} from "../../db/outbox-leases.ts";
import type { DeliveryConfig } from "../../env.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { ChannelAdapters } from "./channel-adapters.ts";
import { deliverRow, type DeliveryContext } from "./deliver-row.ts";
import { DeliveryRateLimits } from "./token-bucket.ts";

export interface OutboxSenderDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  channels: ChannelAdapters;
  /** config.delivery */
  limits: DeliveryConfig;
  /** read for every row, so an admin's change applies at once (ward settings) */
  quietHours: () => QuietHours;
  /** [0, 1) for the backoff's jitter; Math.random by default */
  random?: () => number;
  /** how long a claim holds a row; it must outlast a send with its refresh and retry */
  leaseMs?: number;
}

/** What one round did, row by row. */
export interface RoundReport {
  claimed: number;
  sent: number;
  /** in doubt and found in the group's conversation: recorded, not sent again */
  reconciled: number;
  retried: number;
  failed: number;
  expired: number;
  /** held by quiet hours */
  held: number;
  /** no rate-limit token free: back to pending without counting an attempt */
  deferred: number;
  /** claims that ran out while their call hung: back to pending, in doubt */
  lapsedLeases: number;
  /** rows whose claim was lost before their outcome could be written */
  lost: number;
  /** finished rows deleted this round, or null when housekeeping did not run */
  housekeeping: { replies: number; inboxEvents: number } | null;
}

export interface OutboxSender {
  /** Recovers rows a crash left 'sending', then runs a round every `intervalMs`. */
  start(intervalMs?: number): void;
  /** Stops the rounds and resolves once the round in flight (its sends included) is done. */
  stop(): Promise<void>;
  /** One round: claims and delivers every due row (up to a limit); a round already running is joined. */
  runOnce(): Promise<RoundReport>;
  /** Rows left 'sending' by a dead process become pending and in doubt; returns how many. */
  recoverAfterCrash(): number;
}

export const DEFAULT_LEASE_MS = 2 * 60_000;
export const DEFAULT_INTERVAL_MS = 1_000;
/** a round stops claiming after this many rows, so one round never runs for long */
export const MAX_ROWS_PER_ROUND = 500;
const HOUSEKEEPING_EVERY_MS = 10 * 60_000;
const REPLY_RETENTION_MS = 7 * 86_400_000;
const INBOX_RETENTION_MS = 30 * 86_400_000;

export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  return new Sender(deps);
}

class Sender implements OutboxSender {
  readonly #deps: OutboxSenderDeps;
  readonly #context: DeliveryContext;
  readonly #leaseMs: number;
  #round: Promise<RoundReport> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #started = false;
  #lastHousekeeping = Number.NEGATIVE_INFINITY;

  constructor(deps: OutboxSenderDeps) {
    this.#deps = deps;
    this.#context = {
      db: deps.db,
      clock: deps.clock,
      logger: deps.logger,
      channels: deps.channels,
      limits: new DeliveryRateLimits(deps.limits, deps.clock.now().getTime()),
      quietHours: deps.quietHours,
      random: deps.random ?? Math.random,
    };
    this.#leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  }

  start(intervalMs = DEFAULT_INTERVAL_MS): void {
    if (this.#started) return;
    this.#started = true;
    this.recoverAfterCrash();
    const tick = async () => {
      this.#timer = null;
      try {
        await this.runOnce();
      } catch (err) {
        this.#deps.logger.error({ err: errorSummary(err) }, "outbox round failed");
      }
      if (this.#started) this.#timer = setTimeout(() => void tick(), intervalMs);
    };
    this.#timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round?.catch(() => undefined);
  }

  runOnce(): Promise<RoundReport> {
    this.#round ??= this.#runRound().finally(() => {
      this.#round = null;
    });
    return this.#round;
  }

  recoverAfterCrash(): number {
    const recovered = recoverSendingAfterCrash(this.#deps.db, this.#deps.clock.now());
    if (recovered > 0) this.#deps.logger.warn({ recovered }, "outbox rows left sending by a stopped process are now in doubt");
    return recovered;
  }

  async #runRound(): Promise<RoundReport> {
    const { db, clock, logger, limits } = this.#deps;
    const report = emptyReport();
    if (!db.open) return report;
    report.lapsedLeases = releaseLapsedLeases(db, clock.now());
    if (report.lapsedLeases > 0) logger.warn({ rows: report.lapsedLeases }, "outbox leases ran out mid-send; rows are in doubt");
    report.housekeeping = this.#housekeeping();

    // A pool: up to `concurrency` rows in flight, each free slot refilled by a fresh claim.
    const inFlight = new Set<Promise<void>>();
    let exhausted = false;
    for (;;) {
      while (!exhausted && inFlight.size < limits.concurrency && report.claimed < MAX_ROWS_PER_ROUND && db.open) {
        const now = clock.now();
        const want = Math.min(limits.concurrency - inFlight.size, MAX_ROWS_PER_ROUND - report.claimed);
        const rows = claimDueOutbox(db, now, new Date(now.getTime() + this.#leaseMs), want);
        if (rows.length === 0) exhausted = true;
        report.claimed += rows.length;
        for (const row of rows) {
          const delivery: Promise<void> = deliverRow(this.#context, row)
            .then(
              (outcome) => {
                report[outcome] += 1;
              },
              (err: unknown) => {
                // Only the database can get here; the lease runs out and the row comes back in doubt.
                report.lost += 1;
                logger.error({ outboxId: row.id, err: errorSummary(err) }, "outbox outcome could not be written");
              },
            )
            .finally(() => inFlight.delete(delivery));
          inFlight.add(delivery);
        }
      }
      if (inFlight.size === 0) return report;
      await Promise.race(inFlight);
    }
  }

  #housekeeping(): RoundReport["housekeeping"] {
    const { db, clock, logger } = this.#deps;
    const now = clock.now().getTime();
    if (now - this.#lastHousekeeping < HOUSEKEEPING_EVERY_MS) return null;
    this.#lastHousekeeping = now;
    const replies = deleteFinishedReplies(db, new Date(now - REPLY_RETENTION_MS));
    const inboxEvents = deleteClosedInboxEvents(db, new Date(now - INBOX_RETENTION_MS));
    if (replies + inboxEvents > 0) logger.info({ replies, inboxEvents }, "old chat replies and webhook events deleted");
    return { replies, inboxEvents };
  }
}

/** An error's name and message: ours never carry message text or tokens (zalo-http.ts strips axios's). */
function errorSummary(err: unknown): { name: string; message: string } {
  return err instanceof Error ? { name: err.name, message: err.message } : { name: "unknown", message: String(err) };
}

function emptyReport(): RoundReport {
  return {
    claimed: 0,
    sent: 0,
    reconciled: 0,
    retried: 0,
    failed: 0,
    expired: 0,
    held: 0,
    deferred: 0,
    lapsedLeases: 0,
    lost: 0,
    housekeeping: null,
  };
}
