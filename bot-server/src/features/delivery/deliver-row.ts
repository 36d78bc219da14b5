// One claimed outbox row through the sender's steps, in order (DESIGN.md "Delivery
// guarantees"): its deadline, quiet hours, a look in the group when an earlier try is in
// doubt, the rate limits, then the channel. Every way it ends is written under the row's
// lease; a claim lost meanwhile (a hung call whose lease ran out) writes nothing.
import { isQuiet, nextSendableTime, type QuietHours } from "@hocso/shared/quiet-hours";
import type { Db } from "../../db/database.ts";
import {
  expireOutbox,
  failOutbox,
  leaseOf,
  markOutboxSent,
  postponeOutbox,
  retryOutboxLater,
  type OutboxLease,
} from "../../db/outbox-leases.ts";
import type { OutboxRow } from "../../db/outbox.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff.ts";
import type { ChannelAdapter, ChannelAdapters, DeliveryChannel } from "./channel-adapters.ts";
import { classifySendError, DeliveryRefusal, FAILURE_TEXT, type SendFailure } from "./failure-reasons.ts";
import { findDelivered } from "./reconcile.ts";
import type { DeliveryRateLimits } from "./token-bucket.ts";

/** How a row's claim ended. */
export type Outcome = "sent" | "reconciled" | "retried" | "failed" | "expired" | "held" | "deferred" | "lost";

export interface DeliveryContext {
  db: Db;
  clock: Clock;
  logger: Logger;
  channels: ChannelAdapters;
  limits: DeliveryRateLimits;
  quietHours: () => QuietHours;
  random: () => number;
}

/** One claimed row through its checks to an outcome. Never throws for Zalo: a failure is an outcome. */
export function deliverRow(ctx: DeliveryContext, row: OutboxRow): Promise<Outcome> {
  return new ClaimedRow(ctx, row).deliver();
}

type Refusal = Extract<SendFailure, { kind: "permanent" }>;

class ClaimedRow {
  readonly #ctx: DeliveryContext;
  readonly #row: OutboxRow;
  readonly #lease: OutboxLease;

  constructor(ctx: DeliveryContext, row: OutboxRow) {
    this.#ctx = ctx;
    this.#row = row;
    this.#lease = leaseOf(row);
  }

  async deliver(): Promise<Outcome> {
    const row = this.#row;
    const now = this.#now();
    try {
      const adapter = this.#ctx.channels[row.channel as DeliveryChannel] as ChannelAdapter | undefined;
      if (!adapter) throw new DeliveryRefusal(`Kênh "${row.channel}" không gửi tự động được.`);
      const deadline = row.expiresAt === null ? null : Date.parse(row.expiresAt);
      if (deadline !== null && deadline <= now.getTime()) return await this.#expire(adapter);
      if (!row.urgent) {
        const quiet = this.#ctx.quietHours();
        if (isQuiet(now, quiet)) {
          const at = nextSendableTime(now, quiet);
          if (deadline !== null && at.getTime() >= deadline) return await this.#expire(adapter);
          return this.#postpone(at, "held");
        }
      }
      if (row.recipient === null) return this.#fail({ kind: "permanent", failure: FAILURE_TEXT.noRecipient, lastError: null });
      if (row.inDoubt && adapter.recentOwnMessages) {
        const looked = await this.#lookBeforeResending(adapter as Required<ChannelAdapter>);
        if (looked !== "not-found") return looked;
      }
      const wait = this.#ctx.limits.tryTake(adapter.limitPerRecipient ? row.recipient : null, this.#now().getTime());
      if (wait > 0) return this.#postpone(new Date(this.#now().getTime() + wait), "deferred");
      let sent: { messageId: string | null };
      try {
        sent = await adapter.send(row.recipient, row.message);
      } catch (err) {
        return this.#failed(classifySendError(err));
      }
      return this.#recordSent(sent.messageId, this.#now(), "sent");
    } catch (err) {
      // A bug of ours or the database: the row is in doubt until looked at again.
      return this.#failed(classifySendError(err));
    }
  }

  /** In doubt: is it in the group already? "not-found" means send it. */
  async #lookBeforeResending(adapter: Required<ChannelAdapter>): Promise<Outcome | "not-found"> {
    const wait = this.#ctx.limits.tryTake(null, this.#now().getTime());
    if (wait > 0) return this.#postpone(new Date(this.#now().getTime() + wait), "deferred");
    let found;
    try {
      found = await findDelivered(this.#ctx.db, adapter, this.#row);
    } catch (err) {
      const failure = classifySendError(err);
      // A group that refuses to be read (the OA left it, its GMF lapsed) refuses a send too.
      if (failure.kind === "permanent") return this.#fail(failure);
      return this.#failed({ ...failure, inDoubt: true });
    }
    if (found === null) return "not-found";
    return this.#recordSent(found.messageId, found.time, "reconciled");
  }

  #recordSent(messageId: string | null, at: Date, outcome: "sent" | "reconciled"): Outcome {
    const sent = { providerMessageId: messageId, sentAt: at };
    if (!markOutboxSent(this.#ctx.db, this.#lease, sent, this.#now())) return this.#lost();
    this.#log().info({ providerMessageId: messageId, attempts: this.#row.attempts, outcome }, "outbox message sent");
    return outcome;
  }

  /** A failed send: pause the app on -32, retry with backoff, or give up. */
  #failed(failure: SendFailure): Outcome {
    if (failure.kind === "permanent") return this.#fail(failure);
    const row = this.#row;
    const now = this.#now().getTime();
    if (failure.pauseAppMs) this.#ctx.limits.pauseApp(now + failure.pauseAppMs);
    if (row.expiresAt === null && row.attempts >= MAX_ATTEMPTS) {
      return this.#fail({ kind: "permanent", failure: FAILURE_TEXT.gaveUp, lastError: failure.lastError });
    }
    const next = Math.max(now + retryDelayMs(row.attempts, this.#ctx.random), now + (failure.pauseAppMs ?? 0));
    const retry = { nextAttemptAt: new Date(next), lastError: failure.lastError, inDoubt: failure.inDoubt };
    if (!retryOutboxLater(this.#ctx.db, this.#lease, retry, this.#now())) return this.#lost();
    this.#log().warn(
      { attempts: row.attempts, error: failure.lastError, inDoubt: failure.inDoubt, nextAttemptAt: retry.nextAttemptAt },
      "outbox message will be retried",
    );
    return "retried";
  }

  #fail(refusal: Refusal): Outcome {
    const failed = { failure: refusal.failure, lastError: refusal.lastError };
    if (!failOutbox(this.#ctx.db, this.#lease, failed, this.#now())) return this.#lost();
    this.#log().warn({ attempts: this.#row.attempts, error: refusal.lastError }, "outbox message failed");
    return "failed";
  }

  /**
   * Too late to send. A row in doubt may have arrived before its deadline, though: the
   * facilitator should read "sent", not "expired", for a reminder the group did get.
   */
  async #expire(adapter: ChannelAdapter): Promise<Outcome> {
    const row = this.#row;
    if (row.inDoubt && adapter.recentOwnMessages) {
      const found = await findDelivered(this.#ctx.db, adapter as Required<ChannelAdapter>, row).catch(() => null);
      if (found) return this.#recordSent(found.messageId, found.time, "reconciled");
    }
    const classKind = row.kind === "reminder" || row.kind === "cancellation" || row.kind === "change";
    const failure = classKind ? FAILURE_TEXT.classStarted : FAILURE_TEXT.deadlinePassed;
    if (!expireOutbox(this.#ctx.db, this.#lease, failure, this.#now())) return this.#lost();
    this.#log().info({ expiresAt: row.expiresAt }, "outbox message expired unsent");
    return "expired";
  }

  /** Back to pending at `until` without counting the attempt. */
  #postpone(until: Date, outcome: "held" | "deferred"): Outcome {
    if (!postponeOutbox(this.#ctx.db, this.#lease, until, this.#now())) return this.#lost();
    this.#log().debug({ until, outcome }, "outbox message postponed");
    return outcome;
  }

  #lost(): Outcome {
    this.#log().warn({ attempts: this.#row.attempts }, "outbox claim lost before its outcome was written");
    return "lost";
  }

  /** Ids and kinds only: a message's text and its recipient's name never reach a log. */
  #log(): Logger {
    const { id, kind, channel, tdpId } = this.#row;
    return this.#ctx.logger.child({ outboxId: id, kind, channel, tdpId });
  }

  #now(): Date {
    return this.#ctx.clock.now();
  }
}
