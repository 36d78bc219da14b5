// The sender when Zalo stumbles (DESIGN.md "Delivery guarantees"): a rate limit (-32) holds
// every call for a minute, as Zalo asks; a 5xx is tried again with a growing, capped delay; a
// message that never gets through gives up after 12 tries, or expires at its class; and each
// group gets its messages spread out rather than in a burst. Faults come from the sandbox.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  enqueue,
  groupMessages,
  injectFault,
  outboxRow,
  putGroup,
  setSandboxLimits,
  startDeliveryHarness,
  type DeliveryHarness,
} from "../support/delivery-harness.ts";

let h: DeliveryHarness;
const GROUP = "sandbox-giai-phong";
const OTHER = "sandbox-mau-1";
const seconds = (n: number) => n * 1000;

afterEach(() => h.stop());

function msAfterNow(iso: string): number {
  return Date.parse(iso) - h.clock.now().getTime();
}

describe("Zalo's rate limit (-32)", () => {
  beforeEach(async () => {
    h = await startDeliveryHarness();
    await putGroup(h, GROUP);
    await putGroup(h, OTHER);
  });

  it("retries after the minute Zalo asks for, holding every other message too, then sends both once", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "zalo-32" });
    const limited = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, limited)).toMatchObject({
      state: "pending",
      attempts: 1,
      inDoubt: false,
      lastError: "Zalo -32 from POST /v3.0/oa/group/message",
    });
    expect(msAfterNow(outboxRow(h, limited).nextAttemptAt)).toBe(seconds(60));

    // A message for another group, due during the pause, waits for it without losing a try.
    const waiting = enqueue(h, { recipient: OTHER });
    h.clock.advance(seconds(20));
    const paused = await h.sender.runOnce();
    expect(paused).toMatchObject({ deferred: 1, sent: 0 });
    expect(outboxRow(h, waiting)).toMatchObject({ state: "pending", attempts: 0 });
    expect(msAfterNow(outboxRow(h, waiting).nextAttemptAt)).toBe(seconds(40));
    expect(await groupMessages(h, OTHER)).toEqual([]);

    h.clock.advance(seconds(40));
    await h.sender.runOnce();
    expect(outboxRow(h, limited)).toMatchObject({ state: "sent", attempts: 2 });
    expect(outboxRow(h, waiting)).toMatchObject({ state: "sent", attempts: 1 });
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
    expect(await groupMessages(h, OTHER)).toHaveLength(1);
  });

  it("honours the limit Zalo itself enforces, not only an injected answer", async () => {
    await setSandboxLimits(h, { appPerMinute: 1 });
    const first = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, first).state).toBe("sent");
    const second = enqueue(h, { recipient: OTHER });
    await h.sender.runOnce();
    expect(outboxRow(h, second)).toMatchObject({ state: "pending", lastError: "Zalo -32 from POST /v3.0/oa/group/message" });

    h.clock.advance(seconds(60));
    await h.sender.runOnce();
    expect(outboxRow(h, second).state).toBe("sent");
    expect(await groupMessages(h, OTHER)).toHaveLength(1);
  });
});

describe("a server error at Zalo", () => {
  beforeEach(async () => {
    h = await startDeliveryHarness();
    await putGroup(h, GROUP);
  });

  it("retries an HTTP 500 after a short delay, looks in the group first, and sends once", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "http-500" });
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, id)).toMatchObject({
      state: "pending",
      inDoubt: true,
      lastError: "HTTP 500 from POST /v3.0/oa/group/message",
    });
    // full jitter drawn at 0.5 of the first 5 s step
    expect(msAfterNow(outboxRow(h, id).nextAttemptAt)).toBe(2_500);

    h.clock.advance(2_500);
    const report = await h.sender.runOnce();
    expect(report).toMatchObject({ sent: 1, reconciled: 0 });
    expect(outboxRow(h, id)).toMatchObject({ state: "sent", attempts: 2, inDoubt: false });
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
  });

  it("backs off 2.5 s, 5 s, 10 s … up to 15 minutes' range, and gives up after 12 tries", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "http-503", times: null });
    const id = enqueue(h, { recipient: GROUP });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 12; attempt++) {
      await h.sender.runOnce();
      const row = outboxRow(h, id);
      expect(row.attempts).toBe(attempt);
      if (row.state !== "pending") break;
      const delay = msAfterNow(row.nextAttemptAt);
      delays.push(delay);
      h.clock.advance(delay);
    }
    expect(delays).toEqual([2_500, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 450_000, 450_000, 450_000]);
    expect(outboxRow(h, id)).toMatchObject({
      state: "failed",
      attempts: 12,
      failure: "Zalo không nhận tin sau 12 lần thử.",
      lastError: "HTTP 503 from POST /v3.0/oa/group/message",
    });
    expect(await groupMessages(h, GROUP)).toEqual([]);
  });

  it("lets a reminder that cannot get through expire at its class instead of arriving late", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "http-503", times: null });
    const id = enqueue(h, { kind: "reminder", recipient: GROUP, expiresAt: new Date(h.clock.now().getTime() + seconds(30)) });
    for (let round = 0; round < 10 && outboxRow(h, id).state === "pending"; round++) {
      await h.sender.runOnce();
      const row = outboxRow(h, id);
      if (row.state === "pending") h.clock.advance(Math.max(0, msAfterNow(row.nextAttemptAt)));
    }
    expect(outboxRow(h, id)).toMatchObject({ state: "expired", failure: "Đã quá giờ học: tin nhắc không còn kịp gửi." });
    expect(await groupMessages(h, GROUP)).toEqual([]);
  });

  it("keeps a message in doubt when the group cannot be read, and sends nothing blind", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "http-500" });
    await injectFault(h, { endpoint: "oa.group.conversation", kind: "http-503" });
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    h.clock.advance(2_500);
    await h.sender.runOnce();
    expect(outboxRow(h, id)).toMatchObject({
      state: "pending",
      attempts: 2,
      inDoubt: true,
      lastError: "HTTP 503 from GET /v3.0/oa/group/conversation",
    });
    expect(await groupMessages(h, GROUP)).toEqual([]);

    h.clock.advance(msAfterNow(outboxRow(h, id).nextAttemptAt));
    await h.sender.runOnce();
    expect(outboxRow(h, id).state).toBe("sent");
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
  });
});

describe("Zalo out of reach", () => {
  it("retries without doubt when the connection was refused: nothing can have arrived", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    h = await startDeliveryHarness({
      configure: (c) => ({ ...c, zalo: { ...c.zalo, oa: { ...c.zalo.oa, openApiUrl: `http://127.0.0.1:${port}` } } }),
    });
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, id)).toMatchObject({
      state: "pending",
      inDoubt: false,
      lastError: "ECONNREFUSED from POST /v3.0/oa/group/message",
    });
  });
});

describe("each group's own limit", () => {
  beforeEach(async () => {
    // 10 a minute: one at a time, six seconds apart
    h = await startDeliveryHarness({ env: { ZALO_GROUP_MESSAGES_PER_MINUTE: "10" } });
    await putGroup(h, GROUP);
    await putGroup(h, OTHER);
  });

  it("spreads one group's messages six seconds apart while another group's go at once", async () => {
    const ids = [1, 2, 3].map((n) => enqueue(h, { recipient: GROUP, text: `Thông báo ${n}` }));
    const other = enqueue(h, { recipient: OTHER });
    const start = h.clock.now().getTime();

    const first = await h.sender.runOnce();
    expect(first).toMatchObject({ sent: 2, deferred: 2 });
    expect(outboxRow(h, other).state).toBe("sent");
    expect(ids.map((id) => outboxRow(h, id).attempts)).toEqual([1, 0, 0]);

    for (let round = 0; round < 2; round++) {
      h.clock.advance(seconds(6));
      await h.sender.runOnce();
    }
    const posts = await groupMessages(h, GROUP);
    expect(posts.map((p) => p.text)).toEqual(["Thông báo 1", "Thông báo 2", "Thông báo 3"]);
    expect(posts.map((p) => Date.parse(p.at) - start)).toEqual([0, seconds(6), seconds(12)]);
    expect(ids.map((id) => outboxRow(h, id).attempts)).toEqual([1, 1, 1]);
  });
});
