// Graph /v2.0/me as the bot server sees it: real HTTP against a sandbox on a free port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsecretProof } from "./graph/appsecret-proof.ts";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";

const APP_SECRET = "test-secret";
let now = Date.parse("2026-11-28T01:00:00Z");
let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox({ port: 0, appId: "test-app", appSecret: APP_SECRET, now: () => now });
});
afterAll(() => running.close());

async function newUser(name = "Trần Văn Minh"): Promise<{ id: string; accessToken: string }> {
  const res = await fetch(`${running.url}/sandbox/users`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  const body = (await res.json()) as { user: { id: string }; accessToken: string };
  return { id: body.user.id, accessToken: body.accessToken };
}

async function getMe(headers: Record<string, string>, fields = "id,name,picture"): Promise<Response> {
  return fetch(`${running.url}/v2.0/me?fields=${fields}`, { headers });
}

function signed(accessToken: string, secret = APP_SECRET): Record<string, string> {
  return { access_token: accessToken, appsecret_proof: appsecretProof(secret, accessToken) };
}

describe("GET /v2.0/me", () => {
  it("answers Zalo's flat success body for a valid token and proof", async () => {
    const user = await newUser();
    const res = await getMe(signed(user.accessToken));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      error: 0,
      message: "Success",
      id: user.id,
      name: "Trần Văn Minh",
      picture: { data: { url: `${running.url}/sandbox/avatars/${user.id}.svg` } },
    });
    expect(user.id).toMatch(/^[1-9]\d{17}$/);
  });

  it("returns only the fields asked for, always with the id", async () => {
    const user = await newUser();
    const body = await (await getMe(signed(user.accessToken), "id")).json();
    expect(body).toEqual({ error: 0, message: "Success", id: user.id });
  });

  it("answers -216 on HTTP 200 when the access_token header is missing", async () => {
    const res = await getMe({ appsecret_proof: appsecretProof(APP_SECRET, "") });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ error: -216, message: "Access token is invalid" });
  });

  it("answers -216 for a token the sandbox never issued", async () => {
    const res = await getMe(signed("not-a-real-token"));
    expect(await res.json()).toEqual({ error: -216, message: "Access token is invalid" });
  });

  it("answers -216 once a user token is an hour old, and accepts it a minute before", async () => {
    const user = await newUser();
    now += 59 * 60_000;
    expect(((await (await getMe(signed(user.accessToken))).json()) as { error: number }).error).toBe(0);
    now += 60_000;
    expect(await (await getMe(signed(user.accessToken))).json()).toEqual({ error: -216, message: "Access token is invalid" });
  });

  it("answers -242 when appsecret_proof is missing", async () => {
    const user = await newUser();
    const res = await getMe({ access_token: user.accessToken });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { error: number }).error).toBe(-242);
  });

  it("answers -242 when appsecret_proof was signed with another secret or for another token", async () => {
    const user = await newUser();
    const other = await newUser();
    const wrongSecret = await getMe(signed(user.accessToken, "someone-elses-secret"));
    expect(((await wrongSecret.json()) as { error: number }).error).toBe(-242);
    const otherToken = await getMe({
      access_token: user.accessToken,
      appsecret_proof: appsecretProof(APP_SECRET, other.accessToken),
    });
    expect(((await otherToken.json()) as { error: number }).error).toBe(-242);
  });
});
