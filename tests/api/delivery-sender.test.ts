// The outbox sender as residents and facilitators meet it (DESIGN.md "Delivery guarantees"):
// a message lands in its TDP's group once and the row keeps Zalo's message id; one too late
// for its class is never sent; quiet hours hold a message until morning; Zalo's refusals end
// with a reason in Vietnamese and no retry. Everything goes through a real Zalo sandbox; the
// test clock stands at Thứ Bảy 28/11/2026, 08:00 ward time.
import { ward } from "@hocso/content/ward";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sandboxUser } from "../support/api-harness.ts";
import {
  enqueue,
  groupMessages,
  outboxRow,
  putGroup,
  startDeliveryHarness,
  userMessages,
  type DeliveryHarness,
} from "../support/delivery-harness.ts";
import { conversation, writes } from "../support/webhook-harness.ts";

let h: DeliveryHarness;
const tdp = ward.residentialGroups[0]!;
const GROUP = tdp.zaloGroupId!;
const minutes = (n: number) => n * 60_000;

beforeEach(async () => {
  h = await startDeliveryHarness();
  await putGroup(h, GROUP, { name: tdp.name });
});
afterEach(() => h.stop());

describe("a message for a TDP's group", () => {
  it("lands in the group once and the row records Zalo's message id", async () => {
    const text = "Lớp kỹ năng số tối Thứ Bảy, 19:00 tại Nhà văn hóa. Bác nhớ mang điện thoại đã sạc pin.";
    const id = enqueue(h, { tdpId: tdp.id, recipient: GROUP, text });

    const report = await h.sender.runOnce();

    const posts = await groupMessages(h, GROUP);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ direction: "oa→group", text });
    expect(outboxRow(h, id)).toMatchObject({
      state: "sent",
      providerMessageId: posts[0]!.msgId,
      sentAt: h.clock.now().toISOString(),
      attempts: 1,
      inDoubt: false,
    });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
  });

  it("sends nothing again on later rounds", async () => {
    enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    h.clock.advance(minutes(30));
    const report = await h.sender.runOnce();
    expect(report.claimed).toBe(0);
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
  });

  it("sends a message only once it is due", async () => {
    const id = enqueue(h, { recipient: GROUP, dueAt: new Date(h.clock.now().getTime() + minutes(10)) });
    await h.sender.runOnce();
    expect(await groupMessages(h, GROUP)).toEqual([]);
    h.clock.advance(minutes(10));
    await h.sender.runOnce();
    expect(outboxRow(h, id).state).toBe("sent");
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
  });

  it("never sends a reminder whose class has begun, and tells the facilitator why", async () => {
    const id = enqueue(h, {
      kind: "reminder",
      recipient: GROUP,
      dueAt: new Date(h.clock.now().getTime() - minutes(90)),
      expiresAt: new Date(h.clock.now().getTime() - minutes(1)),
    });
    await h.sender.runOnce();
    expect(await groupMessages(h, GROUP)).toEqual([]);
    expect(outboxRow(h, id)).toMatchObject({ state: "expired", failure: "Đã quá giờ học: tin nhắc không còn kịp gửi." });
  });

  it("leaves a message a facilitator shares by hand to them", async () => {
    const id = enqueue(h, { channel: "share", recipient: null, state: "manual" });
    const report = await h.sender.runOnce();
    expect(report.claimed).toBe(0);
    expect(outboxRow(h, id).state).toBe("manual");
  });
});

describe("quiet hours (21:00–06:30)", () => {
  beforeEach(() => {
    // Thứ Bảy 28/11/2026, 22:00 ward time
    h.clock.advance(minutes(14 * 60));
  });

  it("holds a message until 06:30 without counting an attempt, then sends it", async () => {
    const id = enqueue(h, { recipient: GROUP });
    const report = await h.sender.runOnce();
    expect(report.held).toBe(1);
    expect(await groupMessages(h, GROUP)).toEqual([]);
    expect(outboxRow(h, id)).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: "2026-11-28T23:30:00.000Z" });

    h.clock.advance(minutes(8 * 60 + 29));
    await h.sender.runOnce();
    expect(await groupMessages(h, GROUP)).toEqual([]);

    h.clock.advance(minutes(1));
    await h.sender.runOnce();
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
    expect(outboxRow(h, id)).toMatchObject({ state: "sent", attempts: 1 });
  });

  it("sends an urgent message (a storm, a cancelled class) at once", async () => {
    const id = enqueue(h, { recipient: GROUP, urgent: true, text: "Lớp tối nay tạm hoãn vì mưa bão." });
    await h.sender.runOnce();
    expect((await groupMessages(h, GROUP)).map((m) => m.text)).toEqual(["Lớp tối nay tạm hoãn vì mưa bão."]);
    expect(outboxRow(h, id).state).toBe("sent");
  });

  it("expires a reminder that quiet hours would hold past its class", async () => {
    const id = enqueue(h, {
      kind: "reminder",
      recipient: GROUP,
      expiresAt: new Date("2026-11-28T23:00:00.000Z"), // 06:00, before quiet hours end
    });
    await h.sender.runOnce();
    expect(await groupMessages(h, GROUP)).toEqual([]);
    expect(outboxRow(h, id)).toMatchObject({ state: "expired", failure: "Đã quá giờ học: tin nhắc không còn kịp gửi." });
  });

  it("reads the quiet hours for every message, so an admin's change applies at once", async () => {
    h.quiet = { start: "23:00", end: "05:00" };
    enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
  });
});

describe("Zalo's refusals", () => {
  it("fails a group the OA is not in with -403's reason, and does not try again", async () => {
    await putGroup(h, GROUP, { name: tdp.name, oaInGroup: false });
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    h.clock.advance(minutes(60));
    const later = await h.sender.runOnce();
    expect(later.claimed).toBe(0);
    expect(outboxRow(h, id)).toMatchObject({
      state: "failed",
      attempts: 1,
      failure: "Tài khoản OA của phường không có trong nhóm này (Zalo -403).",
      lastError: "Zalo -403 from POST /v3.0/oa/group/message",
    });
  });

  it("fails a group whose GMF package lapsed with -237's reason", async () => {
    await putGroup(h, GROUP, { name: tdp.name, status: "disabled" });
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(await groupMessages(h, GROUP)).toEqual([]);
    expect(outboxRow(h, id)).toMatchObject({
      state: "failed",
      attempts: 1,
      failure: "Nhóm đã bị tắt vì gói GMF hết hạn (Zalo -237).",
    });
  });

  it("fails a personal message to a resident silent for 7 days with -230's reason", async () => {
    const resident = await sandboxUser(h, "Ông Tư");
    const id = enqueue(h, { kind: "reply", channel: "oa-user", recipient: resident.oaUserId });
    await h.sender.runOnce();
    expect(await conversation(h, resident)).toEqual([]);
    expect(outboxRow(h, id)).toMatchObject({
      state: "failed",
      attempts: 1,
      failure: "Người này chưa nhắn cho OA trong 7 ngày qua nên Zalo không cho gửi (Zalo -230).",
    });
  });
});

describe("one resident", () => {
  it("gets a personal message with its buttons once they wrote to the OA", async () => {
    const resident = await sandboxUser(h, "Bà Năm");
    await writes(h, resident, "nhắc lịch");
    const buttons = [{ title: "Đồng ý", payload: "đồng ý nhắc lịch" }];
    const id = enqueue(h, { kind: "reply", channel: "oa-user", recipient: resident.oaUserId, message: { text: "Bác muốn nhận nhắc lịch?", buttons } });
    await h.sender.runOnce();
    const replies = (await conversation(h, resident)).filter((e) => e.direction === "oa→user");
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ text: "Bác muốn nhận nhắc lịch?", buttons: [{ title: "Đồng ý", payload: "đồng ý nhắc lịch" }] });
    expect(outboxRow(h, id)).toMatchObject({ state: "sent", providerMessageId: replies[0]!.msgId });
  });

  it("gets a mini app notification: the first line as its title, a button into the mini app", async () => {
    const resident = await sandboxUser(h, "Chị Hoa");
    const id = enqueue(h, {
      channel: "miniapp-notify",
      recipient: resident.zaloId,
      text: "Lớp kỹ năng số tối nay\nThứ Bảy 28/11/2026, 19:00 tại Nhà văn hóa Giải Phóng.",
    });
    await h.sender.runOnce();
    const notices = (await userMessages(h, resident.zaloId)).filter((e) => e.direction === "miniapp→user");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.notification).toMatchObject({
      title: "Lớp kỹ năng số tối nay",
      contentDescription: "Thứ Bảy 28/11/2026, 19:00 tại Nhà văn hóa Giải Phóng.",
      buttonUrl: `https://zalo.me/s/${h.config.miniAppId}/`,
    });
    expect(outboxRow(h, id)).toMatchObject({ state: "sent", providerMessageId: notices[0]!.msgId });
  });
});

describe("without a mini app API key", () => {
  it("fails mini app notifications saying the channel is not configured", async () => {
    const bare = await startDeliveryHarness({
      configure: (c) => ({ ...c, zalo: { ...c.zalo, miniApp: { ...c.zalo.miniApp, apiKey: null } } }),
    });
    try {
      const resident = await sandboxUser(bare, "Anh Ba");
      const id = enqueue(bare, { channel: "miniapp-notify", recipient: resident.zaloId });
      await bare.sender.runOnce();
      expect(await conversation(bare, resident)).toEqual([]);
      expect(outboxRow(bare, id)).toMatchObject({ state: "failed", failure: "Chưa cấu hình thông báo Mini App." });
    } finally {
      await bare.stop();
    }
  });
});

describe("logs", () => {
  it("name rows by id and kind, never the message text or the recipient's name", async () => {
    const text = "Bà Nguyễn Thị Lan ở số 12 hẻm 3 nhớ mang căn cước.";
    enqueue(h, { recipient: GROUP, text });
    await putGroup(h, "nhom-tat", { status: "disabled" });
    enqueue(h, { recipient: "nhom-tat", text });
    await h.sender.runOnce();
    const logged = h.logs.text();
    expect(h.logs.lines().some((l) => l.msg === "outbox message sent" && typeof l.outboxId === "number")).toBe(true);
    expect(logged).not.toContain("Nguyễn Thị Lan");
    expect(logged).not.toContain("hẻm 3");
  });
});

describe("housekeeping", () => {
  it("deletes chat replies a week after they were sent and webhook events a month after they were handled", async () => {
    const resident = await sandboxUser(h, "Cô Mai");
    await writes(h, resident, "lịch học");
    const reply = enqueue(h, { kind: "reply", channel: "oa-user", recipient: resident.oaUserId });
    const broadcast = enqueue(h, { recipient: GROUP });
    h.db
      .prepare(
        `INSERT INTO webhook_inbox (event_key, event_name, payload, state, received_at, handled_at)
         VALUES ('msg:old', 'user_send_text', '{}', 'handled', ?, ?)`,
      )
      .run(h.clock.now().toISOString(), h.clock.now().toISOString());
    await h.sender.runOnce();
    expect(outboxRow(h, reply).state).toBe("sent");

    h.clock.advance(8 * 86_400_000);
    const week = await h.sender.runOnce();
    expect(week.housekeeping).toEqual({ replies: 1, inboxEvents: 0 });
    expect(outboxRow(h, broadcast).state).toBe("sent");

    h.clock.advance(23 * 86_400_000);
    const month = await h.sender.runOnce();
    expect(month.housekeeping).toEqual({ replies: 0, inboxEvents: 1 });
  });
});
