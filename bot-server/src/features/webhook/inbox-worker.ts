// Handles stored webhook events after Zalo has had its 200: one at a time, in the order they
// were stored, each closed as handled or failed with its reason. On start-up, rows a crash
// left 'received' are handled first. (A later issue moves replies into the outbox.)
import type { Db } from "../../db/database.ts";
import { closeInboxEvent, findInboxEvent, listReceivedInboxIds } from "../../db/webhook-inbox.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { OaEventSchema, type OaEvent } from "../../platform/zalo-oa-events.ts";
import { handledPayload } from "./webhook-event.ts";

export interface InboxEvent {
  inboxId: number;
  eventKey: string;
  event: OaEvent;
}

/** What handling did: the replies Zalo accepted, and why it failed if it did (a Zalo error, never text). */
export interface HandleOutcome {
  repliesSent: number;
  failure: string | null;
}

export type EventHandler = (event: InboxEvent) => Promise<HandleOutcome>;

export interface InboxWorkerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  handle: EventHandler;
}

export class InboxWorker {
  readonly #deps: InboxWorkerDeps;
  readonly #queue: number[] = [];
  #running = false;

  constructor(deps: InboxWorkerDeps) {
    this.#deps = deps;
  }

  /** Queues a stored row; handling starts after the current request has been answered. */
  enqueue(inboxId: number): void {
    this.#queue.push(inboxId);
    if (this.#running) return;
    this.#running = true;
    setImmediate(() => void this.#drain());
  }

  /** Queues every row left 'received' (by a crash or a stop mid-way); returns how many. */
  resume(): number {
    const ids = listReceivedInboxIds(this.#deps.db);
    for (const id of ids) this.enqueue(id);
    return ids.length;
  }

  async #drain(): Promise<void> {
    try {
      for (let id = this.#queue.shift(); id !== undefined; id = this.#queue.shift()) {
        // The database closes when the process stops: what is left stays 'received' for the next start.
        if (!this.#deps.db.open) {
          this.#queue.length = 0;
          break;
        }
        await this.#handleOne(id);
      }
    } finally {
      this.#running = false;
    }
  }

  async #handleOne(inboxId: number): Promise<void> {
    const { db, clock, logger } = this.#deps;
    const row = findInboxEvent(db, inboxId);
    if (!row || row.state !== "received") return;
    const log = { inboxId, event: row.eventName, key: row.eventKey };
    let event: OaEvent | undefined;
    let outcome: HandleOutcome;
    try {
      event = OaEventSchema.parse(JSON.parse(row.payload));
      outcome = await this.#deps.handle({ inboxId, eventKey: row.eventKey, event });
    } catch (err) {
      // Our own failure: the name and message of our error, no event content.
      logger.error({ ...log, err }, "webhook event handler failed");
      outcome = { repliesSent: 0, failure: `internal: ${describe(err)}` };
    }
    if (!db.open) return;
    try {
      const closed = closeInboxEvent(db, inboxId, {
        failure: outcome.failure,
        repliesSent: outcome.repliesSent,
        payload: event ? handledPayload(event) : row.payload,
        at: clock.now().toISOString(),
      });
      if (!closed) return;
      if (outcome.failure === null) logger.info({ ...log, replies: outcome.repliesSent }, "webhook event handled");
      else logger.warn({ ...log, replies: outcome.repliesSent, failure: outcome.failure }, "webhook event failed");
    } catch (err) {
      logger.error({ ...log, err }, "could not record the webhook event's outcome; it stays received");
    }
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return "unknown error";
  return `${err.name}: ${err.message}`.slice(0, 300);
}
