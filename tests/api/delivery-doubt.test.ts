// Messages in doubt (DESIGN.md "Delivery guarantees"): Zalo took a message but its answer was
// lost — a reply slower than our timeout, a process killed between Zalo's answer and our
// commit, a call that hung past its lease. Before sending again the sender looks in the group,
// so residents see each message exactly once. The HTTP timeout here is 500 ms.
import { claimDueOutbox } from "@hocso/bot-server/db/outbox-leases";
import { DEFAULT_LEASE_MS } from "@hocso/bot-server/features/delivery/outbox-sender";
import { createZaloOaClient } from "@hocso/bot-server/platform/zalo-oa";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sandboxUser } from "../support/api-harness.ts";
import {
  enqueue,
  groupMessages,
  injectFault,
  outboxRow,
  putGroup,
  startDeliveryHarness,
  type DeliveryHarness,
} from "../support/delivery-harness.ts";
import { conversation, writes } from "../support/webhook-harness.ts";

let h: DeliveryHarness;
const GROUPS = ["sandbox-giai-phong", "sandbox-mau-1", "sandbox-mau-2"] as const;
const GROUP = GROUPS[0];

beforeEach(async () => {
  h = await startDeliveryHarness({ env: { ZALO_HTTP_TIMEOUT_MS: "500" } });
  for (const group of GROUPS) await putGroup(h, group);
});
afterEach(() => h.stop());

/** What the dead process did: Zalo accepted its message; the answer never reached our database. */
async function sentByTheDeadProcess(groupId: string, text: string): Promise<void> {
  const oa = createZaloOaClient({ baseUrl: h.sandbox.url, tokens: h.config.zalo.oa.accessToken });
  await oa.sendGroupMessage(groupId, { text });
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("an answer slower than our timeout", () => {
  it("is found in the group on the next round and recorded, not sent again", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "slow", delayMs: 2_000 });
    const id = enqueue(h, { recipient: GROUP, text: "Chiều nay 15:00 lớp học về VNeID tại Nhà văn hóa." });
    await h.sender.runOnce();
    expect(outboxRow(h, id)).toMatchObject({
      state: "pending",
      inDoubt: true,
      lastError: "ECONNABORTED from POST /v3.0/oa/group/message",
    });

    h.clock.advance(2_500);
    const report = await h.sender.runOnce();
    const posts = await groupMessages(h, GROUP);
    expect(posts).toHaveLength(1);
    expect(report).toMatchObject({ reconciled: 1, sent: 0 });
    expect(outboxRow(h, id)).toMatchObject({
      state: "sent",
      inDoubt: false,
      attempts: 2,
      providerMessageId: posts[0]!.msgId,
      sentAt: posts[0]!.at,
    });
  });

  it("is sent once when the request never reached Zalo's processing (a cut connection)", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "timeout", delayMs: 2_000 });
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, id)).toMatchObject({ state: "pending", inDoubt: true });
    expect(await groupMessages(h, GROUP)).toEqual([]);

    h.clock.advance(2_500);
    const report = await h.sender.runOnce();
    expect(report).toMatchObject({ reconciled: 0, sent: 1 });
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
  });

  it("sends a resident's personal message again: one chat cannot be read back, so at least once", async () => {
    const resident = await sandboxUser(h, "Bà Bảy");
    await writes(h, resident, "nhắc lịch");
    await injectFault(h, { endpoint: "oa.message.cs", kind: "slow", delayMs: 2_000 });
    const id = enqueue(h, { kind: "reply", channel: "oa-user", recipient: resident.oaUserId, text: "Đã ghi nhận." });
    await h.sender.runOnce();
    h.clock.advance(2_500);
    await h.sender.runOnce();
    const replies = (await conversation(h, resident)).filter((e) => e.direction === "oa→user");
    expect(replies.map((r) => r.text)).toEqual(["Đã ghi nhận.", "Đã ghi nhận."]);
    expect(outboxRow(h, id)).toMatchObject({ state: "sent", providerMessageId: replies[1]!.msgId });
  });
});

describe("a reminder in doubt at its deadline", () => {
  it("is recorded as sent when the group has it, not reported expired", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "slow", delayMs: 2_000 });
    const id = enqueue(h, { kind: "reminder", recipient: GROUP, expiresAt: new Date(h.clock.now().getTime() + 2_000) });
    await h.sender.runOnce();
    expect(outboxRow(h, id)).toMatchObject({ state: "pending", inDoubt: true });

    h.clock.advance(2_500);
    await h.sender.runOnce();
    const posts = await groupMessages(h, GROUP);
    expect(posts).toHaveLength(1);
    expect(outboxRow(h, id)).toMatchObject({ state: "sent", providerMessageId: posts[0]!.msgId, failure: null });
  });

  it("expires as usual when the group does not have it", async () => {
    await injectFault(h, { endpoint: "oa.group.message", kind: "timeout", delayMs: 2_000 });
    const id = enqueue(h, { kind: "reminder", recipient: GROUP, expiresAt: new Date(h.clock.now().getTime() + 2_000) });
    await h.sender.runOnce();
    h.clock.advance(2_500);
    await h.sender.runOnce();
    expect(await groupMessages(h, GROUP)).toEqual([]);
    expect(outboxRow(h, id)).toMatchObject({ state: "expired", failure: "Đã quá giờ học: tin nhắc không còn kịp gửi." });
  });
});

describe("a process killed mid-send", () => {
  it("leaves rows that a restart finds in doubt: what Zalo took is recorded, the rest is sent, none twice", async () => {
    const texts = GROUPS.map((g) => `Lớp tuần này của nhóm ${g}: Thứ Bảy 19:00.`);
    const ids = GROUPS.map((g, i) => enqueue(h, { recipient: g, text: texts[i]! }));
    // The dead process had claimed all three and got two of them to Zalo.
    expect(claimDueOutbox(h.db, h.clock.now(), new Date(h.clock.now().getTime() + DEFAULT_LEASE_MS), 10)).toHaveLength(3);
    await sentByTheDeadProcess(GROUPS[0], texts[0]!);
    await sentByTheDeadProcess(GROUPS[1], texts[1]!);
    h.clock.advance(5_000);

    const sender = h.restart();
    expect(sender.recoverAfterCrash()).toBe(3);
    const report = await sender.runOnce();

    expect(report).toMatchObject({ reconciled: 2, sent: 1 });
    for (const [i, group] of GROUPS.entries()) {
      const posts = await groupMessages(h, group);
      expect(posts.map((p) => p.text)).toEqual([texts[i]]);
      expect(outboxRow(h, ids[i]!)).toMatchObject({ state: "sent", providerMessageId: posts[0]!.msgId });
    }
  });

  it("recovers on start, before its first round", async () => {
    const id = enqueue(h, { recipient: GROUP });
    claimDueOutbox(h.db, h.clock.now(), new Date(h.clock.now().getTime() + DEFAULT_LEASE_MS), 1);
    const sender = h.restart();
    sender.start(10);
    await until(async () => outboxRow(h, id).state === "sent", "the recovered row to be sent");
    await sender.stop();
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
  });

  it("does not take last week's identical message for this one", async () => {
    const text = "Nhắc lịch: lớp kỹ năng số tối Thứ Bảy, 19:00.";
    await sentByTheDeadProcess(GROUP, text);
    h.clock.advance(7 * 86_400_000);
    const id = enqueue(h, { recipient: GROUP, text });
    claimDueOutbox(h.db, h.clock.now(), new Date(h.clock.now().getTime() + DEFAULT_LEASE_MS), 1);
    h.restart().recoverAfterCrash();
    await h.sender.runOnce();
    const posts = await groupMessages(h, GROUP);
    expect(posts.map((p) => p.text)).toEqual([text, text]);
    expect(outboxRow(h, id)).toMatchObject({ state: "sent", providerMessageId: posts[1]!.msgId });
  });

  it("does not take a message another row already recorded for this one", async () => {
    const text = "Lớp học hôm nay nghỉ.";
    const sent = enqueue(h, { recipient: GROUP, text });
    await h.sender.runOnce();
    const twin = enqueue(h, { recipient: GROUP, text });
    claimDueOutbox(h.db, h.clock.now(), new Date(h.clock.now().getTime() + DEFAULT_LEASE_MS), 1);
    h.restart().recoverAfterCrash();
    await h.sender.runOnce();
    const posts = await groupMessages(h, GROUP);
    expect(posts).toHaveLength(2);
    expect(outboxRow(h, sent).providerMessageId).toBe(posts[0]!.msgId);
    expect(outboxRow(h, twin).providerMessageId).toBe(posts[1]!.msgId);
  });
});

describe("a call that hangs past its lease", () => {
  it("loses its row to a later claim, which finds the message; the late answer changes nothing", async () => {
    const slow = await startDeliveryHarness();
    try {
      await putGroup(slow, GROUP);
      await injectFault(slow, { endpoint: "oa.group.message", kind: "slow", delayMs: 2_000 });
      const id = enqueue(slow, { recipient: GROUP });
      const hung = slow.sender;
      const hungRound = hung.runOnce();
      await until(async () => (await groupMessages(slow, GROUP)).length === 1, "Zalo to record the message");

      slow.clock.advance(DEFAULT_LEASE_MS);
      const later = await slow.restart().runOnce();
      expect(later).toMatchObject({ lapsedLeases: 1, reconciled: 1 });
      expect((await hungRound).lost).toBe(1);

      const posts = await groupMessages(slow, GROUP);
      expect(posts).toHaveLength(1);
      expect(outboxRow(slow, id)).toMatchObject({ state: "sent", attempts: 2, providerMessageId: posts[0]!.msgId });
    } finally {
      await slow.stop();
    }
  });
});
