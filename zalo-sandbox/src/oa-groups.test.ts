// GMF groups as the bot server's sender sees them: the registry a test sets up over the
// control API, the OA's group list, a group's history newest first, and the -403 / -237 a
// group the OA cannot post in answers, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver.ts";

const TOKEN = "test-oa-token";
const OA_ID = "2000000000000000042";
const clock = { now: Date.parse("2026-11-28T12:00:00Z") };
let running: RunningSandbox;
let receiver: WebhookReceiver;
let member: { id: string; oaUserId: string; name: string };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  running = await startSandbox({
    port: 0,
    appId: "test-app",
    appSecret: "s",
    oaId: OA_ID,
    oaAccessToken: TOKEN,
    webhookUrl: receiver.url,
    now: () => clock.now,
    groups: [{ groupId: "seeded-tdp-1", name: "TDP 1 (seeded)" }],
  });
  member = ((await (await send("POST", "/sandbox/users", { name: "Bà Năm" })).json()) as { user: typeof member }).user;
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});

function send(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${running.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function oaGet(path: string): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${running.url}${path}`, { headers: { access_token: TOKEN } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

async function postToGroup(groupId: string, text: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${running.url}/v3.0/oa/group/message`, {
    method: "POST",
    headers: { "Content-Type": "application/json", access_token: TOKEN },
    body: JSON.stringify({ recipient: { group_id: groupId }, message: { text } }),
  });
  return (await res.json()) as Record<string, unknown>;
}

async function putGroup(groupId: string, body: unknown): Promise<Response> {
  return send("PUT", `/sandbox/oa/groups/${groupId}`, body);
}

describe("PUT /sandbox/oa/groups/:groupId", () => {
  it("creates a group with the OA in it and enabled (201), then replaces its settings (200) keeping createdAt", async () => {
    const created = await putGroup("to-dan-pho-2", { name: "TDP 2" });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      groupId: "to-dan-pho-2",
      name: "TDP 2",
      status: "enabled",
      oaInGroup: true,
      createdAt: "2026-11-28T12:00:00.000Z",
    });
    clock.now += 60_000;
    const updated = await putGroup("to-dan-pho-2", { name: "Tổ dân phố 2", status: "disabled", oaInGroup: false });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({
      groupId: "to-dan-pho-2",
      name: "Tổ dân phố 2",
      status: "disabled",
      oaInGroup: false,
      createdAt: "2026-11-28T12:00:00.000Z",
    });
    // PUT replaces: the fields left out take their defaults again
    expect(await (await putGroup("to-dan-pho-2", { name: "TDP 2" })).json()).toMatchObject({ status: "enabled", oaInGroup: true });
  });

  it("answers 400 naming the field for a missing name, a bad status, a non-boolean oaInGroup, an unknown field or a bad id", async () => {
    const cases: Array<[string, unknown, string]> = [
      ["g-400", {}, "name"],
      ["g-400", { name: "  " }, "name"],
      ["g-400", { name: "A", status: "archived" }, "status"],
      ["g-400", { name: "A", oaInGroup: "yes" }, "oaInGroup"],
      ["g-400", { name: "A", members: 3 }, "(body)"],
    ];
    for (const [groupId, body, path] of cases) {
      const res = await putGroup(groupId, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "bad_request", fields: [{ path }] } });
    }
    const badId = await putGroup("nhóm có dấu", { name: "A" });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ error: { code: "bad_request" } });
    const groups = ((await (await send("GET", "/sandbox/oa/groups")).json()) as { groups: Array<{ groupId: string }> }).groups;
    expect(groups.map((g) => g.groupId)).not.toContain("g-400");
  });
});

describe("GET /sandbox/oa/groups", () => {
  it("lists every group in creation order with its message count, seeded ones and those a member created by writing", async () => {
    await putGroup("list-a", { name: "List A" });
    expect((await send("POST", "/sandbox/oa/groups/list-b/messages", { userId: member.id, text: "#lich" })).status).toBe(201);
    expect(await postToGroup("list-a", "Chào cả nhà")).toMatchObject({ error: 0 });
    const { groups } = (await (await send("GET", "/sandbox/oa/groups")).json()) as { groups: Array<Record<string, unknown>> };
    expect(groups[0]).toEqual({ groupId: "seeded-tdp-1", name: "TDP 1 (seeded)", status: "enabled", oaInGroup: true, messageCount: 0 });
    const names = groups.map((g) => g.groupId);
    expect(names.indexOf("list-a")).toBeLessThan(names.indexOf("list-b"));
    expect(groups).toContainEqual({ groupId: "list-a", name: "List A", status: "enabled", oaInGroup: true, messageCount: 1 });
    // a member's message registers an unknown group under its own id, with the OA in it
    expect(groups).toContainEqual({ groupId: "list-b", name: "list-b", status: "enabled", oaInGroup: true, messageCount: 1 });
  });

  it("refuses a member message in a group the OA is not in, or a disabled one, with 409 and records nothing", async () => {
    await putGroup("no-oa", { name: "No OA", oaInGroup: false });
    await putGroup("closed", { name: "Closed", status: "disabled" });
    for (const groupId of ["no-oa", "closed"]) {
      const res = await send("POST", `/sandbox/oa/groups/${groupId}/messages`, { userId: member.id, text: "alo" });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ error: { code: "conflict" } });
      expect(await (await send("GET", `/sandbox/oa/groups/${groupId}/conversation`)).json()).toEqual([]);
    }
  });
});

describe("GET /v3.0/oa/group/getgroupsofoa", () => {
  it("lists only the groups the OA is in, with Zalo's fields, paged by offset and count", async () => {
    await putGroup("page-1", { name: "Page 1" });
    await putGroup("page-hidden", { name: "Hidden", oaInGroup: false });
    await putGroup("page-2", { name: "Page 2", status: "disabled" });
    const all = await oaGet("/v3.0/oa/group/getgroupsofoa?offset=0&count=50");
    expect(all.status).toBe(200);
    const data = (all.json as { data: { offset: number; count: number; total: number; groups: Array<Record<string, unknown>> } }).data;
    expect(all.json.error).toBe(0);
    expect(all.json.message).toBe("Success");
    expect(data.offset).toBe(0);
    expect(data.total).toBe(data.groups.length);
    expect(data.count).toBe(data.groups.length);
    expect(data.groups.map((g) => g.group_id)).not.toContain("page-hidden");
    expect(data.groups.find((g) => g.group_id === "page-2")).toEqual({
      group_id: "page-2",
      name: "Page 2",
      status: "disabled",
      total_member: 1,
      group_link: expect.stringMatching(/^https:\/\/zalo\.me\/g\/[0-9a-z]+$/),
    });
    const index = data.groups.findIndex((g) => g.group_id === "page-1");
    const one = await oaGet(`/v3.0/oa/group/getgroupsofoa?offset=${index}&count=1`);
    expect(one.json).toMatchObject({ data: { offset: index, count: 1, total: data.total, groups: [{ group_id: "page-1" }] } });
  });

  it("counts the members who wrote, plus the OA, and keeps a group's link stable", async () => {
    await send("POST", "/sandbox/oa/groups/members-2/messages", { userId: member.id, text: "một" });
    await send("POST", "/sandbox/oa/groups/members-2/messages", { userId: member.id, text: "hai" });
    const find = async () => {
      const { json } = await oaGet("/v3.0/oa/group/getgroupsofoa?count=50");
      return (json as { data: { groups: Array<Record<string, unknown>> } }).data.groups.find((g) => g.group_id === "members-2");
    };
    const first = await find();
    expect(first).toMatchObject({ total_member: 2 });
    expect((await find())?.group_link).toBe(first?.group_link);
  });

  it("answers -201 for a count over 50 or under 1, or an offset that is not a whole number", async () => {
    for (const query of ["count=51", "count=0", "count=abc", "offset=-1", "offset=1.5"]) {
      const { status, json } = await oaGet(`/v3.0/oa/group/getgroupsofoa?${query}`);
      expect(status).toBe(200);
      expect(json).toEqual({ error: -201, message: expect.stringMatching(/^Invalid parameter: (count|offset) must be/) });
    }
  });

  it("answers -216 without a valid access_token", async () => {
    const res = await fetch(`${running.url}/v3.0/oa/group/getgroupsofoa`, { headers: { access_token: "nope" } });
    expect(await res.json()).toEqual({ error: -216, message: "Access token is invalid" });
  });
});

describe("GET /v3.0/oa/group/conversation", () => {
  it("answers the group's messages newest first, src 1 for a member and 0 for the OA, time in epoch ms", async () => {
    clock.now = Date.parse("2026-11-28T12:10:00Z");
    await send("POST", "/sandbox/oa/groups/history/messages", { userId: member.id, text: "Tối nay học mấy giờ?" });
    clock.now += 60_000;
    const sent = await postToGroup("history", "Lớp kỹ năng số: 19h tại nhà văn hóa");
    const messageId = (sent as { data: { message_id: string } }).data.message_id;
    const { status, json } = await oaGet("/v3.0/oa/group/conversation?group_id=history&offset=0&count=10");
    expect(status).toBe(200);
    expect(json).toEqual({
      error: 0,
      message: "Success",
      data: [
        {
          message_id: messageId,
          src: 0,
          time: Date.parse("2026-11-28T12:11:00Z"),
          type: "text",
          message: "Lớp kỹ năng số: 19h tại nhà văn hóa",
          from_id: OA_ID,
          from_display_name: expect.any(String),
          to_id: "history",
          to_display_name: "history",
          group_id: "history",
        },
        {
          message_id: expect.stringMatching(/^[0-9a-f]{20}$/),
          src: 1,
          time: Date.parse("2026-11-28T12:10:00Z"),
          type: "text",
          message: "Tối nay học mấy giờ?",
          from_id: member.oaUserId,
          from_display_name: "Bà Năm",
          to_id: "history",
          to_display_name: "history",
          group_id: "history",
        },
      ],
    });
  });

  it("pages with offset from the newest and count, and answers [] past the end", async () => {
    await putGroup("paged", { name: "Paged" });
    for (const text of ["1", "2", "3", "4"]) expect(await postToGroup("paged", text)).toMatchObject({ error: 0 });
    const page = async (query: string) =>
      ((await oaGet(`/v3.0/oa/group/conversation?group_id=paged&${query}`)).json as { data: Array<{ message: string }> }).data.map(
        (m) => m.message,
      );
    expect(await page("offset=0&count=2")).toEqual(["4", "3"]);
    expect(await page("offset=2&count=2")).toEqual(["2", "1"]);
    expect(await page("offset=4&count=2")).toEqual([]);
    expect(await page("")).toEqual(["4", "3", "2", "1"]);
  });

  it("answers -403 for an unknown group or one the OA is not in, -237 for a disabled one, -201 for bad parameters", async () => {
    await putGroup("conv-no-oa", { name: "x", oaInGroup: false });
    await putGroup("conv-off", { name: "x", status: "disabled" });
    const cases: Array<[string, unknown]> = [
      ["group_id=never-heard-of", { error: -403, message: "OA is not in this group" }],
      ["group_id=conv-no-oa", { error: -403, message: "OA is not in this group" }],
      ["group_id=conv-off", { error: -237, message: "Group is disabled" }],
      ["", { error: -201, message: expect.stringContaining("group_id") }],
      ["group_id=conv-off&count=51", { error: -201, message: expect.stringContaining("count must be") }],
      ["group_id=conv-off&count=0", { error: -201, message: expect.stringContaining("count must be") }],
    ];
    for (const [query, answer] of cases) {
      const { status, json } = await oaGet(`/v3.0/oa/group/conversation?${query}`);
      expect(status).toBe(200);
      expect(json).toEqual(answer);
    }
  });
});

describe("POST /v3.0/oa/group/message and the registry", () => {
  it("answers -403 when the OA is not in the group and -237 when it is disabled, recording nothing", async () => {
    await putGroup("send-no-oa", { name: "x", oaInGroup: false });
    await putGroup("send-off", { name: "x", status: "disabled" });
    expect(await postToGroup("send-no-oa", "hi")).toEqual({ error: -403, message: "OA is not in this group" });
    expect(await postToGroup("send-off", "hi")).toEqual({ error: -237, message: "Group is disabled" });
    for (const groupId of ["send-no-oa", "send-off"]) {
      expect(await (await send("GET", `/sandbox/oa/groups/${groupId}/conversation`)).json()).toEqual([]);
    }
  });

  it("posts into a registered group nobody has written in yet, and into a seeded one", async () => {
    await putGroup("quiet", { name: "Quiet" });
    for (const groupId of ["quiet", "seeded-tdp-1"]) {
      expect(await postToGroup(groupId, "Nhắc lịch")).toMatchObject({ error: 0, data: { group_id: groupId } });
    }
  });

  it("takes the group back when it is enabled again and the OA rejoins", async () => {
    await putGroup("comeback", { name: "x", status: "disabled", oaInGroup: false });
    expect(await postToGroup("comeback", "hi")).toMatchObject({ error: -403 });
    await putGroup("comeback", { name: "x" });
    expect(await postToGroup("comeback", "hi")).toMatchObject({ error: 0 });
  });
});
