// Mini App notifications (ZALO.md §4.4) as the bot server's `miniapp-notify` channel sends
// them: POST /notification/template with the API key, the user and the Mini App in headers;
// an accepted one lands in the user's conversation, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";

const KEY = "test-miniapp-key";
let running: RunningSandbox;
let user: { id: string; oaUserId: string };

beforeAll(async () => {
  running = await startSandbox({
    port: 0,
    appId: "test-app",
    appSecret: "s",
    miniAppApiKey: KEY,
    now: () => Date.parse("2026-11-28T11:00:00Z"),
  });
  const res = await fetch(`${running.url}/sandbox/users`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Bà Năm" }),
  });
  user = ((await res.json()) as { user: typeof user }).user;
});
afterAll(() => running.close());

const TEMPLATE = {
  templateId: "00126fd75392bacce383",
  templateData: {
    title: "Lớp kỹ năng số",
    contentTitle: "Tối nay 19h",
    contentDescription: "Nhà văn hóa TDP 3. Mang theo điện thoại.",
    buttonText: "Xem bài học",
    buttonUrl: "https://zalo.me/s/1/",
  },
};

async function notify(
  body: unknown,
  headers: Record<string, string | null> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const all: Record<string, string | null> = {
    "Content-Type": "application/json",
    "X-Api-Key": `Bearer ${KEY}`,
    "X-User-Id": user.id,
    "X-MiniApp-Id": "1234567890",
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null));
  const res = await fetch(`${running.url}/notification/template`, {
    method: "POST",
    headers: sent,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function conversation(): Promise<Array<Record<string, unknown>>> {
  return (await fetch(`${running.url}/sandbox/oa/users/${user.id}/conversation`)).json() as Promise<Array<Record<string, unknown>>>;
}

describe("POST /notification/template", () => {
  it("answers success with a msgId and records the notification in the user's conversation", async () => {
    const { status, json } = await notify(TEMPLATE);
    expect(status).toBe(200);
    expect(json).toEqual({ error: 0, message: "Success", data: { msgId: expect.stringMatching(/^\d{18}$/) } });
    const msgId = (json.data as { msgId: string }).msgId;
    expect((await conversation()).at(-1)).toEqual({
      direction: "miniapp→user",
      text: "Lớp kỹ năng số\nTối nay 19h\nNhà văn hóa TDP 3. Mang theo điện thoại.",
      notification: { templateId: TEMPLATE.templateId, ...TEMPLATE.templateData },
      at: "2026-11-28T11:00:00.000Z",
      msgId,
    });
  });

  it("accepts a template with no text fields and records it by its template id", async () => {
    expect((await notify({ templateId: "t-1", templateData: {} })).json).toMatchObject({ error: 0 });
    expect((await conversation()).at(-1)).toMatchObject({ text: "(template t-1)", notification: { templateId: "t-1" } });
  });

  it("refuses a missing or wrong X-Api-Key, or one without Bearer, and records nothing", async () => {
    const before = (await conversation()).length;
    for (const key of [null, "Bearer wrong", KEY, `bearer  ${KEY}`]) {
      const { status, json } = await notify(TEMPLATE, { "X-Api-Key": key });
      expect(status).toBe(200);
      expect(json).toEqual({ error: -216, message: expect.stringContaining("X-Api-Key is invalid") });
    }
    expect(await conversation()).toHaveLength(before);
  });

  it("answers -201 for a user it does not know (the OA-scoped id included), a missing X-MiniApp-Id or a bad body", async () => {
    const before = (await conversation()).length;
    const cases: Array<[unknown, Record<string, string | null>, RegExp]> = [
      [TEMPLATE, { "X-User-Id": "123456789012345678" }, /X-User-Id 123456789012345678 is not a user/],
      [TEMPLATE, { "X-User-Id": user.oaUserId }, /is not a user of this Mini App/],
      [TEMPLATE, { "X-User-Id": null }, /X-User-Id \(missing\)/],
      [TEMPLATE, { "X-MiniApp-Id": null }, /X-MiniApp-Id/],
      [{ templateData: {} }, {}, /templateId/],
      [{ templateId: "t", templateData: { title: 5 } }, {}, /templateData\.title must be a string/],
      [{ templateId: "t" }, {}, /templateData must be an object/],
      ["{not json", {}, /not valid JSON/],
    ];
    for (const [body, headers, message] of cases) {
      const { status, json } = await notify(body, headers);
      expect(status).toBe(200);
      expect(json).toEqual({ error: -201, message: expect.stringMatching(message) });
    }
    expect(await conversation()).toHaveLength(before);
  });
});
