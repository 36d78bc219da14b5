// Leasing outbox rows on a real SQLite file: what a claim takes, how a claim's outcome is
// written only by its holder, how a crash or a hung call leaves rows in doubt, and what
// retention deletes.
import { deleteClosedInboxEvents } from "./webhook-inbox.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wardFile } from "../lib/content.ts";
import { openDatabase, type Db } from "./database.ts";
import {
  claimDueOutbox,
  deleteFinishedReplies,
  expireOutbox,
  failOutbox,
  leaseOf,
  markOutboxSent,
  messageIdsRecordedByOthers,
  postponeOutbox,
  recoverSendingAfterCrash,
  releaseLapsedLeases,
  retryOutboxLater,
} from "./outbox-leases.ts";
import { enqueueOutbox, findOutboxRow, type NewOutboxMessage } from "./outbox.ts";
import { setUpDatabase } from "./setup.ts";
import { closeInboxEvent, findInboxEvent, insertInboxEvent } from "./webhook-inbox.ts";

let dir: string;
let db: Db;
const t0 = new Date("2026-11-28T01:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const LEASE = 120_000;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hocso-leases-"));
  db = openDatabase(join(dir, "hocso.sqlite"));
  setUpDatabase(db, wardFile, t0);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
function enqueue(fields: Partial<NewOutboxMessage> = {}): number {
  counter += 1;
  return enqueueOutbox(
    db,
    {
      dedupeKey: `broadcast:${counter}:tdp`,
      kind: "broadcast",
      channel: "oa-group",
      recipient: "group-a",
      message: { text: `Tin số ${counter}` },
      dueAt: t0,
      ...fields,
    },
    fields.dueAt ?? t0,
  ).id;
}

function claim(now = t0, limit = 10) {
  return claimDueOutbox(db, now, new Date(now.getTime() + LEASE), limit);
}

describe("claimDueOutbox", () => {
  it("takes due pending rows, oldest due first, as sending with one more attempt", () => {
    const later = enqueue({ dueAt: at(-1_000) });
    const earlier = enqueue({ dueAt: at(-5_000) });
    enqueue({ dueAt: at(60_000) });
    const rows = claim();
    expect(rows.map((r) => r.id)).toEqual([earlier, later]);
    expect(rows.every((r) => r.state === "sending" && r.attempts === 1)).toBe(true);
    expect(rows[0]!.leaseUntil).toBe(at(LEASE).toISOString());
  });

  it("never hands the same row to two claims", () => {
    enqueue();
    enqueue();
    expect(claim(t0, 1)).toHaveLength(1);
    expect(claim(t0, 5)).toHaveLength(1);
    expect(claim(t0, 5)).toHaveLength(0);
  });

  it("leaves rows a facilitator shares by hand alone", () => {
    enqueue({ channel: "share", recipient: null, state: "manual" });
    expect(claim()).toEqual([]);
  });
});

describe("a claim's outcome", () => {
  it("records Zalo's message id and when it was sent", () => {
    enqueue();
    const [row] = claim();
    expect(markOutboxSent(db, leaseOf(row!), { providerMessageId: "8123", sentAt: at(500) }, at(600))).toBe(true);
    expect(findOutboxRow(db, row!.id)).toMatchObject({
      state: "sent",
      providerMessageId: "8123",
      sentAt: at(500).toISOString(),
      leaseUntil: null,
      inDoubt: false,
    });
  });

  it("schedules a retry, counting the attempt and keeping the error and the doubt", () => {
    enqueue();
    const [row] = claim();
    retryOutboxLater(db, leaseOf(row!), { nextAttemptAt: at(9_000), lastError: "HTTP 500 from POST x", inDoubt: true }, t0);
    expect(findOutboxRow(db, row!.id)).toMatchObject({
      state: "pending",
      attempts: 1,
      nextAttemptAt: at(9_000).toISOString(),
      lastError: "HTTP 500 from POST x",
      inDoubt: true,
    });
    expect(claim(at(8_999))).toHaveLength(0);
    expect(claim(at(9_000))[0]).toMatchObject({ id: row!.id, attempts: 2 });
  });

  it("postpones without counting the attempt (quiet hours, no rate-limit token)", () => {
    enqueue();
    const [row] = claim();
    postponeOutbox(db, leaseOf(row!), at(30_000), t0);
    expect(findOutboxRow(db, row!.id)).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: at(30_000).toISOString() });
  });

  it("fails and expires with the reason the facilitator reads", () => {
    enqueue();
    enqueue();
    const [a, b] = claim();
    failOutbox(db, leaseOf(a!), { failure: "Nhóm đã bị tắt vì gói GMF hết hạn (Zalo -237).", lastError: "Zalo -237 from x" }, t0);
    expireOutbox(db, leaseOf(b!), "Đã quá giờ học: tin nhắc không còn kịp gửi.", t0);
    expect(findOutboxRow(db, a!.id)).toMatchObject({ state: "failed", failure: "Nhóm đã bị tắt vì gói GMF hết hạn (Zalo -237)." });
    expect(findOutboxRow(db, b!.id)).toMatchObject({ state: "expired", failure: "Đã quá giờ học: tin nhắc không còn kịp gửi." });
  });

  it("ignores the outcome of a claim that was lost: a later claim decides", () => {
    enqueue();
    const [first] = claim();
    expect(releaseLapsedLeases(db, at(LEASE))).toBe(1);
    const [second] = claim(at(LEASE));
    expect(markOutboxSent(db, leaseOf(first!), { providerMessageId: "late", sentAt: at(LEASE) }, at(LEASE))).toBe(false);
    expect(findOutboxRow(db, second!.id)).toMatchObject({ state: "sending", attempts: 2, providerMessageId: null });
  });
});

describe("rows a stopped process or a hung call left sending", () => {
  it("puts every sending row back as pending, in doubt, due now, after a crash", () => {
    enqueue({ dueAt: at(-60_000) });
    enqueue();
    claim();
    expect(recoverSendingAfterCrash(db, at(5_000))).toBe(2);
    const rows = claim(at(5_000));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.inDoubt && r.attempts === 2)).toBe(true);
  });

  it("releases only the leases that ran out", () => {
    enqueue();
    const [old] = claim();
    enqueue({ dueAt: at(60_000) });
    const [fresh] = claim(at(60_000));
    expect(releaseLapsedLeases(db, at(LEASE))).toBe(1);
    expect(findOutboxRow(db, old!.id)).toMatchObject({ state: "pending", inDoubt: true });
    expect(findOutboxRow(db, fresh!.id)).toMatchObject({ state: "sending", inDoubt: false });
  });
});

describe("messageIdsRecordedByOthers", () => {
  it("names the Zalo ids another row already owns", () => {
    enqueue();
    enqueue();
    const [a, b] = claim();
    markOutboxSent(db, leaseOf(a!), { providerMessageId: "m-1", sentAt: t0 }, t0);
    expect(messageIdsRecordedByOthers(db, b!.id, ["m-1", "m-2"])).toEqual(new Set(["m-1"]));
    expect(messageIdsRecordedByOthers(db, a!.id, ["m-1"])).toEqual(new Set());
    expect(messageIdsRecordedByOthers(db, a!.id, [])).toEqual(new Set());
  });
});

describe("retention", () => {
  it("deletes chat replies finished over a week ago, and nothing else", () => {
    const oldReply = enqueue({ kind: "reply", channel: "oa-user", recipient: "3000000000000000001" });
    const pendingReply = enqueue({ kind: "reply", channel: "oa-user", recipient: "3000000000000000001" });
    const oldBroadcast = enqueue();
    for (const row of claim(t0, 10).filter((r) => r.id !== pendingReply)) {
      markOutboxSent(db, leaseOf(row), { providerMessageId: `m-${row.id}`, sentAt: t0 }, t0);
    }
    postponeOutbox(db, { id: pendingReply, attempts: 1 }, t0, t0);
    expect(deleteFinishedReplies(db, at(1))).toBe(1);
    expect(findOutboxRow(db, oldReply)).toBeUndefined();
    expect(findOutboxRow(db, pendingReply)).toBeDefined();
    expect(findOutboxRow(db, oldBroadcast)).toBeDefined();
    expect(deleteFinishedReplies(db, t0)).toBe(0);
  });

  it("deletes webhook events closed before the cut-off, never one still waiting", () => {
    const event = (key: string) =>
      insertInboxEvent(db, { eventKey: key, eventName: "user_send_text", payload: "{}", receivedAt: t0.toISOString() }).id;
    const handled = event("msg:a");
    const waiting = event("msg:b");
    closeInboxEvent(db, handled, { failure: null, repliesSent: 1, payload: "{}", at: t0.toISOString() });
    expect(deleteClosedInboxEvents(db, t0)).toBe(0);
    expect(deleteClosedInboxEvents(db, at(1))).toBe(1);
    expect(findInboxEvent(db, handled)).toBeUndefined();
    expect(findInboxEvent(db, waiting)).toBeDefined();
  });
});
