// POST /v3.0/oa/group/message (GMF) as the bot server's sender sees it: real HTTP, Zalo's
// envelope, every failure on HTTP 200 with its code, the OA's message in the group's conversation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver.ts";

const TOKEN = "test-oa-token";
const clock = { now: Date.parse("2026-11-28T01:00:00Z") };
let running: RunningSandbox;
let receiver: WebhookReceiver;
let member: { id: string };
let groupCounter = 0;

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
  const res = await control("/sandbox/users", { name: "Bà Năm" });
  member = ((await res.json()) as { user: { id: string } }).user;
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});

function control(path: string, body: unknown): Promise<Response> {
  return fetch(`${running.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** A group the sandbox knows: a member has just written in it. */
async function activeGroup(): Promise<string> {
  groupCounter += 1;
  const groupId = `f414c8f76fa586fbdf${groupCounter}`;
  expect((await control(`/sandbox/oa/groups/${groupId}/messages`, { userId: member.id, text: "#lich" })).status).toBe(201);
  return groupId;
}

async function sendToGroup(body: unknown, token: string | null = TOKEN): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${running.url}/v3.0/oa/group/message`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token === null ? {} : { access_token: token }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

function textTo(groupId: string, text: string) {
  return { recipient: { group_id: groupId }, message: { text } };
}

async function conversation(groupId: string): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(`${running.url}/sandbox/oa/groups/${groupId}/conversation`);
  return (await res.json()) as Array<Record<string, unknown>>;
}

describe("POST /v3.0/oa/group/message", () => {
  it("answers Zalo's success envelope with a numeric-string message id and the group id", async () => {
    const groupId = await activeGroup();
    const { status, json } = await sendToGroup(textTo(groupId, "Nhắc lịch: lớp kỹ năng số tối nay 19h"));
    expect(status).toBe(200);
    expect(json).toEqual({
      error: 0,
      message: "Success",
      data: { message_id: expect.stringMatching(/^\d{18}$/), group_id: groupId },
    });
  });

  it("records the OA's message in the group's conversation after what the member wrote", async () => {
    const groupId = await activeGroup();
    const { json } = await sendToGroup(textTo(groupId, "Lịch học: thứ Bảy 19h"));
    const messageId = (json as { data: { message_id: string } }).data.message_id;
    expect(await conversation(groupId)).toEqual([
      { direction: "user→oa", text: "#lich", at: "2026-11-28T01:00:00.000Z", msgId: expect.any(String), userId: member.id },
      { direction: "oa→group", text: "Lịch học: thứ Bảy 19h", at: "2026-11-28T01:00:00.000Z", msgId: messageId },
    ]);
  });

  it("answers -216 on HTTP 200 for a missing or wrong access_token header and records nothing", async () => {
    const groupId = await activeGroup();
    for (const token of [null, "wrong-token", `Bearer ${TOKEN}`]) {
      const { status, json } = await sendToGroup(textTo(groupId, "hi"), token);
      expect(status).toBe(200);
      expect(json).toEqual({ error: -216, message: "Access token is invalid" });
    }
    expect(await conversation(groupId)).toHaveLength(1);
  });

  it("answers -403 for a group nobody has written in, and the group stays unknown", async () => {
    const { status, json } = await sendToGroup(textTo("nhom-chua-co-ai", "Chào cả nhà"));
    expect(status).toBe(200);
    expect(json).toEqual({ error: -403, message: "OA is not in this group" });
    expect(await conversation("nhom-chua-co-ai")).toEqual([]);
  });

  it("answers -201 naming the problem for empty or over-2,000-character text, a bad recipient, an attachment or a body that is not JSON", async () => {
    const groupId = await activeGroup();
    const cases: Array<[unknown, RegExp]> = [
      [textTo(groupId, ""), /message is empty/],
      [textTo(groupId, "   "), /message is empty/],
      [{ recipient: { group_id: groupId }, message: {} }, /message is empty/],
      [textTo(groupId, "a".repeat(2001)), /message\.text is 2001 characters; at most 2000/],
      [{ message: { text: "hi" } }, /recipient must be \{group_id\}/],
      [{ recipient: { user_id: "128955229345555578" }, message: { text: "hi" } }, /recipient\.group_id/],
      [textTo("nhóm có dấu", "hi"), /recipient\.group_id must be 1–64/],
      [
        { recipient: { group_id: groupId }, message: { text: "hi", attachment: { type: "template", payload: {} } } },
        /message\.attachment is not supported/,
      ],
      ["{not json", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const { status, json } = await sendToGroup(body);
      expect(status).toBe(200);
      expect(json).toEqual({ error: -201, message: expect.stringMatching(message) });
    }
    // "ệ" typed as e + two combining marks is one character once NFC-normalised
    expect((await sendToGroup(textTo(groupId, "e\u0323\u0302".repeat(2000)))).json).toMatchObject({ error: 0 });
    expect(await conversation(groupId)).toHaveLength(2);
  });
});
