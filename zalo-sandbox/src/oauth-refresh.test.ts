// OAuth v4 token refresh for the Official Account (ZALO.md §1.2) as the bot server meets it:
// a form POST with the secret in a header, a new pair every time, the old refresh token dead
// at once, access tokens that expire after 25 h (-220) or are revoked (-216), over real HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";

const APP_ID = "test-app";
const APP_SECRET = "test-secret";
const CONFIGURED = "test-oa-token";
const SEED = "test-seed-refresh";
const HOUR = 60 * 60 * 1000;
const START = Date.parse("2026-11-28T01:00:00Z");
const clock = { now: START };
let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox({
    port: 0,
    appId: APP_ID,
    appSecret: APP_SECRET,
    oaAccessToken: CONFIGURED,
    oaRefreshToken: SEED,
    now: () => clock.now,
    groups: [{ groupId: "tdp-1", name: "TDP 1" }],
  });
});
afterAll(() => running.close());

interface Grant {
  access_token: string;
  refresh_token: string;
  expires_in: string;
}

async function refresh(
  refreshToken: string,
  options: { secret?: string | null; appId?: string; form?: Record<string, string>; contentType?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const form = options.form ?? { refresh_token: refreshToken, app_id: options.appId ?? APP_ID, grant_type: "refresh_token" };
  const secret = options.secret === undefined ? APP_SECRET : options.secret;
  const res = await fetch(`${running.url}/v4/oa/access_token`, {
    method: "POST",
    headers: {
      "Content-Type": options.contentType ?? "application/x-www-form-urlencoded",
      ...(secret === null ? {} : { secret_key: secret }),
    },
    body: options.contentType === "application/json" ? JSON.stringify(form) : new URLSearchParams(form),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function grant(refreshToken = SEED): Promise<Grant> {
  const { json } = await refresh(refreshToken);
  return json as unknown as Grant;
}

/** An OA API call with this token: what the bot server's sender would make. */
async function oaCall(accessToken: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${running.url}/v3.0/oa/group/message`, {
    method: "POST",
    headers: { "Content-Type": "application/json", access_token: accessToken },
    body: JSON.stringify({ recipient: { group_id: "tdp-1" }, message: { text: "Nhắc lịch" } }),
  });
  return (await res.json()) as Record<string, unknown>;
}

function oauthFailure(error: number, name: string) {
  return { error, error_name: name, error_reason: expect.any(String), error_description: expect.stringContaining(name) };
}

describe("POST /v4/oa/access_token (grant_type=refresh_token)", () => {
  it("answers a new access token, a new refresh token and expires_in as the string \"90000\"", async () => {
    const { status, json } = await refresh(SEED);
    expect(status).toBe(200);
    expect(json).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: "90000" });
    expect(json.access_token).not.toBe(json.refresh_token);
    expect(await oaCall(json.access_token as string)).toMatchObject({ error: 0 });
  });

  it("rotates: the refresh token used dies at once, the new one works once, and every pair is new", async () => {
    const first = await grant();
    const second = await grant(first.refresh_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(200);
    expect(reused.json).toEqual(oauthFailure(-14014, "Invalid refresh token"));
    expect(reused.json.error_reason).toMatch(/already used/);
    const third = await grant(second.refresh_token);
    expect(await oaCall(third.access_token)).toMatchObject({ error: 0 });
    // the access token of an earlier grant keeps working until it expires
    expect(await oaCall(first.access_token)).toMatchObject({ error: 0 });
  });

  it("keeps accepting the seed refresh token, which stands for an OA admin consenting again", async () => {
    const a = await grant(SEED);
    const b = await grant(SEED);
    expect(a.access_token).not.toBe(b.access_token);
    expect(await oaCall(b.access_token)).toMatchObject({ error: 0 });
  });

  it("refuses an unknown refresh token and one over 3 months old with -14014", async () => {
    expect((await refresh("never-issued")).json).toEqual(oauthFailure(-14014, "Invalid refresh token"));
    const old = await grant();
    const start = clock.now;
    try {
      clock.now = start + 90 * 24 * HOUR;
      const expired = await refresh(old.refresh_token);
      expect(expired.json).toEqual(oauthFailure(-14014, "Invalid refresh token"));
      expect(expired.json.error_reason).toMatch(/3 months/);
    } finally {
      clock.now = start;
    }
  });

  it("refuses a wrong or missing secret_key, a wrong app_id and missing fields without spending the refresh token", async () => {
    const held = await grant();
    const cases: Array<[Parameters<typeof refresh>[1], unknown]> = [
      [{ secret: "someone-elses-secret" }, oauthFailure(-14014, "Invalid secret key")],
      [{ secret: null }, oauthFailure(-14014, "Invalid secret key")],
      [{ appId: "another-app" }, oauthFailure(-14002, "Invalid app_id")],
      [{ form: { refresh_token: held.refresh_token, app_id: APP_ID } }, oauthFailure(-14003, "Invalid parameter")],
      [{ form: { app_id: APP_ID, grant_type: "refresh_token" } }, oauthFailure(-14003, "Invalid parameter")],
      [
        { form: { refresh_token: held.refresh_token, app_id: APP_ID, grant_type: "authorization_code" } },
        oauthFailure(-14003, "Invalid parameter"),
      ],
      [{ contentType: "application/json" }, oauthFailure(-14003, "Invalid parameter")],
    ];
    for (const [options, answer] of cases) {
      const { status, json } = await refresh(held.refresh_token, options);
      expect(status).toBe(200);
      expect(json).toEqual(answer);
    }
    expect((await refresh(held.refresh_token)).json).toMatchObject({ expires_in: "90000" });
  });
});

describe("OA access tokens", () => {
  it("answers -220 once the configured token is 25 h old, and accepts it a minute before", async () => {
    const start = clock.now;
    try {
      clock.now = START + 25 * HOUR - 60_000;
      expect(await oaCall(CONFIGURED)).toMatchObject({ error: 0 });
      clock.now = START + 25 * HOUR;
      expect(await oaCall(CONFIGURED)).toEqual({ error: -220, message: "Access token has expired" });
      const fresh = await grant();
      expect(await oaCall(fresh.access_token)).toMatchObject({ error: 0 });
    } finally {
      clock.now = start;
    }
  });

  it("gives a refreshed token 25 h too, then -220", async () => {
    const start = clock.now;
    try {
      const fresh = await grant();
      clock.now = start + 25 * HOUR - 1;
      expect(await oaCall(fresh.access_token)).toMatchObject({ error: 0 });
      clock.now = start + 25 * HOUR;
      expect(await oaCall(fresh.access_token)).toEqual({ error: -220, message: "Access token has expired" });
    } finally {
      clock.now = start;
    }
  });

  it("answers -216 for a token the sandbox never issued", async () => {
    expect(await oaCall("made-up-token")).toEqual({ error: -216, message: "Access token is invalid" });
  });
});

describe("POST /sandbox/oa/tokens/revoke and GET /sandbox/oa/tokens", () => {
  it("revokes every current access token, the configured one too (-216), until a refresh issues a new one", async () => {
    const before = await grant();
    expect(await oaCall(CONFIGURED)).toMatchObject({ error: 0 });
    const res = await fetch(`${running.url}/sandbox/oa/tokens/revoke`, { method: "POST" });
    expect(res.status).toBe(200);
    const { revoked } = (await res.json()) as { revoked: number };
    expect(revoked).toBeGreaterThanOrEqual(2);
    for (const token of [CONFIGURED, before.access_token]) {
      expect(await oaCall(token)).toEqual({ error: -216, message: "Access token is invalid" });
    }
    const again = await fetch(`${running.url}/sandbox/oa/tokens/revoke`, { method: "POST" });
    expect(await again.json()).toEqual({ revoked: 0 });
    // the refresh token of the revoked grant still works, and its new access token too
    const after = await grant(before.refresh_token);
    expect(await oaCall(after.access_token)).toMatchObject({ error: 0 });
  });

  it("lists access tokens by their last 4 characters only, with expiry and revocation, and counts refreshes", async () => {
    const list = async () => {
      const text = await (await fetch(`${running.url}/sandbox/oa/tokens`)).text();
      return { text, body: JSON.parse(text) as { accessTokens: Array<Record<string, unknown>>; refreshes: number } };
    };
    await fetch(`${running.url}/sandbox/oa/tokens/revoke`, { method: "POST" });
    const before = (await list()).body.refreshes;
    const fresh = await grant();
    const { text, body } = await list();
    expect(text).not.toContain(fresh.access_token);
    expect(text).not.toContain(CONFIGURED);
    expect(body.refreshes).toBe(before + 1);
    expect(body.accessTokens[0]).toEqual({
      expiresAt: new Date(START + 25 * HOUR).toISOString(),
      revoked: true,
      suffix: CONFIGURED.slice(-4),
    });
    expect(body.accessTokens.at(-1)).toEqual({
      expiresAt: new Date(clock.now + 25 * HOUR).toISOString(),
      revoked: false,
      suffix: fresh.access_token.slice(-4),
    });
  });
});

describe("OA tokens in the state file", () => {
  const dir = mkdtempSync(join(tmpdir(), "zalo-sandbox-oauth-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps issued access and refresh tokens across a restart, a used refresh token stays used", async () => {
    const options = { port: 0, appId: APP_ID, appSecret: APP_SECRET, statePath: join(dir, "state.json"), groups: [{ groupId: "g", name: "G" }] };
    const first = await startSandbox(options);
    const form = (rt: string) => new URLSearchParams({ refresh_token: rt, app_id: APP_ID, grant_type: "refresh_token" });
    const post = (base: string, rt: string) =>
      fetch(`${base}/v4/oa/access_token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", secret_key: APP_SECRET },
        body: form(rt),
      }).then((r) => r.json() as Promise<Record<string, string>>);
    const a = await post(first.url, "hocso-sandbox-oa-refresh");
    const b = await post(first.url, a.refresh_token!);
    await first.close();

    const second = await startSandbox(options);
    try {
      const sendWith = (token: string) =>
        fetch(`${second.url}/v3.0/oa/group/message`, {
          method: "POST",
          headers: { "Content-Type": "application/json", access_token: token },
          body: JSON.stringify({ recipient: { group_id: "g" }, message: { text: "hi" } }),
        }).then((r) => r.json());
      expect(await sendWith(b.access_token!)).toMatchObject({ error: 0 });
      expect(await post(second.url, a.refresh_token!)).toMatchObject({ error: -14014 });
      expect(await post(second.url, b.refresh_token!)).toMatchObject({ expires_in: "90000" });
    } finally {
      await second.close();
    }
  });
});
