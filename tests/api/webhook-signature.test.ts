// POST /webhooks/zalo-oa, the door: only events Zalo signed (X-ZEvent-Signature: mac = sha256 of
// id + raw body + timestamp + secret), recent, and well-formed get in; everything else is
// refused with JSON and leaves nothing behind. Signatures here are computed by the test itself.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findInboxEventByKey } from "@hocso/bot-server/db/webhook-inbox";
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET } from "../support/api-harness.ts";
import {
  captureLogs,
  inboxCount,
  keyOf,
  newResident,
  postSigned,
  SANDBOX_OA_ID,
  settled,
  sign,
  startWebhookHarness,
  textEvent,
  WEBHOOK,
  writes,
  type CapturedLogs,
  type WebhookHarness,
} from "../support/webhook-harness.ts";

let h: WebhookHarness;
let logs: CapturedLogs;

beforeEach(async () => {
  logs = captureLogs();
  h = await startWebhookHarness({ logger: logs.logger });
});
afterEach(() => h.stop());

function storedLogLines() {
  return logs.lines().filter((l) => l.msg === "webhook event stored");
}

describe("the webhook signature", () => {
  it("accepts an event signed with app id + raw body + timestamp + OA secret key, answers 200 {ok:true} and stores it once", async () => {
    const event = textEvent(h, { msgId: "a1" });
    const res = await postSigned(h, event).expect(200);
    expect(res.body).toEqual({ ok: true });
    expect(findInboxEventByKey(h.db, "msg:a1")).toMatchObject({ eventName: "user_send_text" });
    expect(inboxCount(h)).toBe(1);
    expect(storedLogLines()[0]).toMatchObject({ signatureKey: "oa-secret", signaturePrefix: "app-id", key: "msg:a1" });
  });

  it("accepts the check value the sandbox documents (docs/API.md), byte for byte", async () => {
    const raw =
      '{"app_id":"hocso-sandbox-app","user_id_by_app":"319191484855333945","event_name":"user_send_text",' +
      '"timestamp":"1795852800000","sender":{"id":"128955229345555578"},"recipient":{"id":"2000000000000000001"},' +
      '"message":{"text":"lich hoc","msg_id":"5f0c3b9a1d2e4f60a7b8"}}';
    const header = "mac=e2821710e84ef71a76ac7970dfb8833f0e6d370cb4d9cda9a2c23772d66e4731";
    h.clock.advance(Date.parse("2026-11-28T08:00:00Z") - h.clock.now().getTime());
    await postSigned(h, raw, { header }).expect(200);
    expect(findInboxEventByKey(h.db, "msg:5f0c3b9a1d2e4f60a7b8")?.eventName).toBe("user_send_text");
  });

  it("refuses a signature made with another key: 401 JSON and nothing stored", async () => {
    const res = await postSigned(h, textEvent(h), { secret: "not-the-oa-secret" }).expect(401);
    expect(res.body.error).toEqual({ code: "unauthorized", message: "The signature does not match this body" });
    expect(inboxCount(h)).toBe(0);
  });

  it("refuses a body changed by one byte after it was signed", async () => {
    const raw = JSON.stringify(textEvent(h, { text: "lich hoc" }));
    const header = sign(raw, { timestamp: String(h.clock.now().getTime()) });
    const changed = raw.replace("lich hoc", "lich hod");
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(raw));
    await postSigned(h, changed, { header }).expect(401);
    await postSigned(h, raw, { header }).expect(200);
    expect(inboxCount(h)).toBe(1);
  });

  it("refuses a request without X-ZEvent-Signature, or with one that is not mac=<64 hex>", async () => {
    const missing = await postSigned(h, textEvent(h), { header: null }).expect(401);
    expect(missing.body.error.message).toContain("X-ZEvent-Signature");
    await postSigned(h, textEvent(h), { header: "mac=xyz" }).expect(401);
    await postSigned(h, textEvent(h), { header: `sha1=${"a".repeat(64)}` }).expect(401);
    expect(inboxCount(h)).toBe(0);
  });

  it("refuses a correctly signed event older than WEBHOOK_MAX_AGE_SECONDS as stale, storing nothing", async () => {
    const now = h.clock.now().getTime();
    const replayed = await postSigned(h, textEvent(h, { at: now - 601_000 })).expect(401);
    expect(replayed.body.error.message).toMatch(/stale/);
    const ahead = await postSigned(h, textEvent(h, { at: now + 6 * 60_000 })).expect(401);
    expect(ahead.body.error.message).toMatch(/stale/);
    expect(inboxCount(h)).toBe(0);
    await postSigned(h, textEvent(h, { at: now - 540_000 })).expect(200);
    await postSigned(h, textEvent(h, { at: now + 60_000 })).expect(200);
  });

  it("replays nothing when the same old event comes back after the window, even though it was accepted once", async () => {
    const event = textEvent(h, { msgId: "old-1" });
    await postSigned(h, event).expect(200);
    await settled(h, "msg:old-1");
    h.clock.advance(601_000);
    await postSigned(h, event).expect(401);
    expect(inboxCount(h)).toBe(1);
  });

  it("signs over X-ZEvent-Timestamp when the header is present, else over the body's timestamp", async () => {
    const event = textEvent(h);
    const header = String(h.clock.now().getTime() - 1000);
    await postSigned(h, event, { timestampHeader: header }).expect(200);
    // Signed over the body's timestamp while the header names another: not what Zalo signed.
    await postSigned(h, textEvent(h), { timestampHeader: header, timestamp: String(h.clock.now().getTime()) }).expect(
      401,
    );
  });

  it("accepts the oa_id prefix and the app secret under the default 'either', and logs which variant matched", async () => {
    const variants = [
      { leadingId: SANDBOX_OA_ID, secret: undefined, key: "oa-secret", prefix: "oa-id" },
      { leadingId: SANDBOX_APP_ID, secret: SANDBOX_APP_SECRET, key: "app-secret", prefix: "app-id" },
      { leadingId: SANDBOX_OA_ID, secret: SANDBOX_APP_SECRET, key: "app-secret", prefix: "oa-id" },
    ];
    for (const v of variants) {
      await postSigned(h, textEvent(h), { leadingId: v.leadingId, ...(v.secret ? { secret: v.secret } : {}) }).expect(
        200,
      );
    }
    expect(storedLogLines().map((l) => [l.signatureKey, l.signaturePrefix])).toEqual(
      variants.map((v) => [v.key, v.prefix]),
    );
    await postSigned(h, textEvent(h), { leadingId: "someone-else" }).expect(401);
  });

  it("accepts a real delivery from the Zalo sandbox and refuses one it signed with a wrong key or back-dated", async () => {
    const resident = await newResident(h);
    const good = await writes(h, resident, "giúp");
    expect(good.delivery).toMatchObject({ status: 200, body: { ok: true } });
    expect(good.delivery.durationMs).toBeLessThan(2000);
    const forged = await writes(h, resident, "giúp", { signWith: "guessed-key" });
    expect(forged.delivery.status).toBe(401);
    const replayed = await writes(h, resident, "giúp", { timestampOffsetMs: -11 * 60_000 });
    expect(replayed.delivery).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    expect(inboxCount(h)).toBe(1);
    expect(findInboxEventByKey(h.db, keyOf(good))).toBeDefined();
  });
});

describe("the signature variants, configured", () => {
  it("with WEBHOOK_SIGNATURE_KEY=oa-secret refuses an event signed with the app secret", async () => {
    const strict = await startWebhookHarness({ env: { WEBHOOK_SIGNATURE_KEY: "oa-secret" } });
    try {
      await postSigned(strict, textEvent(strict)).expect(200);
      await postSigned(strict, textEvent(strict), { secret: SANDBOX_APP_SECRET }).expect(401);
    } finally {
      await strict.stop();
    }
  });

  it("with WEBHOOK_SIGNATURE_KEY=app-secret refuses an event signed with the OA secret key", async () => {
    const strict = await startWebhookHarness({ env: { WEBHOOK_SIGNATURE_KEY: "app-secret" } });
    try {
      await postSigned(strict, textEvent(strict), { secret: SANDBOX_APP_SECRET }).expect(200);
      await postSigned(strict, textEvent(strict)).expect(401);
    } finally {
      await strict.stop();
    }
  });

  it("with WEBHOOK_SIGNATURE_PREFIX=app-id refuses the oa_id prefix, and with oa-id the app_id one", async () => {
    const appId = await startWebhookHarness({ env: { WEBHOOK_SIGNATURE_PREFIX: "app-id" } });
    const oaId = await startWebhookHarness({ env: { WEBHOOK_SIGNATURE_PREFIX: "oa-id" } });
    try {
      await postSigned(appId, textEvent(appId)).expect(200);
      await postSigned(appId, textEvent(appId), { leadingId: SANDBOX_OA_ID }).expect(401);
      await postSigned(oaId, textEvent(oaId), { leadingId: SANDBOX_OA_ID }).expect(200);
      await postSigned(oaId, textEvent(oaId)).expect(401);
    } finally {
      await appId.stop();
      await oaId.stop();
    }
  });

  it("honours a shorter WEBHOOK_MAX_AGE_SECONDS", async () => {
    const short = await startWebhookHarness({ env: { WEBHOOK_MAX_AGE_SECONDS: "60" } });
    try {
      const now = short.clock.now().getTime();
      await postSigned(short, textEvent(short, { at: now - 61_000 })).expect(401);
      await postSigned(short, textEvent(short, { at: now - 59_000 })).expect(200);
    } finally {
      await short.stop();
    }
  });
});

describe("bodies the webhook refuses", () => {
  it("answers 400 for malformed JSON and stores nothing, then keeps answering", async () => {
    const res = await postSigned(h, '{"event_name": "user_send_text", ', {
      timestamp: String(h.clock.now().getTime()),
    }).expect(400);
    expect(res.body.error).toEqual({ code: "bad_request", message: "The body is not valid JSON" });
    expect(inboxCount(h)).toBe(0);
    await postSigned(h, textEvent(h)).expect(200);
  });

  it("answers 413 for a body over 64 kB and stores nothing, then keeps answering", async () => {
    const big = JSON.stringify(textEvent(h, { text: "x".repeat(65 * 1024) }));
    const res = await postSigned(h, big, { timestamp: String(h.clock.now().getTime()) });
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({ code: "payload_too_large", message: "The body is over 64 kB" });
    expect(inboxCount(h)).toBe(0);
    await request(h.app).get("/healthz").expect(200);
    await postSigned(h, textEvent(h)).expect(200);
  });

  it("answers 400 naming the field for a signed JSON object that is not a Zalo event", async () => {
    const res = await postSigned(h, { timestamp: String(h.clock.now().getTime()), sender: { id: 1 } }).expect(400);
    const paths = (res.body.error.fields as Array<{ path: string }>).map((f) => f.path).sort();
    expect(paths).toEqual(["event_name", "sender.id"]);
    expect(inboxCount(h)).toBe(0);
  });

  it("answers 405 with Allow: POST for another method", async () => {
    const res = await request(h.app).get(WEBHOOK).expect(405);
    expect(res.headers.allow).toBe("POST");
  });
});

describe("answering before handling", () => {
  let stalled: Server;

  afterEach(
    () =>
      new Promise<void>((resolve) => {
        stalled.closeAllConnections();
        stalled.close(() => resolve());
      }),
  );

  it("answers 200 at once and handles the event afterwards, even when Zalo's API hangs", async () => {
    // A Zalo OA API that accepts connections and never answers.
    stalled = createServer(() => undefined);
    await new Promise<void>((resolve) => stalled.listen(0, "127.0.0.1", resolve));
    const hanging = await startWebhookHarness({
      env: { ZALO_SANDBOX_URL: `http://127.0.0.1:${(stalled.address() as AddressInfo).port}` },
    });
    try {
      const started = performance.now();
      await postSigned(hanging, textEvent(hanging, { msgId: "slow-1" })).expect(200);
      expect(performance.now() - started).toBeLessThan(2000);
      await new Promise((r) => setTimeout(r, 50));
      expect(findInboxEventByKey(hanging.db, "msg:slow-1")?.state).toBe("received");
    } finally {
      await hanging.stop();
    }
  });
});
