// Serving the built mini app under /zapps/<id>/ the way Zalo does, with <base> injected.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.ts";

let t: TestApp;
const INDEX = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <title>Học Số</title>
    <script type="module" crossorigin src="./assets/index.abc123.module.js"></script>
  </head>
  <body><div id="app"></div></body>
</html>`;

function build(index = INDEX): void {
  const www = t.config.miniAppDir;
  mkdirSync(join(www, "assets"), { recursive: true });
  writeFileSync(join(www, "index.html"), index);
  writeFileSync(join(www, "assets", "index.abc123.module.js"), "console.log('app')");
  writeFileSync(join(www, "app-config.json"), "{}");
}

beforeEach(() => {
  t = createTestApp({ env: { MINI_APP_ID: "test-app-id" } });
});
afterEach(() => t.close());

describe("mini app static serving", () => {
  it("redirects / to the app's /zapps/<MINI_APP_ID>/ root", async () => {
    const res = await request(t.app).get("/").expect(302);
    expect(res.headers.location).toBe("/zapps/test-app-id/");
    expect((await request(t.app).get("/zapps/test-app-id").expect(302)).headers.location).toBe("/zapps/test-app-id/");
  });

  it("serves index.html with <base href> first in <head>, not cached", async () => {
    build();
    const res = await request(t.app).get("/zapps/test-app-id/").expect(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.text).toContain('<head><base href="/zapps/test-app-id/">\n    <meta charset="UTF-8" />');
    expect(res.text.match(/<base /g)).toHaveLength(1);
  });

  it("serves index.html for any route inside the app, so a deep link or reload works", async () => {
    build();
    for (const path of ["/zapps/test-app-id/lessons/vneid-muc-2", "/zapps/test-app-id/index.html"]) {
      const res = await request(t.app).get(path).expect(200);
      expect(res.text).toContain('<base href="/zapps/test-app-id/">');
    }
  });

  it("serves hashed assets with an immutable year-long cache", async () => {
    build();
    const res = await request(t.app).get("/zapps/test-app-id/assets/index.abc123.module.js").expect(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.text).toBe("console.log('app')");
  });

  it("answers 404 for a missing asset instead of the HTML page", async () => {
    build();
    const res = await request(t.app).get("/zapps/test-app-id/assets/gone.js").expect(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("serves other built files as they are", async () => {
    build();
    const res = await request(t.app).get("/zapps/test-app-id/app-config.json").expect(200);
    expect(res.body).toEqual({});
  });

  it("never serves files from outside the build folder or dotfiles", async () => {
    build();
    writeFileSync(join(t.config.miniAppDir, ".env"), "SECRET=1");
    for (const path of ["/zapps/test-app-id/..%2Fdata%2Fhocso.sqlite", "/zapps/test-app-id/.env"]) {
      const res = await request(t.app).get(path);
      expect(res.text).not.toContain("SECRET=1");
      expect(res.text).not.toContain("SQLite format");
    }
  });

  it("answers 503 JSON telling to run pnpm build when there is no build", async () => {
    const res = await request(t.app).get("/zapps/test-app-id/").expect(503);
    expect(res.body.error.code).toBe("unavailable");
    expect(res.body.error.message).toContain("pnpm build");
  });

  it("picks up a rebuilt index.html without a restart", async () => {
    build();
    await request(t.app).get("/zapps/test-app-id/").expect(200);
    build(INDEX.replace("<title>Học Số</title>", "<title>Bản mới</title>"));
    const res = await request(t.app).get("/zapps/test-app-id/");
    expect(res.text).toContain("<title>Bản mới</title>");
  });

  it("allows an inline script in index.html by its hash in the page's CSP", async () => {
    const script = 'window.APP_ID = "test-app-id";';
    build(INDEX.replace("</title>", `</title><script>${script}</script>`));
    const res = await request(t.app).get("/zapps/test-app-id/").expect(200);
    const { createHash } = await import("node:crypto");
    const hash = createHash("sha256").update(script).digest("base64");
    expect(res.headers["content-security-policy"]).toContain(`script-src 'self' 'sha256-${hash}'`);
  });
});
