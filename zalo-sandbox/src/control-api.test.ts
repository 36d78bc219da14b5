// The sandbox's own control API: creating users and tokens the way the mini app does in a
// desktop browser, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appsecretProof } from "./graph/appsecret-proof.ts";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";

let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox({ port: 0, appId: "test-app", appSecret: "s" });
});
afterAll(() => running.close());

function post(path: string, body?: string, contentType = "application/json"): Promise<Response> {
  return fetch(`${running.url}${path}`, {
    method: "POST",
    headers: body === undefined ? {} : { "Content-Type": contentType },
    body,
  });
}

describe("sandbox control API", () => {
  it("creates a user with an 18-digit id and a one-hour token", async () => {
    const res = await post("/sandbox/users", JSON.stringify({ name: "Lê Thị Hoa" }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { user: { id: string; name: string }; accessToken: string; expiresIn: number };
    expect(body.user).toEqual({
      id: expect.stringMatching(/^[1-9]\d{17}$/),
      name: "Lê Thị Hoa",
      oaUserId: expect.stringMatching(/^[1-9]\d{17}$/),
      followsOa: false,
    });
    expect(body.accessToken.length).toBeGreaterThan(20);
    expect(body.expiresIn).toBe(3600);
  });

  it("creates a user with a default name when the body is empty", async () => {
    const res = await post("/sandbox/users");
    expect(res.status).toBe(201);
    const body = (await res.json()) as { user: { name: string } };
    expect(body.user.name).toMatch(/^Cư dân thử \d+$/);
  });

  it("issues another working token for an existing user", async () => {
    const created = (await (await post("/sandbox/users", "{}")).json()) as { user: { id: string }; accessToken: string };
    const res = await post(`/sandbox/users/${created.user.id}/tokens`);
    expect(res.status).toBe(201);
    const again = (await res.json()) as { user: { id: string }; accessToken: string };
    expect(again.user.id).toBe(created.user.id);
    expect(again.accessToken).not.toBe(created.accessToken);
    const me = await fetch(`${running.url}/v2.0/me?fields=id`, {
      headers: { access_token: again.accessToken, appsecret_proof: appsecretProof("s", again.accessToken) },
    });
    expect(await me.json()).toMatchObject({ error: 0, id: created.user.id });
  });

  it("answers 404 JSON when asked for a token of an unknown user", async () => {
    const res = await post("/sandbox/users/123456789012345678/tokens");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("lists the users it holds", async () => {
    const created = (await (await post("/sandbox/users", JSON.stringify({ name: "Phạm Văn Tư" }))).json()) as {
      user: { id: string };
    };
    const res = await fetch(`${running.url}/sandbox/users`);
    const body = (await res.json()) as { users: Array<{ id: string; name: string }> };
    expect(body.users).toContainEqual(expect.objectContaining({ id: created.user.id, name: "Phạm Văn Tư" }));
  });

  it("rejects a body with a bad name or an unknown field with 400 naming the field", async () => {
    const blank = await post("/sandbox/users", JSON.stringify({ name: "   " }));
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ error: { code: "bad_request", fields: [{ path: "name" }] } });
    const extra = await post("/sandbox/users", JSON.stringify({ name: "A", zaloId: "1" }));
    expect(extra.status).toBe(400);
    const body = (await extra.json()) as { error: { fields: Array<{ path: string; message: string }> } };
    expect(body.error.fields[0]?.message).toContain("zaloId");
  });

  it("answers 400 JSON for malformed JSON and keeps serving", async () => {
    const res = await post("/sandbox/users", "{name:");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
    expect((await post("/sandbox/users", "{}")).status).toBe(201);
  });

  it("allows any origin, including the preflight a browser sends before a JSON POST", async () => {
    const preflight = await fetch(`${running.url}/sandbox/users`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://127.0.0.1:3000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/content-type/i);
    const res = await fetch(`${running.url}/sandbox/users`, { headers: { Origin: "http://127.0.0.1:3000" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 404 JSON for a path it does not know", async () => {
    const res = await fetch(`${running.url}/v3.0/oa/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
