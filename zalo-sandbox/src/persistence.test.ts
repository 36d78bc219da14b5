// ZALO_SANDBOX_STATE: users and tokens survive a restart of the sandbox.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appsecretProof } from "./graph/appsecret-proof.ts";
import { createSandbox, startSandbox } from "./sandbox.ts";
import { startWebhookReceiver } from "./testing/webhook-receiver.ts";

const dir = mkdtempSync(join(tmpdir(), "zalo-sandbox-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function post(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

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

  it("keeps OA ids, follows, the 7-day window and conversations across a restart", async () => {
    const statePath = join(dir, "oa-state.json");
    const receiver = await startWebhookReceiver();
    const options = { port: 0, appId: "a", appSecret: "s", statePath, webhookUrl: receiver.url };
    try {
      const first = await startSandbox(options);
      const { user } = (await (await post(first.url, "/sandbox/users", { name: "Bà Tư" })).json()) as {
        user: { id: string; oaUserId: string };
      };
      await post(first.url, `/sandbox/oa/users/${user.id}/follow`, {});
      await post(first.url, `/sandbox/oa/users/${user.id}/messages`, { text: "lich hoc" });
      await first.close();

      const second = await startSandbox(options);
      try {
        const { users } = (await (await fetch(`${second.url}/sandbox/users`)).json()) as { users: unknown[] };
        expect(users).toEqual([expect.objectContaining({ id: user.id, oaUserId: user.oaUserId, followsOa: true })]);
        const cs = await fetch(`${second.url}/v3.0/oa/message/cs`, {
          method: "POST",
          headers: { "Content-Type": "application/json", access_token: "hocso-sandbox-oa-token" },
          body: JSON.stringify({ recipient: { user_id: user.oaUserId }, message: { text: "Thứ Năm 19h" } }),
        });
        expect(await cs.json()).toMatchObject({ error: 0 });
        const conversation = await (await fetch(`${second.url}/sandbox/oa/users/${user.id}/conversation`)).json();
        expect(conversation).toMatchObject([{ text: "lich hoc" }, { text: "Thứ Năm 19h" }]);
      } finally {
        await second.close();
      }
    } finally {
      await receiver.close();
    }
  });

  it("upgrades a state file from before the OA: its users keep their ids and get an OA-scoped id that then stays", async () => {
    const statePath = join(dir, "v1.json");
    const v1 = {
      version: 1,
      users: [{ id: "207831651134224311", name: "Người học thử", createdAt: "2026-11-25T09:50:23.450Z" }],
      tokens: [],
    };
    writeFileSync(statePath, JSON.stringify(v1));
    const listUsers = async () => {
      const running = await startSandbox({ port: 0, appId: "a", appSecret: "s", statePath });
      try {
        return ((await (await fetch(`${running.url}/sandbox/users`)).json()) as { users: unknown[] }).users;
      } finally {
        await running.close();
      }
    };
    const upgraded = await listUsers();
    expect(upgraded).toEqual([
      { ...v1.users[0], oaUserId: expect.stringMatching(/^[1-9]\d{17}$/), followsOa: false, lastInteractionAt: null },
    ]);
    expect(await listUsers()).toEqual(upgraded);
  });

  it("loads a version 2 file into version 3: groups that had messages join the registry, with the OA in them", async () => {
    const statePath = join(dir, "v2.json");
    const member = {
      id: "207831651134224311",
      name: "Bà Tư",
      createdAt: "2026-11-25T09:50:23.450Z",
      oaUserId: "128955229345555578",
      followsOa: true,
      lastInteractionAt: "2026-11-25T09:51:00.000Z",
    };
    const v2 = {
      version: 2,
      users: [member],
      tokens: [],
      conversations: {
        users: {},
        groups: {
          "to-3": [
            { direction: "user→oa", text: "#lich", at: "2026-11-25T10:00:00.000Z", msgId: "0b4e6a2c9d8f1e3a5c7b", userId: member.id },
            { direction: "oa→group", text: "Thứ Bảy 19h", at: "2026-11-25T10:00:02.000Z", msgId: "734019846527301946" },
          ],
        },
      },
    };
    writeFileSync(statePath, JSON.stringify(v2));
    const running = await startSandbox({ port: 0, appId: "a", appSecret: "s", statePath });
    try {
      const { groups } = (await (await fetch(`${running.url}/sandbox/oa/groups`)).json()) as { groups: unknown[] };
      expect(groups).toEqual([{ groupId: "to-3", name: "to-3", status: "enabled", oaInGroup: true, messageCount: 2 }]);
      const history = await fetch(`${running.url}/v3.0/oa/group/conversation?group_id=to-3`, {
        headers: { access_token: "hocso-sandbox-oa-token" },
      });
      expect(await history.json()).toMatchObject({
        error: 0,
        data: [
          { message_id: "734019846527301946", src: 0, message: "Thứ Bảy 19h" },
          { src: 1, from_id: member.oaUserId, message: "#lich" },
        ],
      });
      const saved = JSON.parse(readFileSync(statePath, "utf8")) as Record<string, unknown>;
      expect(saved).toMatchObject({
        version: 3,
        users: [member],
        groups: [{ groupId: "to-3", name: "to-3", status: "enabled", oaInGroup: true, createdAt: "2026-11-25T10:00:00.000Z" }],
        oa: { accessTokens: [], refreshTokens: [], refreshes: 0 },
      });
    } finally {
      await running.close();
    }
  });

  it("keeps registered groups and their settings across a restart, and does not reseed over them", async () => {
    const statePath = join(dir, "groups.json");
    const options = { port: 0, appId: "a", appSecret: "s", statePath, groups: [{ groupId: "tdp-9", name: "Seeded" }] };
    const first = await startSandbox(options);
    await fetch(`${first.url}/sandbox/oa/groups/tdp-9`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "TDP 9", status: "disabled" }),
    });
    await first.close();
    const second = await startSandbox(options);
    try {
      const { groups } = (await (await fetch(`${second.url}/sandbox/oa/groups`)).json()) as { groups: unknown[] };
      expect(groups).toEqual([{ groupId: "tdp-9", name: "TDP 9", status: "disabled", oaInGroup: true, messageCount: 0 }]);
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
