// The webhook inbox: each signed event stored once by its key and handled once after the 200,
// whatever Zalo resends; rows a crash left unhandled are handled at the next start; Zalo's
// refusals recorded on the row; and nothing kept or logged that a resident did not agree to.
import { createApp } from "@hocso/bot-server/app";
import { findInboxEventByKey, insertInboxEvent } from "@hocso/bot-server/db/webhook-inbox";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  botReplies,
  captureLogs,
  follows,
  inboxCount,
  keyOf,
  newResident,
  postSigned,
  settled,
  sign,
  startWebhookHarness,
  submitsInfo,
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

/** Every text column of every table, for "this value is nowhere in the database". */
function everythingStored(): string {
  const tables = h.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
  return tables.map((t) => JSON.stringify(h.db.prepare(`SELECT * FROM "${t.name}"`).all())).join("\n");
}

describe("a duplicate storm", () => {
  it("stores the same signed event delivered 50 times (49 at once) once and replies once", async () => {
    const resident = await newResident(h);
    const sent = await writes(h, resident, "giúp", { redeliver: 49 });
    const statuses = [sent.delivery, ...sent.redeliveries].map((d) => d.status);
    expect(statuses).toEqual(Array(50).fill(200));
    const row = await settled(h, keyOf(sent));
    expect(row).toMatchObject({ state: "handled", repliesSent: 1 });
    expect(inboxCount(h)).toBe(1);
    // Give a second handling every chance to show up before counting replies.
    await new Promise((r) => setTimeout(r, 200));
    expect(await botReplies(h, resident)).toHaveLength(1);
  });

  it("stores one row for 50 concurrent copies of one hand-signed event over real HTTP", async () => {
    const raw = JSON.stringify(textEvent(h, { msgId: "storm-1" }));
    const header = sign(raw, { timestamp: String(h.clock.now().getTime()) });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${h.baseUrl}${WEBHOOK}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-ZEvent-Signature": header },
          body: raw,
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown })),
      ),
    );
    expect(answers.every((a) => a.status === 200 && JSON.stringify(a.body) === '{"ok":true}')).toBe(true);
    await settled(h, "msg:storm-1");
    expect(inboxCount(h)).toBe(1);
    expect(logs.lines().filter((l) => l.msg === "webhook event stored")).toHaveLength(1);
    expect(logs.lines().filter((l) => l.msg === "webhook event already stored; ignored")).toHaveLength(49);
  });

  it("keys an event without msg_id by a hash of its name, follower and timestamp", async () => {
    const resident = await newResident(h);
    const sent = await follows(h, resident);
    expect(keyOf(sent)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await settled(h, keyOf(sent))).eventName).toBe("follow");
  });
});

describe("handling after a crash", () => {
  it("handles at start-up a row a crash left received, and replies once", async () => {
    const resident = await newResident(h);
    await follows(h, resident); // opens the resident's 7-day window, as on Zalo
    const repliesBefore = (await botReplies(h, resident)).length;
    const event = textEvent(h, { oaUserId: resident.oaUserId, text: "giúp", msgId: "crashed-1" });
    insertInboxEvent(h.db, {
      eventKey: "msg:crashed-1",
      eventName: "user_send_text",
      payload: JSON.stringify(event),
      receivedAt: h.clock.now().toISOString(),
    });
    expect(findInboxEventByKey(h.db, "msg:crashed-1")?.state).toBe("received");
    // Starting the app again on the same database, as main.ts does after a crash.
    createApp({ db: h.db, config: h.config, clock: h.clock, logger: logs.logger });
    const row = await settled(h, "msg:crashed-1");
    expect(row).toMatchObject({ state: "handled", repliesSent: 1 });
    const replies = (await botReplies(h, resident)).slice(repliesBefore);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain("LỊCH HỌC");
    expect(logs.lines().some((l) => l.msg === "resuming webhook events left unhandled" && l.resumed === 1)).toBe(true);
  });
});

describe("Zalo refusing a reply", () => {
  it("records -230 on the row when the resident has not interacted within 7 days", async () => {
    const resident = await newResident(h); // never wrote, followed or pressed anything
    await postSigned(h, textEvent(h, { oaUserId: resident.oaUserId, msgId: "quiet-1" })).expect(200);
    const row = await settled(h, "msg:quiet-1");
    expect(row.state).toBe("failed");
    expect(row.failure).toMatch(/^ZaloError -230 from POST \/v3\.0\/oa\/message\/cs/);
    expect(row.repliesSent).toBe(0);
  });

  it("records -201 for a sender Zalo does not know, and keeps serving", async () => {
    await postSigned(h, textEvent(h, { oaUserId: "3999999999999999999", msgId: "ghost-1" })).expect(200);
    expect((await settled(h, "msg:ghost-1")).failure).toMatch(/^ZaloError -201 /);
    const resident = await newResident(h);
    const sent = await writes(h, resident, "giúp");
    expect((await settled(h, keyOf(sent))).state).toBe("handled");
  });

  it("records -216 when our OA access token is not the one Zalo issued", async () => {
    const wrongToken = await startWebhookHarness({ env: { ZALO_SANDBOX_OA_ACCESS_TOKEN: "stale-token" } });
    try {
      const resident = await newResident(wrongToken);
      const sent = await writes(wrongToken, resident, "giúp");
      expect((await settled(wrongToken, keyOf(sent))).failure).toMatch(/^ZaloError -216 /);
      expect(JSON.stringify(findInboxEventByKey(wrongToken.db, keyOf(sent)))).not.toContain("stale-token");
    } finally {
      await wrongToken.stop();
    }
  });
});

describe("what is kept and logged", () => {
  it("drops the message text from the row once handled, and never logs it", async () => {
    const resident = await newResident(h);
    const secretish = "Tôi tên Nguyễn Văn Bảy, số 0912345678, xin lịch học";
    const sent = await writes(h, resident, secretish);
    const row = await settled(h, keyOf(sent));
    expect(JSON.parse(row.payload)).toMatchObject({
      event_name: "user_send_text",
      sender: { id: resident.oaUserId },
      message: { msg_id: sent.event.message!.msg_id },
    });
    expect(JSON.parse(row.payload).message.text).toBeUndefined();
    expect(everythingStored()).not.toContain("0912345678");
    expect(logs.text()).not.toContain("0912345678");
    expect(logs.text()).not.toContain("Bảy");
    const stored = logs.lines().find((l) => l.msg === "webhook event stored")!;
    expect(stored).toMatchObject({ event: "user_send_text", key: keyOf(sent), senderId: resident.oaUserId });
  });

  it("stores nothing of user_submit_info but its ids, logs only the field names, and tells the resident", async () => {
    const resident = await newResident(h);
    await follows(h, resident);
    const sent = await submitsInfo(h, resident, { name: "Trần Thị Chín", phone: "84987654321" });
    expect(sent.delivery.status).toBe(200);
    const row = await settled(h, keyOf(sent));
    expect(row.state).toBe("handled");
    expect(JSON.parse(row.payload).info).toBeUndefined();
    for (const value of ["84987654321", "Trần Thị Chín", "Chín"]) {
      expect(everythingStored()).not.toContain(value);
      expect(logs.text()).not.toContain(value);
    }
    expect(logs.lines().find((l) => l.msg === "webhook event stored" && l.event === "user_submit_info")).toMatchObject({
      infoFields: ["name", "phone"],
      senderId: resident.oaUserId,
    });
    expect(logs.lines().some((l) => l.msg === "user_submit_info received; nothing stored")).toBe(true);
    const replies = await botReplies(h, resident);
    expect(replies.at(-1)!.text).toContain("không lưu lại");
  });

  it("stores an event the bot does not act on (the OA's own message echoed back) and handles it without a reply", async () => {
    const echo = {
      app_id: "hocso-sandbox-app",
      event_name: "oa_send_text",
      timestamp: String(h.clock.now().getTime()),
      sender: { id: "2000000000000000001", admin_id: "1" },
      recipient: { id: "3000000000000000002" },
      message: { text: "Chào bác", msg_id: "echo-1" },
    };
    await postSigned(h, echo).expect(200);
    expect(await settled(h, "msg:echo-1")).toMatchObject({ state: "handled", repliesSent: 0, failure: null });
  });
});
