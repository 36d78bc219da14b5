// The sandbox's web page over real HTTP: readable, and safe whatever a user is called.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./sandbox.ts";

let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox({ port: 0, appId: "test-app", appSecret: "s" });
});
afterAll(() => running.close());

describe("sandbox home page", () => {
  it("says there are no users yet on a fresh sandbox", async () => {
    const res = await fetch(`${running.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain("Zalo sandbox");
    expect(page).toContain("No users yet");
  });

  it("lists each user with their id and escapes names instead of running them", async () => {
    const created = await fetch(`${running.url}/sandbox/users`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: `<script>alert("x")</script> Bà Năm` }),
    });
    const { user } = (await created.json()) as { user: { id: string } };
    const page = await (await fetch(`${running.url}/`)).text();
    expect(page).toContain(user.id);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Bà Năm");
    expect(page).not.toContain("<script>");
  });
});
