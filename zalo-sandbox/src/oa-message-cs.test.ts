// POST /v3.0/oa/message/cs as the bot server's sender sees it: real HTTP, Zalo's envelope,
// every failure on HTTP 200 with its code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver.ts";

const TOKEN = "test-oa-token";
const DAY = 24 * 60 * 60 * 1000;
/** the OA access token the sends use; the configured one lives 25 h from the start */
let token = TOKEN;
const clock = { now: Date.parse("2026-11-28T01:00:00Z") };
let running: RunningSandbox;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  running = await startSandbox({
    port: 0,
    appId: "test-app",
    appSecret: "s",
    oaAccessToken: TOKEN,
    webhookUrl: receiver.url,
    now: () => clock.now,
  });
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});

interface User {
  id: string;
  oaUserId: string;
}

async function control(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${running.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function newUser(): Promise<User> {
  const res = await control("/sandbox/users", { name: "Bà Năm" });
  return ((await res.json()) as { user: User }).user;
}

/** A user who just wrote to the OA: their 7-day window is open. */
async function activeUser(): Promise<User> {
  const user = await newUser();
  expect((await control(`/sandbox/oa/users/${user.id}/messages`, { text: "xin chào" })).status).toBe(201);
  return user;
}

/** After moving the clock days on: a fresh OA access token, as the bot server's refresh gets one. */
async function refreshOaToken(): Promise<void> {
  const res = await fetch(`${running.url}/v4/oa/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", secret_key: "s" },
    body: new URLSearchParams({ refresh_token: "hocso-sandbox-oa-refresh", app_id: "test-app", grant_type: "refresh_token" }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
}

async function sendCs(body: unknown, accessToken: string | null = token): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${running.url}/v3.0/oa/message/cs`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(accessToken === null ? {} : { access_token: accessToken }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function textTo(user: User, text: string) {
  return { recipient: { user_id: user.oaUserId }, message: { text } };
}

function buttonsTo(user: User, buttons: unknown[], text = "Chọn một mục") {
  return { recipient: { user_id: user.oaUserId }, message: { text, attachment: { type: "template", payload: { buttons } } } };
}

async function conversation(user: User): Promise<Array<Record<string, unknown>>> {
  return (await fetch(`${running.url}/sandbox/oa/users/${user.id}/conversation`)).json() as Promise<
    Array<Record<string, unknown>>
  >;
}

describe("POST /v3.0/oa/message/cs", () => {
  it("answers Zalo's success envelope with a numeric-string message id and the OA-scoped user id", async () => {
    const user = await activeUser();
    const { status, json } = await sendCs(textTo(user, "Lớp kỹ năng số tối thứ 5, 19h"));
    expect(status).toBe(200);
    expect(json).toEqual({
      error: 0,
      message: "Success",
      data: { message_id: expect.stringMatching(/^\d{18}$/), user_id: user.oaUserId },
    });
  });

  it("records each accepted message in the user's conversation after what they wrote", async () => {
    const user = await activeUser();
    const first = await sendCs(textTo(user, "Chào bác"));
    const second = await sendCs(textTo(user, "Lịch học: thứ Năm 19h"));
    const messageIds = [first, second].map((r) => (r.json.data as { message_id: string }).message_id);
    expect(await conversation(user)).toEqual([
      { direction: "user→oa", text: "xin chào", at: "2026-11-28T01:00:00.000Z", msgId: expect.any(String) },
      { direction: "oa→user", text: "Chào bác", at: "2026-11-28T01:00:00.000Z", msgId: messageIds[0] },
      { direction: "oa→user", text: "Lịch học: thứ Năm 19h", at: "2026-11-28T01:00:00.000Z", msgId: messageIds[1] },
    ]);
  });

  it("answers -216 on HTTP 200 for a missing or wrong access_token header and records nothing", async () => {
    const user = await activeUser();
    for (const token of [null, "wrong-token", `Bearer ${TOKEN}`]) {
      const { status, json } = await sendCs(textTo(user, "hi"), token);
      expect(status).toBe(200);
      expect(json).toEqual({ error: -216, message: "Access token is invalid" });
    }
    expect(await conversation(user)).toHaveLength(1);
  });

  it("answers -201 for a user the OA does not know, including the app-scoped id instead of the OA-scoped one", async () => {
    const user = await activeUser();
    const unknown = await sendCs({ recipient: { user_id: "123456789012345678" }, message: { text: "hi" } });
    expect(unknown.json).toMatchObject({ error: -201, message: expect.stringContaining("123456789012345678") });
    const appScoped = await sendCs({ recipient: { user_id: user.id }, message: { text: "hi" } });
    expect(appScoped.json).toMatchObject({ error: -201, message: expect.stringContaining("OA-scoped") });
  });

  it("answers -201 naming the problem for text over 2,000 characters, counted after NFC", async () => {
    const user = await activeUser();
    const tooLong = await sendCs(textTo(user, "a".repeat(2001)));
    expect(tooLong).toEqual({ status: 200, json: { error: -201, message: expect.stringMatching(/message\.text.*2001.*2000/) } });
    // "ệ" typed as e + two combining marks is one character once NFC-normalised
    const decomposed = "e\u0323\u0302".repeat(2000);
    expect((await sendCs(textTo(user, decomposed))).json).toMatchObject({ error: 0 });
  });

  it("answers -201 naming the problem for an empty message, a missing recipient or a body that is not JSON", async () => {
    const user = await activeUser();
    const cases: Array<[unknown, RegExp]> = [
      [{ recipient: { user_id: user.oaUserId }, message: {} }, /message is empty/],
      [textTo(user, "   "), /message is empty/],
      [{ message: { text: "hi" } }, /recipient/],
      [{ recipient: { user_id: Number(user.oaUserId) }, message: { text: "hi" } }, /recipient\.user_id must be a numeric string/],
      ["{not json", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const { status, json } = await sendCs(body);
      expect(status).toBe(200);
      expect(json).toEqual({ error: -201, message: expect.stringMatching(message) });
    }
    expect(await conversation(user)).toHaveLength(1);
  });

  it("answers -230 to a user who never interacted with the OA", async () => {
    const user = await newUser();
    expect((await sendCs(textTo(user, "Nhắc lịch học"))).json).toEqual({
      error: -230,
      message: "User has not interacted with the OA in the last 7 days",
    });
    expect(await conversation(user)).toEqual([]);
  });
});

describe("the 7-day interaction window of CS messages", () => {
  it("stays open until 7 days after the user last wrote, by the sandbox clock, then answers -230", async () => {
    const start = clock.now;
    try {
      const user = await activeUser();
      clock.now = start + 7 * DAY - 60_000;
      await refreshOaToken();
      expect((await sendCs(textTo(user, "còn kịp"))).json).toMatchObject({ error: 0 });
      clock.now = start + 7 * DAY;
      expect((await sendCs(textTo(user, "quá hạn"))).json).toMatchObject({ error: -230 });
      expect((await conversation(user)).map((e) => e.text)).toEqual(["xin chào", "còn kịp"]);
    } finally {
      clock.now = start;
      token = TOKEN;
    }
  });

  it("opens again when the user writes, follows or presses a button, but not when the OA writes or they unfollow", async () => {
    const start = clock.now;
    try {
      const user = await activeUser();
      const expire = async () => {
        clock.now += 8 * DAY;
        await refreshOaToken();
      };
      const opens = async (path: string, body: unknown) => {
        await expire();
        expect((await control(`/sandbox/oa/users/${user.id}/${path}`, body)).status).toBe(201);
        expect((await sendCs(textTo(user, `after ${path}`))).json).toMatchObject({ error: 0 });
      };
      await opens("messages", { text: "lich hoc" });
      await opens("follow", {});
      await opens("press", { payload: "#lich" });
      await expire();
      expect((await control(`/sandbox/oa/users/${user.id}/unfollow`)).status).toBe(201);
      expect((await sendCs(textTo(user, "after unfollow"))).json).toMatchObject({ error: -230 });
    } finally {
      clock.now = start;
      token = TOKEN;
    }
  });
});

describe("CS messages with buttons", () => {
  const query = (title: string, payload = "#lich") => ({ title, type: "oa.query.show", payload });

  it("accepts up to 5 buttons of the three kinds and records them with the text", async () => {
    const user = await activeUser();
    const buttons = [
      query("Lịch học"),
      { title: "Ẩn", type: "oa.query.hide", payload: "#an" },
      { title: "Xem bài học", type: "oa.open.url", payload: { url: "https://zalo.me/s/123/" } },
      query("Bài 1", "#bai1"),
      query("x".repeat(100), "#dai"),
    ];
    const { json } = await sendCs(buttonsTo(user, buttons));
    expect(json).toMatchObject({ error: 0 });
    expect((await conversation(user)).at(-1)).toEqual({
      direction: "oa→user",
      text: "Chọn một mục",
      buttons,
      at: expect.any(String),
      msgId: (json.data as { message_id: string }).message_id,
    });
  });

  it("answers -201 naming the problem for too many buttons, long titles, unknown kinds and bad payloads", async () => {
    const user = await activeUser();
    const cases: Array<[unknown[], RegExp]> = [
      [Array.from({ length: 6 }, (_, i) => query(`Nút ${i}`)), /buttons must hold at most 5 buttons/],
      [[], /buttons must hold at least one button/],
      [[query("x".repeat(101))], /buttons\.0\.title must be at most 100 characters/],
      [[query("")], /buttons\.0\.title must not be empty/],
      [[{ title: "Gọi", type: "oa.open.phone", payload: { phone_code: "0900" } }], /buttons\.0\.type must be one of/],
      [[{ title: "Web", type: "oa.open.url", payload: "https://x.vn" }], /buttons\.0\.payload must be \{url\}/],
      [[{ title: "Web", type: "oa.open.url", payload: { url: "javascript:alert(1)" } }], /buttons\.0\.payload\.url/],
      [[query("Ok", "")], /buttons\.0\.payload must not be empty/],
      [[query("Ok", "p".repeat(1001))], /buttons\.0\.payload must be at most 1000 characters/],
    ];
    for (const [buttons, message] of cases) {
      const { status, json } = await sendCs(buttonsTo(user, buttons));
      expect(status).toBe(200);
      expect(json).toEqual({ error: -201, message: expect.stringMatching(message) });
    }
    const media = await sendCs({
      recipient: { user_id: user.oaUserId },
      message: { attachment: { type: "template", payload: { template_type: "media", elements: [] } } },
    });
    expect(media.json).toMatchObject({ error: -201, message: expect.stringContaining("template_type") });
    expect(await conversation(user)).toHaveLength(1);
  });
});
