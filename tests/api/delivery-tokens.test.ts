// The OA's access token kept alive (ZALO.md §1.2): a token Zalo refuses (-216) or finds
// expired (-220) is refreshed once and the call retried once; the rotated refresh token is in
// oa_tokens before the new access token is used; twenty sends refused together cost one
// refresh; a refused refresh token is logged as needing an OA admin, never with a token in it.
import { createHash } from "node:crypto";
import { findOaTokens } from "@hocso/bot-server/db/oa-tokens";
import { createZaloHttp } from "@hocso/bot-server/platform/zalo-http";
import { OaTokenManager } from "@hocso/bot-server/platform/oa-token-manager";
import { refreshOaAccessToken } from "@hocso/bot-server/platform/zalo-oauth";
import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET } from "../support/api-harness.ts";
import {
  enqueue,
  groupMessages,
  injectFault,
  oaRefreshes,
  outboxRow,
  putGroup,
  revokeOaTokens,
  startDeliveryHarness,
  type DeliveryHarness,
  type DeliveryHarnessOptions,
} from "../support/delivery-harness.ts";

const SEED_ACCESS = "hocso-sandbox-oa-token";
const SEED_REFRESH = "hocso-sandbox-oa-refresh";
const GROUP = "sandbox-giai-phong";
const HOUR = 3_600_000;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let h: DeliveryHarness;
afterEach(() => h.stop());

async function start(options: DeliveryHarnessOptions = {}): Promise<void> {
  h = await startDeliveryHarness(options);
  await putGroup(h, GROUP);
}

describe("the token chain", () => {
  it("starts from the configured pair, valid 25 h from first use, without refreshing", async () => {
    await start();
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, id).state).toBe("sent");
    expect(await oaRefreshes(h)).toBe(0);
    expect(findOaTokens(h.db)).toEqual({
      accessToken: SEED_ACCESS,
      refreshToken: SEED_REFRESH,
      accessExpiresAt: new Date(h.clock.now().getTime() + 25 * HOUR).toISOString(),
      seedHash: sha256(SEED_REFRESH),
      refreshedAt: h.clock.now().toISOString(),
    });
  });

  it("refreshes once after -216, stores the rotated pair, and the retried send goes through", async () => {
    await start();
    await revokeOaTokens(h);
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();

    expect(outboxRow(h, id)).toMatchObject({ state: "sent", attempts: 1 });
    expect(await groupMessages(h, GROUP)).toHaveLength(1);
    expect(await oaRefreshes(h)).toBe(1);
    const stored = findOaTokens(h.db)!;
    expect(stored.refreshToken).not.toBe(SEED_REFRESH);
    expect(stored.accessToken).not.toBe(SEED_ACCESS);
    expect(stored.accessExpiresAt).toBe(new Date(h.clock.now().getTime() + 90_000_000).toISOString());
    expect(stored.seedHash).toBe(sha256(SEED_REFRESH));
  });

  it("spends the stored, rotated refresh token next time, and a restart carries on from it", async () => {
    await start();
    await revokeOaTokens(h);
    enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    const first = findOaTokens(h.db)!;

    const restarted = h.restart();
    enqueue(h, { recipient: GROUP });
    await restarted.runOnce();
    expect(await oaRefreshes(h)).toBe(1);

    await revokeOaTokens(h);
    enqueue(h, { recipient: GROUP });
    await restarted.runOnce();
    expect(await oaRefreshes(h)).toBe(2);
    const second = findOaTokens(h.db)!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await groupMessages(h, GROUP)).toHaveLength(3);
  });

  it("refreshes before use a token within 5 minutes of its end, so Zalo never sees it expired", async () => {
    await start();
    await h.tokens.accessToken();
    h.clock.advance(25 * HOUR - 4 * 60_000);
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, id).state).toBe("sent");
    expect(await oaRefreshes(h)).toBe(1);
  });

  it("refreshes after -220 (expired) and retries the send once", async () => {
    await start();
    await injectFault(h, { endpoint: "oa.group.message", kind: "zalo-220" });
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, id)).toMatchObject({ state: "sent", attempts: 1 });
    expect(await oaRefreshes(h)).toBe(1);
  });

  it("does not loop when Zalo refuses the fresh token too: the message is retried later", async () => {
    await start();
    await injectFault(h, { endpoint: "oa.group.message", kind: "zalo-216", times: 2 });
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(await oaRefreshes(h)).toBe(1);
    expect(outboxRow(h, id)).toMatchObject({
      state: "pending",
      inDoubt: false,
      lastError: "Zalo -216 from POST /v3.0/oa/group/message",
    });

    h.clock.advance(2_500);
    await h.sender.runOnce();
    expect(outboxRow(h, id).state).toBe("sent");
    expect(await oaRefreshes(h)).toBe(1);
  });

  it("restarts the chain from a new refresh token in the environment (an admin consented again)", async () => {
    await start();
    await revokeOaTokens(h);
    await h.tokens.refresh();
    // An admin's new consent: a fresh pair from Zalo, put in the environment.
    const consent = await refreshOaAccessToken(createZaloHttp(h.sandbox.url, 5_000), {
      appId: SANDBOX_APP_ID,
      appSecret: SANDBOX_APP_SECRET,
      refreshToken: SEED_REFRESH,
    });
    const manager = new OaTokenManager({
      db: h.db,
      clock: h.clock,
      logger: h.logs.logger,
      appId: SANDBOX_APP_ID,
      appSecret: SANDBOX_APP_SECRET,
      oa: { accessToken: consent.accessToken, refreshToken: consent.refreshToken, oauthUrl: h.sandbox.url },
      timeoutMs: 5_000,
    });
    expect(await manager.accessToken()).toBe(consent.accessToken);
    expect(findOaTokens(h.db)).toMatchObject({ refreshToken: consent.refreshToken, seedHash: sha256(consent.refreshToken) });
    const refreshes = await oaRefreshes(h);
    await manager.refresh();
    expect(await oaRefreshes(h)).toBe(refreshes + 1);
  });
});

describe("many sends at once", () => {
  it("twenty sends refused with the same revoked token cause exactly one refresh", async () => {
    await start({ env: { OUTBOX_CONCURRENCY: "20" } });
    const groups = Array.from({ length: 20 }, (_, i) => `nhom-${i + 1}`);
    for (const group of groups) await putGroup(h, group);
    await h.tokens.accessToken();
    await revokeOaTokens(h);
    const ids = groups.map((group) => enqueue(h, { recipient: group }));

    const report = await h.sender.runOnce();

    expect(report).toMatchObject({ claimed: 20, sent: 20 });
    expect(await oaRefreshes(h)).toBe(1);
    for (const group of groups) expect(await groupMessages(h, group)).toHaveLength(1);
    expect(ids.every((id) => outboxRow(h, id).attempts === 1)).toBe(true);
  });

  it("twenty callers asking for a refresh together share one", async () => {
    await start();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => h.tokens.refresh()));
    expect(new Set(tokens).size).toBe(1);
    expect(await oaRefreshes(h)).toBe(1);
    expect(findOaTokens(h.db)!.accessToken).toBe(tokens[0]);
  });
});

describe("when refreshing is impossible", () => {
  it("logs that an OA admin must consent again, without any token, and keeps the messages waiting", async () => {
    const lost = "a-refresh-token-zalo-no-longer-knows";
    await start({ env: { ZALO_SANDBOX_OA_REFRESH_TOKEN: lost } });
    await revokeOaTokens(h);
    const id = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();

    expect(outboxRow(h, id)).toMatchObject({ state: "pending", lastError: "OAuth -14014: OA consent needed" });
    expect(await groupMessages(h, GROUP)).toEqual([]);
    const error = h.logs.lines().find((l) => l.level === 50);
    expect(error).toMatchObject({ code: -14014 });
    expect(String(error!.msg)).toContain("an OA admin must consent again");
    expect(h.logs.text()).not.toContain(lost);
    expect(h.logs.text()).not.toContain(SEED_ACCESS);
  });

  it("uses the configured access token as is without a refresh token, warning once", async () => {
    await start({ configure: (c) => ({ ...c, zalo: { ...c.zalo, oa: { ...c.zalo.oa, refreshToken: null } } }) });
    const sent = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(outboxRow(h, sent).state).toBe("sent");
    expect(findOaTokens(h.db)).toBeUndefined();

    await revokeOaTokens(h);
    const refused = enqueue(h, { recipient: GROUP });
    await h.sender.runOnce();
    expect(await oaRefreshes(h)).toBe(0);
    expect(outboxRow(h, refused)).toMatchObject({ state: "pending", lastError: "Zalo -216 from POST /v3.0/oa/group/message" });
    const warnings = h.logs.lines().filter((l) => String(l.msg).includes("no ZALO_OA_REFRESH_TOKEN"));
    expect(warnings).toHaveLength(1);
  });
});
