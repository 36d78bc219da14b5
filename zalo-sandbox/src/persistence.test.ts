// ZALO_SANDBOX_STATE: users and tokens survive a restart of the sandbox.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appsecretProof } from "./graph/appsecret-proof.ts";
import { createSandbox, startSandbox } from "./sandbox.ts";

const dir = mkdtempSync(join(tmpdir(), "zalo-sandbox-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sandbox state file", () => {
  it("keeps users and their tokens across a restart", async () => {
    const statePath = join(dir, "nested", "state.json");
    const options = { port: 0, appId: "a", appSecret: "s", statePath };
    const first = await startSandbox(options);
    const created = (await (
      await fetch(`${first.url}/sandbox/users`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Ông Sáu" }),
      })
    ).json()) as { user: { id: string }; accessToken: string };
    await first.close();

    const second = await startSandbox(options);
    try {
      const me = await fetch(`${second.url}/v2.0/me?fields=id,name`, {
        headers: { access_token: created.accessToken, appsecret_proof: appsecretProof("s", created.accessToken) },
      });
      expect(await me.json()).toEqual({ error: 0, message: "Success", id: created.user.id, name: "Ông Sáu" });
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a corrupt state file and names it", () => {
    const statePath = join(dir, "corrupt.json");
    writeFileSync(statePath, "{ not json");
    expect(() => createSandbox({ appId: "a", appSecret: "s", statePath })).toThrow(statePath);
  });
});
