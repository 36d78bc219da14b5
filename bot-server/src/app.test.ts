// The HTTP surface that needs no Zalo: health, public config, the error contract for client
// mistakes, unknown routes and security headers. Real app, real SQLite file.
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEnv } from "./env.ts";
import { wardFile } from "./lib/content.ts";
import { createTestApp, type TestApp } from "./testing/test-app.ts";

let t: TestApp;

/** Zalo credentials (not real ones): the app and the ward's Official Account. */
const LIVE_ENV = {
  ZALO_APP_ID: "1",
  ZALO_APP_SECRET: "s",
  ZALO_OA_ID: "2",
  ZALO_OA_SECRET_KEY: "k",
  ZALO_OA_ACCESS_TOKEN: "t",
};

beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

describe("GET /healthz", () => {
  it("answers ok and the Zalo mode after checking the database", async () => {
    const res = await request(t.app).get("/healthz").expect(200);
    expect(res.body).toEqual({ status: "ok", zalo: "sandbox" });
  });

  it("answers 503 when the database is gone", async () => {
    t.db.close();
    const res = await request(t.app).get("/healthz").expect(503);
    expect(res.body).toEqual({ status: "unavailable", zalo: "sandbox" });
    t = { ...t, close: () => undefined };
  });

  it("reports live mode when Zalo credentials are set", async () => {
    const live = createTestApp({ env: LIVE_ENV });
    try {
      expect((await request(live.app).get("/healthz")).body).toEqual({ status: "ok", zalo: "live" });
    } finally {
      live.close();
    }
  });
});

describe("GET /api/v1/config", () => {
  it("gives the ward name, every TDP and the sandbox URL in sandbox mode", async () => {
    const res = await request(t.app).get("/api/v1/config").expect(200);
    expect(res.body).toEqual({
      wardName: wardFile.name,
      residentialGroups: wardFile.residentialGroups.map((g) => ({ id: g.id, name: g.name })),
      sandbox: { url: "http://127.0.0.1:3900" },
    });
  });

  it("gives no sandbox with real Zalo credentials", async () => {
    const live = createTestApp({ env: LIVE_ENV });
    try {
      expect((await request(live.app).get("/api/v1/config")).body.sandbox).toBeNull();
    } finally {
      live.close();
    }
  });
});

describe("client mistakes get JSON errors, never a 500", () => {
  it("answers 400 bad_request with a request id for malformed JSON", async () => {
    const res = await request(t.app)
      .post("/api/v1/session")
      .set("Content-Type", "application/json")
      .send('{"accessToken": ')
      .expect(400);
    expect(res.body).toEqual({
      error: { code: "bad_request", message: "The body is not valid JSON" },
      requestId: res.headers["x-request-id"],
    });
  });

  it("answers 413 for a 17 kB body and keeps serving afterwards", async () => {
    const big = JSON.stringify({ accessToken: "x".repeat(17 * 1024) });
    const res = await request(t.app).post("/api/v1/session").set("Content-Type", "application/json").send(big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
    await request(t.app).get("/healthz").expect(200);
    await request(t.app).get("/api/v1/config").expect(200);
  });

  it("answers 400 naming the body when it is not sent as JSON", async () => {
    const res = await request(t.app).post("/api/v1/session").set("Content-Type", "text/plain").send("token").expect(400);
    expect(res.body.error.fields).toEqual([{ path: "(body)", message: "missing" }]);
  });

  it("answers 400 naming each bad field, including unknown ones", async () => {
    const res = await request(t.app).post("/api/v1/session").send({ accessToken: "", zaloId: "1" }).expect(400);
    const paths = (res.body.error.fields as Array<{ path: string }>).map((f) => f.path).sort();
    expect(paths).toEqual(["accessToken", "zaloId"]);
  });

  it("answers 400, not 500, for a URL with broken percent-encoding", async () => {
    const api = await request(t.app).put("/api/v1/progress/%E0%A4%A").send({}).expect(400);
    expect(api.body.error).toEqual({ code: "bad_request", message: "The URL has invalid percent-encoding" });
    await request(t.app).get("/zapps/hocso-local/%E0%A4%A").expect(400);
  });

  it("answers 400 for a body in an encoding or charset the server does not read", async () => {
    const encoding = await request(t.app)
      .post("/api/v1/session")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      .send("not gzip")
      .expect(400);
    expect(encoding.body.error.code).toBe("bad_request");
    await request(t.app)
      .post("/api/v1/session")
      .set("Content-Type", "application/json; charset=latin9")
      .send("{}")
      .expect(400);
  });

  it("answers 404 JSON for an unknown API route and for an unknown page", async () => {
    const api = await request(t.app).get("/api/v1/lessons").expect(404);
    expect(api.body.error).toEqual({ code: "not_found", message: "Nothing at GET /api/v1/lessons" });
    const page = await request(t.app).get("/wp-login.php").expect(404);
    expect(page.body.error.code).toBe("not_found");
  });

  it("answers 405 with an Allow header for a method a route does not take", async () => {
    const res = await request(t.app).put("/api/v1/me").expect(405);
    expect(res.headers.allow).toBe("GET, PATCH, DELETE");
    expect(res.body.error.code).toBe("method_not_allowed");
    expect(res.body.error.message).toContain("use GET or PATCH or DELETE");
    expect((await request(t.app).get("/api/v1/session").expect(405)).headers.allow).toBe("POST");
  });

  it("answers 401 with WWW-Authenticate when a learner route has no or an unknown session", async () => {
    const none = await request(t.app).get("/api/v1/me").expect(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(none.body.error.code).toBe("unauthorized");
    await request(t.app).get("/api/v1/progress").set("Authorization", `Bearer ${"a".repeat(43)}`).expect(401);
    await request(t.app).put("/api/v1/progress/x").set("Authorization", "Basic abc").send({}).expect(401);
  });

  it("echoes a sane X-Request-Id and replaces one that is not", async () => {
    const kept = await request(t.app).get("/api/v1/nope").set("X-Request-Id", "abc-123");
    expect(kept.headers["x-request-id"]).toBe("abc-123");
    expect(kept.body.requestId).toBe("abc-123");
    const replaced = await request(t.app).get("/api/v1/nope").set("X-Request-Id", "<script>");
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("security headers", () => {
  it("sends helmet's headers and a CSP that lets the mini app reach the sandbox", async () => {
    const res = await request(t.app).get("/healthz");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-powered-by"]).toBeUndefined();
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:3900");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("allows no sandbox origin in live mode", async () => {
    const live = createTestApp({ env: LIVE_ENV });
    try {
      const csp = (await request(live.app).get("/healthz")).headers["content-security-policy"] as string;
      expect(csp).toMatch(/connect-src 'self'(;|$)/);
      expect(csp).toContain("upgrade-insecure-requests");
    } finally {
      live.close();
    }
  });
});

describe("calls from the mini app inside Zalo", () => {
  it("allows the Zalo web view's origin to call the API cross-origin, and no other", async () => {
    const allowed = await request(t.app)
      .options("/api/v1/me")
      .set("Origin", "https://h5.zdn.vn")
      .set("Access-Control-Request-Method", "PATCH")
      .set("Access-Control-Request-Headers", "authorization,content-type");
    expect(allowed.status).toBe(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://h5.zdn.vn");
    expect(allowed.headers["access-control-allow-headers"]).toMatch(/Authorization/);

    const other = await request(t.app).get("/api/v1/config").set("Origin", "https://evil.example");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("refuses to start with a CORS origin that is not https", () => {
    expect(() => loadEnv({ CORS_ORIGINS: "http://h5.zdn.vn" })).toThrow(/CORS_ORIGINS/);
  });
});
