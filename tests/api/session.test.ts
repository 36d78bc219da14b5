// POST /api/v1/session through a real Zalo sandbox: who the learner is comes from Zalo.
import { createHash } from "node:crypto";
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import { SessionResponseSchema } from "@hocso/shared/api";
import { startSandbox } from "@hocso/zalo-sandbox/sandbox";
import { createTestApp } from "@hocso/bot-server/testing/test-app";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, countRows, sandboxToken, sandboxUser, signIn, startApiHarness, type ApiHarness } from "../support/api-harness.ts";

let h: ApiHarness;

beforeEach(async () => {
  h = await startApiHarness();
});
afterEach(() => h.stop());

describe("POST /api/v1/session", () => {
  it("creates the learner on first sign-in (201) keyed on the id Zalo returned", async () => {
    const user = await sandboxUser(h);
    const res = await request(h.app).post("/api/v1/session").send({ accessToken: user.accessToken }).expect(201);
    const body = SessionResponseSchema.parse(res.body);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(body.expiresAt) - h.clock.now().getTime()).toBe(90 * 86_400_000);
    expect(body.me).toEqual({
      displayName: null,
      tdpId: null,
      audience: null,
      ageBand: null,
      guardianConfirmed: false,
      consents: {},
      certifiedOn: null,
      createdAt: h.clock.now().toISOString(),
    });
    const row = h.db.prepare("SELECT zalo_id, display_name FROM users").get();
    expect(row).toEqual({ zalo_id: user.zaloId, display_name: null });
  });

  it("signs the same Zalo user into the same learner (200) with a new session each time", async () => {
    const first = await signIn(h);
    const again = await request(h.app)
      .post("/api/v1/session")
      .send({ accessToken: await sandboxToken(h, first.zaloId) })
      .expect(200);
    expect(again.body.token).not.toBe(first.token);
    expect(countRows(h, "users")).toBe(1);
    expect(countRows(h, "sessions")).toBe(2);
    await request(h.app).get("/api/v1/me").set(bearer(first.token)).expect(200);
    await request(h.app).get("/api/v1/me").set(bearer(again.body.token as string)).expect(200);
  });

  it("stores only the SHA-256 of the session token", async () => {
    const { token } = await signIn(h);
    const rows = h.db.prepare("SELECT token_hash FROM sessions").all() as Array<{ token_hash: string }>;
    expect(rows).toEqual([{ token_hash: createHash("sha256").update(token).digest("hex") }]);
    const dump = JSON.stringify(h.db.prepare("SELECT * FROM sessions").all());
    expect(dump).not.toContain(token);
  });

  it("returns the learner's saved profile and consents when they sign in again", async () => {
    const first = await signIn(h);
    await request(h.app)
      .patch("/api/v1/me")
      .set(bearer(first.token))
      .send({ ageBand: "60-tro-len", consents: { progress: true }, consentVersion: CONSENT_TEXT_VERSION })
      .expect(200);
    const res = await request(h.app)
      .post("/api/v1/session")
      .send({ accessToken: await sandboxToken(h, first.zaloId) })
      .expect(200);
    expect(res.body.me).toMatchObject({ ageBand: "60-tro-len", consents: { progress: { granted: true } } });
  });

  it("answers 401 for a token Zalo never issued, and creates no one", async () => {
    const res = await request(h.app).post("/api/v1/session").send({ accessToken: "made-up-token" }).expect(401);
    expect(res.body.error.code).toBe("unauthorized");
    expect(countRows(h, "users")).toBe(0);
  });

  it("answers 401 for a Zalo token more than an hour old", async () => {
    const user = await sandboxUser(h);
    h.sandboxTime.now += 3600_000;
    await request(h.app).post("/api/v1/session").send({ accessToken: user.accessToken }).expect(401);
    expect(countRows(h, "users")).toBe(0);
  });

  it("answers 401 when Zalo rejects our appsecret_proof (a token for another app)", async () => {
    const wrongSecret = createTestApp({
      env: { ZALO_SANDBOX_URL: h.sandbox.url, ZALO_SANDBOX_APP_SECRET: "another-apps-secret" },
    });
    try {
      const user = await sandboxUser(h);
      const res = await request(wrongSecret.app).post("/api/v1/session").send({ accessToken: user.accessToken });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    } finally {
      wrongSecret.close();
    }
  });

  it("answers 502 upstream when Zalo cannot be reached, and creates no one", async () => {
    const gone = await startSandbox({ port: 0, appId: "a", appSecret: "hocso-sandbox-secret" });
    const url = gone.url;
    await gone.close();
    const t = createTestApp({ env: { ZALO_SANDBOX_URL: url } });
    try {
      const res = await request(t.app).post("/api/v1/session").send({ accessToken: "any-token" });
      expect(res.status).toBe(502);
      expect(res.body.error).toEqual({
        code: "upstream",
        message: "Zalo could not confirm who you are right now; try again shortly",
      });
      expect((t.db.prepare("SELECT count(*) AS n FROM users").get() as { n: number }).n).toBe(0);
      await request(t.app).get("/healthz").expect(200);
    } finally {
      t.close();
    }
  });

  it("answers 400 naming accessToken when it is missing or empty", async () => {
    const missing = await request(h.app).post("/api/v1/session").send({}).expect(400);
    expect(missing.body.error.fields).toEqual([{ path: "accessToken", message: expect.any(String) }]);
    const empty = await request(h.app).post("/api/v1/session").send({ accessToken: "" }).expect(400);
    expect(empty.body.error.fields[0].path).toBe("accessToken");
  });

  it("never trusts a Zalo id the client sends alongside the token", async () => {
    const user = await sandboxUser(h);
    const res = await request(h.app)
      .post("/api/v1/session")
      .send({ accessToken: user.accessToken, zaloId: "999999999999999999" })
      .expect(400);
    expect(res.body.error.fields).toEqual([{ path: "zaloId", message: "is not a known field" }]);
    expect(countRows(h, "users")).toBe(0);
  });

  it("answers 429 JSON once a client exceeds the sign-in rate limit", async () => {
    const limited = createTestApp({
      env: { ZALO_SANDBOX_URL: h.sandbox.url },
      configure: (c) => ({ ...c, sessionRateLimit: { windowMs: 60_000, limit: 2 } }),
    });
    try {
      for (let i = 0; i < 2; i++) {
        const user = await sandboxUser(h);
        await request(limited.app).post("/api/v1/session").send({ accessToken: user.accessToken }).expect(201);
      }
      const user = await sandboxUser(h);
      const res = await request(limited.app).post("/api/v1/session").send({ accessToken: user.accessToken });
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe("rate_limited");
      expect(res.headers["retry-after"]).toBeDefined();
    } finally {
      limited.close();
    }
  });

  it("lets a session expire after SESSION_TTL_DAYS", async () => {
    const { token } = await signIn(h);
    h.clock.advanceDays(90);
    await request(h.app).get("/api/v1/me").set(bearer(token)).expect(401);
  });
});
