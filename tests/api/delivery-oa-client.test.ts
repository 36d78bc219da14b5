// The OA adapter's reads the sender relies on, against the sandbox: the OA's groups (every
// page of them) and a group's recent conversation (newest first, the OA's own messages told
// apart from members'). Also the mini app notifier's refusal of a wrong API key.
import { createMiniAppNotifier } from "@hocso/bot-server/platform/miniapp-notify";
import { ZaloError } from "@hocso/bot-server/platform/zalo-error";
import { createZaloOaClient, type ZaloOaClient } from "@hocso/bot-server/platform/zalo-oa";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sandboxUser } from "../support/api-harness.ts";
import { enqueue, outboxRow, putGroup, startDeliveryHarness, type DeliveryHarness } from "../support/delivery-harness.ts";
import { writesInGroup } from "../support/webhook-harness.ts";

let h: DeliveryHarness;
let oa: ZaloOaClient;
const GROUP = "sandbox-giai-phong";

beforeEach(async () => {
  h = await startDeliveryHarness();
  oa = createZaloOaClient({ baseUrl: h.sandbox.url, tokens: h.tokens, timeoutMs: 5_000 });
});
afterEach(() => h.stop());

describe("listGroups", () => {
  it("lists every group the OA is in across pages of 50, and none it has left", async () => {
    const ids = Array.from({ length: 55 }, (_, i) => `nhom-${String(i + 1).padStart(2, "0")}`);
    for (const id of ids) await putGroup(h, id, { name: `Tổ dân phố ${id}` });
    await putGroup(h, "nhom-da-roi", { oaInGroup: false });
    await putGroup(h, "nhom-tat", { status: "disabled" });

    const groups = await oa.listGroups();

    expect(groups.map((g) => g.groupId)).toEqual([...ids, "nhom-tat"]);
    expect(groups[0]).toMatchObject({ name: "Tổ dân phố nhom-01", status: "enabled", totalMember: 1 });
    expect(groups[0]!.groupLink).toMatch(/^https:\/\/zalo\.me\/g\//);
    expect(groups.at(-1)).toMatchObject({ groupId: "nhom-tat", status: "disabled" });
  });
});

describe("groupConversation", () => {
  it("gives the latest messages newest first, the OA's own marked as such", async () => {
    await putGroup(h, GROUP);
    const resident = await sandboxUser(h, "Bác Hai");
    await oa.sendGroupMessage(GROUP, { text: "Tối nay lớp học lúc 19:00." });
    h.clock.advance(60_000);
    await writesInGroup(h, GROUP, resident, "Cảm ơn OA");

    const messages = await oa.groupConversation(GROUP, { count: 50 });

    expect(messages.map((m) => [m.fromOa, m.text])).toEqual([
      [false, "Cảm ơn OA"],
      [true, "Tối nay lớp học lúc 19:00."],
    ]);
    expect(messages[0]!.time.getTime() - messages[1]!.time.getTime()).toBe(60_000);
  });

  it("reads at most the count asked for, which Zalo caps at 50", async () => {
    await putGroup(h, GROUP);
    for (let i = 1; i <= 3; i++) await oa.sendGroupMessage(GROUP, { text: `Tin ${i}` });
    expect((await oa.groupConversation(GROUP, { count: 2 })).map((m) => m.text)).toEqual(["Tin 3", "Tin 2"]);
    await expect(oa.groupConversation(GROUP, { count: 51 })).rejects.toThrow(RangeError);
  });

  it("is refused for a group the OA is not in (-403)", async () => {
    const err = await oa.groupConversation("nhom-la", { count: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloError);
    expect((err as ZaloError).errorCode).toBe(-403);
  });
});

describe("the plain-token form the chat bot uses", () => {
  it("still sends with a fixed access token", async () => {
    await putGroup(h, GROUP);
    const fixed = createZaloOaClient({ baseUrl: h.sandbox.url, accessToken: h.config.zalo.oa.accessToken });
    expect((await fixed.sendGroupMessage(GROUP, { text: "Xin chào" })).messageId).toMatch(/^\d+$/);
  });
});

describe("mini app notifications", () => {
  it("are refused for a wrong API key, which the sender reports instead of retrying", async () => {
    const resident = await sandboxUser(h, "Em Vy");
    const notifier = createMiniAppNotifier({ baseUrl: h.sandbox.url, apiKey: "wrong-key", miniAppId: h.config.miniAppId });
    const err = await notifier
      .sendNotification(resident.zaloId, {
        templateId: "00126fd75392bacce383",
        templateData: { title: "a", contentTitle: "a", contentDescription: "a", buttonText: "a", buttonUrl: "https://zalo.me" },
      })
      .catch((e: unknown) => e);
    expect((err as ZaloError).errorCode).toBe(-216);
    expect(String((err as Error).message)).not.toContain("wrong-key");

    const wrong = await startDeliveryHarness({
      configure: (c) => ({ ...c, zalo: { ...c.zalo, miniApp: { ...c.zalo.miniApp, apiKey: "wrong-key" } } }),
    });
    try {
      const user = await sandboxUser(wrong, "Em Vy");
      const id = enqueue(wrong, { channel: "miniapp-notify", recipient: user.zaloId });
      await wrong.sender.runOnce();
      expect(outboxRow(wrong, id)).toMatchObject({
        state: "failed",
        attempts: 1,
        failure: "Zalo không nhận khóa API thông báo Mini App (Zalo -216).",
      });
    } finally {
      await wrong.stop();
    }
  });
});
