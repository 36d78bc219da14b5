// Injected faults as a client meets them: 5xx answers, requests that never answer, answers
// that arrive after the work was done, and Zalo's error codes, switched on over HTTP by a
// test. Real HTTP with real timers; delays are short so the file stays quick.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appsecretProof } from "./graph/appsecret-proof.ts";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver.ts";

const TOKEN = "test-oa-token";
const MINIAPP_KEY = "test-miniapp-key";
let running: RunningSandbox;
let receiver: WebhookReceiver;
let user: { id: string; oaUserId: string; accessToken: string };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  running = await startSandbox({
    port: 0,
    appId: "test-app",
    appSecret: "s",
    oaAccessToken: TOKEN,
    miniAppApiKey: MINIAPP_KEY,
    webhookUrl: receiver.url,
    groups: [
      { groupId: "tdp-1", name: "TDP 1" },
      { groupId: "tdp-2", name: "TDP 2" },
    ],
  });
  const created = (await (await control("POST", "/sandbox/users", { name: "Bà Năm" })).json()) as {
    user: { id: string; oaUserId: string };
    accessToken: string;
  };
  user = { ...created.user, accessToken: created.accessToken };
  expect((await control("POST", `/sandbox/oa/users/${user.id}/messages`, { text: "xin chào" })).status).toBe(201);
});
afterAll(async () => {
  await running.close();
  await receiver.close();
});
afterEach(async () => {
  await control("DELETE", "/sandbox/faults");
});

function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${running.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function injectFault(spec: Record<string, unknown>): Promise<{ id: string; remaining: number | null }> {
  const res = await control("POST", "/sandbox/faults", spec);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; remaining: number | null };
}

function postToGroup(groupId: string, text: string, init: RequestInit = {}, token = TOKEN): Promise<Response> {
  return fetch(`${running.url}/v3.0/oa/group/message`, {
    method: "POST",
    headers: { "Content-Type": "application/json", access_token: token },
    body: JSON.stringify({ recipient: { group_id: groupId }, message: { text } }),
    ...init,
  });
}

function sendCs(text: string): Promise<Response> {
  return fetch(`${running.url}/v3.0/oa/message/cs`, {
    method: "POST",
    headers: { "Content-Type": "application/json", access_token: TOKEN },
    body: JSON.stringify({ recipient: { user_id: user.oaUserId }, message: { text } }),
  });
}

async function groupTexts(groupId: string): Promise<string[]> {
  const entries = (await (await control("GET", `/sandbox/oa/groups/${groupId}/conversation`)).json()) as Array<{ text: string }>;
  return entries.map((e) => e.text);
}

async function activeFaults(): Promise<Array<Record<string, unknown>>> {
  return ((await (await control("GET", "/sandbox/faults")).json()) as { faults: Array<Record<string, unknown>> }).faults;
}

describe("POST /sandbox/faults", () => {
  it("answers 201 with the fault's id, endpoint, kind and remaining uses, and lists it until it is used up", async () => {
    const res = await control("POST", "/sandbox/faults", { endpoint: "oa.group.message", kind: "http-503" });
    expect(res.status).toBe(201);
    const fault = (await res.json()) as Record<string, unknown>;
    expect(fault).toEqual({ id: expect.any(String), endpoint: "oa.group.message", kind: "http-503", remaining: 1 });
    expect(await activeFaults()).toEqual([fault]);
    expect((await postToGroup("tdp-1", "x")).status).toBe(503);
    expect(await activeFaults()).toEqual([]);
  });

  it("answers 400 naming the field for an unknown endpoint or kind, a bad times, delayMs or groupId, or an unknown field", async () => {
    for (const [body, path] of [
      [{ endpoint: "oa.broadcast", kind: "http-500" }, "endpoint"],
      [{ endpoint: "*", kind: "explode" }, "kind"],
      [{ endpoint: "*", kind: "http-500", times: 0 }, "times"],
      [{ endpoint: "*", kind: "slow", delayMs: -1 }, "delayMs"],
      [{ endpoint: "*", kind: "slow", delayMs: 600_001 }, "delayMs"],
      [{ endpoint: "*", kind: "http-500", groupId: "nhóm" }, "groupId"],
      [{ endpoint: "*", kind: "http-500", status: 502 }, "(body)"],
    ] as const) {
      const res = await control("POST", "/sandbox/faults", body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "bad_request", fields: [{ path }] } });
    }
    expect(await activeFaults()).toEqual([]);
  });
});

describe("fault kinds", () => {
  it("http-500 and http-503 answer that status with a small non-Zalo body, and nothing is recorded", async () => {
    for (const [kind, status] of [
      ["http-500", 500],
      ["http-503", 503],
    ] as const) {
      await injectFault({ endpoint: "oa.group.message", kind });
      const res = await postToGroup("tdp-1", `lost to ${kind}`);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await res.text()).toMatch(new RegExp(`^${status} `));
    }
    expect(await groupTexts("tdp-1")).not.toContain("lost to http-500");
    expect(await groupTexts("tdp-1")).not.toContain("lost to http-503");
  });

  it("zalo-* faults answer that Zalo error on HTTP 200, nothing processed", async () => {
    const expected = {
      "zalo-32": { error: -32, message: "Rate limit exceeded" },
      "zalo-216": { error: -216, message: "Access token is invalid" },
      "zalo-220": { error: -220, message: "Access token has expired" },
      "zalo-403": { error: -403, message: "OA is not in this group" },
      "zalo-237": { error: -237, message: "Group is disabled" },
      "zalo-230": { error: -230, message: "User has not interacted with the OA in the last 7 days" },
    };
    for (const [kind, answer] of Object.entries(expected)) {
      await injectFault({ endpoint: "oa.group.message", kind });
      const res = await postToGroup("tdp-2", `lost to ${kind}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(answer);
    }
    expect(await groupTexts("tdp-2")).toEqual([]);
    expect(await (await postToGroup("tdp-2", "gets through")).json()).toMatchObject({ error: 0 });
  });

  it("slow records the message, then answers only after delayMs: a client that gave up saw no answer", async () => {
    await injectFault({ endpoint: "oa.group.message", kind: "slow", delayMs: 400 });
    const started = performance.now();
    await expect(postToGroup("tdp-1", "sent but the answer was lost", { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(400);
    expect(await groupTexts("tdp-1")).toContain("sent but the answer was lost");
  });

  it("slow answers the endpoint's normal answer once the delay is over", async () => {
    await injectFault({ endpoint: "oa.group.message", kind: "slow", delayMs: 200 });
    const started = performance.now();
    const res = await postToGroup("tdp-1", "late but fine");
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(await res.json()).toMatchObject({ error: 0, data: { group_id: "tdp-1" } });
  });

  it("timeout holds the request without processing it, then cuts the connection", async () => {
    await injectFault({ endpoint: "oa.group.message", kind: "timeout", delayMs: 200 });
    const started = performance.now();
    await expect(postToGroup("tdp-1", "never processed")).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(await groupTexts("tdp-1")).not.toContain("never processed");
  });

  it("a held request does not hold up anyone else's", async () => {
    await injectFault({ endpoint: "oa.group.message", kind: "timeout", delayMs: 1500, groupId: "tdp-2" });
    const held = postToGroup("tdp-2", "held").catch((err: unknown) => err);
    await until(async () => (await activeFaults()).length === 0);
    const started = performance.now();
    expect(await (await postToGroup("tdp-1", "meanwhile")).json()).toMatchObject({ error: 0 });
    expect(await (await control("GET", "/sandbox/users")).json()).toMatchObject({ users: [{ id: user.id }] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await held).toBeInstanceOf(Error);
  });

  it("hits a request with a bad access token too: guards run before the token check", async () => {
    await injectFault({ endpoint: "oa.group.message", kind: "http-500" });
    expect((await postToGroup("tdp-1", "x", {}, "not-a-token")).status).toBe(500);
  });
});

describe("which requests a fault hits", () => {
  it("hits the next `times` matching requests, then lets the rest through", async () => {
    await injectFault({ endpoint: "oa.group.message", kind: "http-503", times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postToGroup("tdp-1", `try ${i}`)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it("with times null stays until deleted, one fault or all", async () => {
    const fault = await injectFault({ endpoint: "oa.group.message", kind: "http-500", times: null });
    expect(fault.remaining).toBeNull();
    for (let i = 0; i < 3; i++) expect((await postToGroup("tdp-1", "x")).status).toBe(500);
    expect(await activeFaults()).toMatchObject([{ id: fault.id, remaining: null }]);
    const deleted = await control("DELETE", `/sandbox/faults/${fault.id}`);
    expect(await deleted.json()).toEqual({ deleted: 1 });
    expect((await postToGroup("tdp-1", "x")).status).toBe(200);
    expect((await control("DELETE", `/sandbox/faults/${fault.id}`)).status).toBe(404);
    await injectFault({ endpoint: "*", kind: "http-500", times: null });
    await injectFault({ endpoint: "oa.message.cs", kind: "http-503" });
    expect(await (await control("DELETE", "/sandbox/faults")).json()).toEqual({ deleted: 2 });
    expect(await activeFaults()).toEqual([]);
  });

  it("narrowed to a group, hits only requests for that group", async () => {
    await injectFault({ endpoint: "oa.group.message", kind: "http-503", groupId: "tdp-2" });
    expect((await postToGroup("tdp-1", "x")).status).toBe(200);
    expect((await postToGroup("tdp-2", "x")).status).toBe(503);
  });

  it("narrowed to a user, hits only requests for that user, named by either of their ids", async () => {
    const other = ((await (await control("POST", "/sandbox/users", { name: "Ông Tư" })).json()) as { user: { id: string } }).user;
    for (const userId of [user.id, user.oaUserId]) {
      await injectFault({ endpoint: "oa.message.cs", kind: "zalo-230", userId: other.id });
      await injectFault({ endpoint: "oa.message.cs", kind: "http-503", userId });
      expect((await sendCs("x")).status).toBe(503);
      await control("DELETE", "/sandbox/faults");
    }
  });

  it('"*" hits every endpoint: graph /me, OAuth, the OA API and Mini App notifications', async () => {
    await injectFault({ endpoint: "*", kind: "http-500", times: 4 });
    const answers = await Promise.all([
      fetch(`${running.url}/v2.0/me`, {
        headers: { access_token: user.accessToken, appsecret_proof: appsecretProof("s", user.accessToken) },
      }),
      fetch(`${running.url}/v4/oa/access_token`, { method: "POST" }),
      fetch(`${running.url}/v3.0/oa/group/getgroupsofoa`, { headers: { access_token: TOKEN } }),
      fetch(`${running.url}/notification/template`, { method: "POST" }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([500, 500, 500, 500]);
  });

  it("names each endpoint on its own: a fault for one leaves the others alone", async () => {
    for (const endpoint of ["graph.me", "oauth.access_token", "oa.group.list", "oa.group.conversation", "miniapp.notification"]) {
      await injectFault({ endpoint, kind: "zalo-32" });
    }
    const me = await fetch(`${running.url}/v2.0/me`, {
      headers: { access_token: user.accessToken, appsecret_proof: appsecretProof("s", user.accessToken) },
    });
    const oauth = await fetch(`${running.url}/v4/oa/access_token`, { method: "POST" });
    const list = await fetch(`${running.url}/v3.0/oa/group/getgroupsofoa`, { headers: { access_token: TOKEN } });
    const history = await fetch(`${running.url}/v3.0/oa/group/conversation?group_id=tdp-1`, { headers: { access_token: TOKEN } });
    const notify = await fetch(`${running.url}/notification/template`, { method: "POST" });
    for (const res of [me, oauth, list, history, notify]) {
      expect(await res.json()).toEqual({ error: -32, message: "Rate limit exceeded" });
    }
    expect((await postToGroup("tdp-1", "untouched")).status).toBe(200);
  });
});

describe("closing the sandbox", () => {
  it("does not wait for requests a fault is holding: it cuts them", async () => {
    const other = await startSandbox({ port: 0, appId: "a", appSecret: "s", groups: [{ groupId: "g", name: "g" }] });
    await fetch(`${other.url}/sandbox/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ endpoint: "oa.group.message", kind: "timeout" }),
    });
    const held = fetch(`${other.url}/v3.0/oa/group/message`, {
      method: "POST",
      headers: { "Content-Type": "application/json", access_token: "hocso-sandbox-oa-token" },
      body: JSON.stringify({ recipient: { group_id: "g" }, message: { text: "held" } }),
    }).then(
      () => "answered",
      () => "cut",
    );
    await until(async () => {
      const { faults } = (await (await fetch(`${other.url}/sandbox/faults`)).json()) as { faults: unknown[] };
      return faults.length === 0;
    });
    const started = performance.now();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await held).toBe("cut");
  });
});

/** Polls until the condition holds (at most 2 s). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("condition never held");
}
