// The webhook events the sandbox sends, received by a plain node:http server on a free port:
// their shapes (ZALO.md §2.3), their signatures recomputed here from the bytes that arrived,
// and the options tests use to break delivery on purpose.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from "./testing/webhook-receiver.ts";

const APP_ID = "360846524940903967";
const OA_ID = "2000000000000000042";
const OA_SECRET_KEY = "test-oa-secret-key";
const NOW = Date.parse("2026-11-28T12:00:00Z");
let running: RunningSandbox;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  running = await startSandbox({
    port: 0,
    appId: APP_ID,
    appSecret: "s",
    oaId: OA_ID,
    oaSecretKey: OA_SECRET_KEY,
    now: () => NOW,
  });
  running.setWebhookUrl(receiver.url);
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  Object.assign(receiver.answer, { status: 200, body: '{"ok":true}', contentType: "application/json" });
});

interface User {
  id: string;
  oaUserId: string;
  name: string;
}

interface SendAnswer {
  event: Record<string, unknown> & { timestamp: string };
  delivery: { status: number | null; body: unknown; durationMs: number; error?: string };
  redeliveries: Array<{ status: number | null }>;
}

async function post(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${running.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function send(path: string, body: unknown = {}): Promise<SendAnswer> {
  const res = await post(path, body);
  expect(res.status).toBe(201);
  return (await res.json()) as SendAnswer;
}

async function newUser(name = "Ông Sáu"): Promise<User> {
  return ((await (await post("/sandbox/users", { name })).json()) as { user: User }).user;
}

/** The receiver's own check, written from ZALO.md §2.2 rather than taken from the sandbox. */
function expectedSignature(request: ReceivedRequest, key = OA_SECRET_KEY): string {
  const { timestamp } = JSON.parse(request.rawBody.toString("utf8")) as { timestamp: string };
  const mac = createHash("sha256")
    .update(Buffer.concat([Buffer.from(APP_ID), request.rawBody, Buffer.from(timestamp), Buffer.from(key)]))
    .digest("hex");
  return `mac=${mac}`;
}

function onlyRequest(): ReceivedRequest {
  expect(receiver.received).toHaveLength(1);
  return receiver.received[0]!;
}

describe("user_send_text events", () => {
  it("posts the message as Zalo's user_send_text JSON, signed with the OA secret key over the exact bytes", async () => {
    const user = await newUser();
    const answer = await send(`/sandbox/oa/users/${user.id}/messages`, { text: "lich hoc" });
    const request = onlyRequest();
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/webhooks/zalo-oa");
    expect(request.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(request.rawBody.toString("utf8")) as Record<string, unknown>;
    expect(body).toEqual({
      app_id: APP_ID,
      user_id_by_app: user.id,
      event_name: "user_send_text",
      timestamp: String(NOW),
      sender: { id: user.oaUserId },
      recipient: { id: OA_ID },
      message: { text: "lich hoc", msg_id: expect.stringMatching(/^[0-9a-f]{20}$/) },
    });
    expect(Object.keys(body)).toEqual(["app_id", "user_id_by_app", "event_name", "timestamp", "sender", "recipient", "message"]);
    expect(request.headers["x-zevent-signature"]).toBe(expectedSignature(request));
    expect(answer.event).toEqual(body);
  });

  it("answers 201 with the webhook's HTTP answer, JSON or text", async () => {
    const user = await newUser();
    const ok = await send(`/sandbox/oa/users/${user.id}/messages`, { text: "chào" });
    expect(ok.delivery).toEqual({ status: 200, body: { ok: true }, durationMs: expect.any(Number) });
    Object.assign(receiver.answer, { status: 401, body: "bad signature", contentType: "text/plain" });
    const refused = await send(`/sandbox/oa/users/${user.id}/messages`, { text: "chào" });
    expect(refused.delivery).toMatchObject({ status: 401, body: "bad signature" });
  });

  it("gives every event its own msg_id", async () => {
    const user = await newUser();
    const ids = new Set<unknown>();
    for (let i = 0; i < 5; i++) {
      const { event } = await send(`/sandbox/oa/users/${user.id}/messages`, { text: "cùng một câu" });
      ids.add((event.message as { msg_id: string }).msg_id);
    }
    expect(ids.size).toBe(5);
  });

  it("sends a pressed button's payload as the user's text, as oa.query.show does", async () => {
    const user = await newUser();
    const { event } = await send(`/sandbox/oa/users/${user.oaUserId}/press`, { payload: "#lich-hoc" });
    expect(event).toMatchObject({ event_name: "user_send_text", sender: { id: user.oaUserId }, message: { text: "#lich-hoc" } });
    expect(onlyRequest().headers["x-zevent-signature"]).toBe(expectedSignature(onlyRequest()));
  });

  it("records what the user wrote in their conversation, once, even when the event is redelivered", async () => {
    const user = await newUser();
    const first = await send(`/sandbox/oa/users/${user.id}/messages`, { text: "một" });
    await send(`/sandbox/oa/users/${user.id}/press`, { payload: "hai", redeliver: 2 });
    const conversation = await (await fetch(`${running.url}/sandbox/oa/users/${user.oaUserId}/conversation`)).json();
    expect(conversation).toEqual([
      {
        direction: "user→oa",
        text: "một",
        at: new Date(NOW).toISOString(),
        msgId: (first.event.message as { msg_id: string }).msg_id,
      },
      { direction: "user→oa", text: "hai", at: new Date(NOW).toISOString(), msgId: expect.any(String) },
    ]);
  });

  it("rejects an empty or over-long text, or an unknown option, with 400 and sends nothing", async () => {
    const user = await newUser();
    for (const body of [{ text: " " }, { text: "a".repeat(2001) }, { text: "hi", retries: 3 }, { text: "hi", redeliver: -1 }]) {
      const res = await post(`/sandbox/oa/users/${user.id}/messages`, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "bad_request", fields: [expect.any(Object)] } });
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("answers 404 for a user it does not know", async () => {
    const res = await post("/sandbox/oa/users/123456789012345678/messages", { text: "hi" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("test options on sending routes", () => {
  it("signWith signs with another key, so a correct receiver rejects the event", async () => {
    const user = await newUser();
    await send(`/sandbox/oa/users/${user.id}/messages`, { text: "giả mạo", signWith: "wrong-key" });
    const request = onlyRequest();
    expect(request.headers["x-zevent-signature"]).toBe(expectedSignature(request, "wrong-key"));
    expect(request.headers["x-zevent-signature"]).not.toBe(expectedSignature(request));
  });

  it("redeliver sends the identical signed request again, byte for byte, and reports each answer", async () => {
    const user = await newUser();
    const answer = await send(`/sandbox/oa/users/${user.id}/messages`, { text: "trùng lặp", redeliver: 3 });
    expect(receiver.received).toHaveLength(4);
    const [original, ...copies] = receiver.received;
    for (const copy of copies) {
      expect(copy.rawBody.equals(original!.rawBody)).toBe(true);
      expect(copy.headers["x-zevent-signature"]).toBe(original!.headers["x-zevent-signature"]);
    }
    expect(answer.redeliveries.map((d) => d.status)).toEqual([200, 200, 200]);
  });

  it("timestampOffsetMs back-dates the event's timestamp, and the signature covers the back-dated value", async () => {
    const user = await newUser();
    const { event } = await send(`/sandbox/oa/users/${user.id}/follow`, { timestampOffsetMs: -3_600_000 });
    expect(event.timestamp).toBe(String(NOW - 3_600_000));
    expect(onlyRequest().headers["x-zevent-signature"]).toBe(expectedSignature(onlyRequest()));
  });

  it("answers 409 without changing anything when no webhook URL is set, and sends again once one is", async () => {
    const user = await newUser();
    running.setWebhookUrl(undefined);
    try {
      const res = await post(`/sandbox/oa/users/${user.id}/follow`);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: { code: "conflict", message: expect.stringContaining("webhook URL") } });
      const users = (await (await fetch(`${running.url}/sandbox/users`)).json()) as { users: Array<User & { followsOa: boolean }> };
      expect(users.users.find((u) => u.id === user.id)?.followsOa).toBe(false);
    } finally {
      running.setWebhookUrl(receiver.url);
    }
    expect((await post(`/sandbox/oa/users/${user.id}/follow`)).status).toBe(201);
  });

  it("reports a webhook that does not answer instead of failing", async () => {
    const user = await newUser();
    const closed = await startWebhookReceiver();
    await closed.close();
    running.setWebhookUrl(closed.url);
    try {
      const answer = await send(`/sandbox/oa/users/${user.id}/messages`, { text: "có ai không" });
      expect(answer.delivery).toMatchObject({ status: null, body: null, error: expect.stringContaining("ECONNREFUSED") });
    } finally {
      running.setWebhookUrl(receiver.url);
    }
  });
});

describe("follow, unfollow and user_submit_info events", () => {
  it("sends follow and unfollow with follower.id, oa_id and source, and tracks whether the user follows", async () => {
    const user = await newUser();
    const followed = await send(`/sandbox/oa/users/${user.id}/follow`);
    const unfollowed = await send(`/sandbox/oa/users/${user.id}/unfollow`);
    for (const [answer, eventName] of [[followed, "follow"], [unfollowed, "unfollow"]] as const) {
      expect(answer.event).toEqual({
        oa_id: OA_ID,
        follower: { id: user.oaUserId },
        user_id_by_app: user.id,
        event_name: eventName,
        source: "oa_profile",
        app_id: APP_ID,
        timestamp: String(NOW),
      });
    }
    for (const request of receiver.received) expect(request.headers["x-zevent-signature"]).toBe(expectedSignature(request));
    const users = (await (await fetch(`${running.url}/sandbox/users`)).json()) as { users: Array<User & { followsOa: boolean }> };
    expect(users.users.find((u) => u.id === user.id)?.followsOa).toBe(false);
  });

  it("sends user_submit_info with only the fields the user filled in", async () => {
    const user = await newUser();
    const { event } = await send(`/sandbox/oa/users/${user.id}/submit-info`, { name: "Nguyễn Văn Sáu", phone: "84912345678" });
    expect(event).toEqual({
      app_id: APP_ID,
      user_id_by_app: user.id,
      event_name: "user_submit_info",
      timestamp: String(NOW),
      sender: { id: user.oaUserId },
      recipient: { id: OA_ID },
      info: { name: "Nguyễn Văn Sáu", phone: "84912345678" },
    });
    const nameOnly = await send(`/sandbox/oa/users/${user.id}/submit-info`, { name: "Sáu" });
    expect(nameOnly.event.info).toEqual({ name: "Sáu" });
    expect((await post(`/sandbox/oa/users/${user.id}/submit-info`, { phone: "call me" })).status).toBe(400);
  });
});

describe("group messages", () => {
  it("sends user_send_group_text with the group as recipient and records it in the group's conversation", async () => {
    const lan = await newUser("Lan");
    const tu = await newUser("Tư");
    const groupId = "f414c8f76fa586fbdfb4";
    const first = await send(`/sandbox/oa/groups/${groupId}/messages`, { userId: lan.id, text: "Tối nay học mấy giờ?" });
    await send(`/sandbox/oa/groups/${groupId}/messages`, { userId: tu.oaUserId, text: "19h bà ơi" });
    expect(first.event).toEqual({
      app_id: APP_ID,
      user_id_by_app: lan.id,
      event_name: "user_send_group_text",
      timestamp: String(NOW),
      sender: { id: lan.oaUserId },
      recipient: { id: groupId },
      message: { text: "Tối nay học mấy giờ?", msg_id: expect.any(String) },
    });
    for (const request of receiver.received) expect(request.headers["x-zevent-signature"]).toBe(expectedSignature(request));
    const conversation = await (await fetch(`${running.url}/sandbox/oa/groups/${groupId}/conversation`)).json();
    expect(conversation).toEqual([
      expect.objectContaining({ direction: "user→oa", text: "Tối nay học mấy giờ?", userId: lan.id }),
      expect.objectContaining({ direction: "user→oa", text: "19h bà ơi", userId: tu.id }),
    ]);
    expect(await (await fetch(`${running.url}/sandbox/oa/users/${lan.id}/conversation`)).json()).toEqual([]);
  });

  it("answers an empty conversation for a quiet group, 400 for a malformed group id and 404 for an unknown writer", async () => {
    expect(await (await fetch(`${running.url}/sandbox/oa/groups/quiet/conversation`)).json()).toEqual([]);
    expect((await fetch(`${running.url}/sandbox/oa/groups/${"x".repeat(65)}/conversation`)).status).toBe(400);
    expect((await post("/sandbox/oa/groups/g1/messages", { userId: "123456789012345678", text: "hi" })).status).toBe(404);
    expect(receiver.received).toHaveLength(0);
  });
});

describe("sandbox users as OA users", () => {
  it("gives each user a distinct 18-digit OA-scoped id and starts them not following", async () => {
    const res = await post("/sandbox/users", { name: "Cô Ba" });
    const { user } = (await res.json()) as { user: User & { followsOa: boolean } };
    expect(user).toEqual({
      id: expect.stringMatching(/^[1-9]\d{17}$/),
      name: "Cô Ba",
      oaUserId: expect.stringMatching(/^[1-9]\d{17}$/),
      followsOa: false,
    });
    expect(user.oaUserId).not.toBe(user.id);
  });
});
