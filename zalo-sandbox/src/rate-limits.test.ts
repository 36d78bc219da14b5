// Rate limits (ZALO.md §1.6) as a client sees them: X-RateLimit-* headers on every OA answer,
// -32 on HTTP 200 once a minute's calls are spent, the next minute by the sandbox clock
// starting afresh, and the limits a test sets over the control API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appsecretProof } from "./graph/appsecret-proof.ts";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";

const TOKEN = "test-oa-token";
const MINUTE = 60_000;
/** the middle of a minute, so a few calls never straddle two windows */
const clock = { now: Date.parse("2026-11-28T01:00:30Z") };
let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox({
    port: 0,
    appId: "test-app",
    appSecret: "s",
    oaAccessToken: TOKEN,
    now: () => clock.now,
    rateLimits: { appPerMinute: 3 },
    groups: [
      { groupId: "g-1", name: "G 1" },
      { groupId: "g-2", name: "G 2" },
    ],
  });
});
afterAll(() => running.close());
afterEach(async () => {
  // each test starts in a fresh minute with the limits it was started with
  clock.now += MINUTE;
  await putLimits({ appPerMinute: 3, groupPerMinute: null });
});

function putLimits(body: unknown): Promise<Response> {
  return fetch(`${running.url}/sandbox/limits`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function postToGroup(groupId: string, token = TOKEN): Promise<{ json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${running.url}/v3.0/oa/group/message`, {
    method: "POST",
    headers: { "Content-Type": "application/json", access_token: token },
    body: JSON.stringify({ recipient: { group_id: groupId }, message: { text: "Nhắc lịch" } }),
  });
  return { json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

async function listGroups(): Promise<{ json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${running.url}/v3.0/oa/group/getgroupsofoa`, { headers: { access_token: TOKEN } });
  return { json: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

const remain = (headers: Headers) => headers.get("x-ratelimit-remain");

describe("the per-app limit on OA API calls", () => {
  it("counts down X-RateLimit-Remain on every OA answer, then answers -32 with Remain 0", async () => {
    const answers = [await postToGroup("g-1"), await listGroups(), await postToGroup("g-2"), await postToGroup("g-1")];
    expect(answers.map((a) => a.headers.get("x-ratelimit-limit"))).toEqual(["3", "3", "3", "3"]);
    expect(answers.map((a) => remain(a.headers))).toEqual(["2", "1", "0", "0"]);
    expect(answers.slice(0, 3).map((a) => a.json.error)).toEqual([0, 0, 0]);
    expect(answers[3]?.json).toEqual({ error: -32, message: "Rate limit exceeded" });
    expect(((await (await fetch(`${running.url}/sandbox/oa/groups/g-1/conversation`)).json()) as unknown[]).length).toBe(1);
  });

  it("lifts in the next minute by the sandbox clock", async () => {
    for (let i = 0; i < 3; i++) await listGroups();
    expect((await listGroups()).json).toMatchObject({ error: -32 });
    clock.now += MINUTE;
    const next = await postToGroup("g-1");
    expect(next.json).toMatchObject({ error: 0 });
    expect(remain(next.headers)).toBe("2");
  });

  it("counts calls with a bad token too, and carries the headers on their -216", async () => {
    const bad = await postToGroup("g-1", "wrong");
    expect(bad.json).toEqual({ error: -216, message: "Access token is invalid" });
    expect(remain(bad.headers)).toBe("2");
  });

  it("does not count graph /me or OAuth calls, which carry no rate headers", async () => {
    const me = await fetch(`${running.url}/v2.0/me`, { headers: { access_token: "x", appsecret_proof: appsecretProof("s", "x") } });
    const oauth = await fetch(`${running.url}/v4/oa/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", secret_key: "s" },
      body: new URLSearchParams({ refresh_token: "hocso-sandbox-oa-refresh", app_id: "test-app", grant_type: "refresh_token" }),
    });
    for (const res of [me, oauth]) expect(res.headers.get("x-ratelimit-remain")).toBeNull();
    expect(remain((await listGroups()).headers)).toBe("2");
  });
});

describe("the per-group limit", () => {
  it("is off by default, and once set answers -32 for a group over it while other groups still go through", async () => {
    await putLimits({ appPerMinute: 100 });
    for (let i = 0; i < 3; i++) expect((await postToGroup("g-1")).json).toMatchObject({ error: 0 });
    clock.now += MINUTE;
    await putLimits({ groupPerMinute: 2 });
    expect((await postToGroup("g-1")).json).toMatchObject({ error: 0 });
    expect((await postToGroup("g-1")).json).toMatchObject({ error: 0 });
    const over = await postToGroup("g-1");
    expect(over.json).toEqual({ error: -32, message: "Rate limit exceeded" });
    expect(remain(over.headers)).toBe("97");
    expect((await postToGroup("g-2")).json).toMatchObject({ error: 0 });
    clock.now += MINUTE;
    expect((await postToGroup("g-1")).json).toMatchObject({ error: 0 });
  });
});

describe("GET and PUT /sandbox/limits", () => {
  it("answers the limits, and changes only the fields given", async () => {
    expect(await (await fetch(`${running.url}/sandbox/limits`)).json()).toEqual({ appPerMinute: 3, groupPerMinute: null });
    const res = await putLimits({ groupPerMinute: 10 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ appPerMinute: 3, groupPerMinute: 10 });
    expect(await (await putLimits({ appPerMinute: 4000, groupPerMinute: null })).json()).toEqual({
      appPerMinute: 4000,
      groupPerMinute: null,
    });
    expect((await listGroups()).headers.get("x-ratelimit-limit")).toBe("4000");
  });

  it("answers 400 naming the field for a limit that is not a whole number from 1, or an unknown field", async () => {
    for (const [body, path] of [
      [{ appPerMinute: 0 }, "appPerMinute"],
      [{ appPerMinute: 1.5 }, "appPerMinute"],
      [{ appPerMinute: null }, "appPerMinute"],
      [{ groupPerMinute: "5" }, "groupPerMinute"],
      [{ perUser: 5 }, "(body)"],
    ] as const) {
      const res = await putLimits(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "bad_request", fields: [{ path }] } });
    }
  });
});

describe("rateLimits option", () => {
  it("defaults to 4,000 calls a minute per app", async () => {
    const other = await startSandbox({ port: 0, appId: "a", appSecret: "s", groups: [{ groupId: "g", name: "g" }] });
    try {
      const res = await fetch(`${other.url}/v3.0/oa/group/getgroupsofoa`, { headers: { access_token: "hocso-sandbox-oa-token" } });
      expect(res.headers.get("x-ratelimit-limit")).toBe("4000");
      expect(res.headers.get("x-ratelimit-remain")).toBe("3999");
    } finally {
      await other.close();
    }
  });

  it("refuses a limit that is not a whole number from 1 when the sandbox starts", async () => {
    await expect(startSandbox({ port: 0, appId: "a", appSecret: "s", rateLimits: { appPerMinute: 0 } })).rejects.toThrow(
      /rateLimits\.appPerMinute/,
    );
  });
});
