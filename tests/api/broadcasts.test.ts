// POST /api/v1/announcements and GET /api/v1/staff/me: a facilitator writes to the groups of
// their TDPs (tổ dân phố), through a real sign-in and a real SQLite file. The test clock stands
// at Thứ Bảy 28/11/2026, 08:00 ward time (01:00 UTC).
import { ward } from "@hocso/content/ward";
import { upsertResidentialGroups } from "@hocso/bot-server/db/residential-groups";
import { saveStaff } from "@hocso/bot-server/db/staff";
import { AnnouncementSchema, renderAnnouncement, StaffMeSchema } from "@hocso/shared/announcements";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

let h: ApiHarness;
let facilitator: SignedIn;
let learner: SignedIn;
const [mine, notMine] = [ward.residentialGroups[0]!, ward.residentialGroups[1]!];
/** an ordinary group the OA cannot post in: the facilitator shares by hand */
const shareTdp = { id: "to-nhom-thuong", name: "Tổ dân phố nhóm thường", adultPopulation: 10, channel: "share" as const };
/** an OA group whose id nobody filled in yet: shared by hand too */
const noIdTdp = { id: "to-chua-co-ma", name: "Tổ dân phố chưa có mã nhóm", adultPopulation: 10, channel: "oa-group" as const };

beforeEach(async () => {
  h = await startApiHarness();
  upsertResidentialGroups(h.db, [shareTdp, noIdTdp], h.clock.now());
  facilitator = await signIn(h, "Tổ trưởng Giải Phóng");
  learner = await signIn(h, "Bà Tư");
  grant(facilitator, "facilitator", [mine.id, shareTdp.id, noIdTdp.id]);
});
afterEach(() => h.stop());

function grant(who: SignedIn, role: "admin" | "facilitator", tdpIds: string[] = []): void {
  saveStaff(h.db, { userId: userIdOf(h, who), role, tdpIds, grantedBy: null }, h.clock.now());
}

function post(who: SignedIn, body: unknown) {
  return request(h.app).post("/api/v1/announcements").set(bearer(who.token)).send(body as object);
}

function count(table: "announcements" | "outbox"): number {
  return (h.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

type OutboxRecord = Record<string, unknown> & { message: string };

function outboxRows(announcementId: number): OutboxRecord[] {
  return h.db
    .prepare(
      `SELECT dedupe_key, kind, channel, recipient, tdp_id, message, urgent, state, due_at, next_attempt_at,
              expires_at, sent_at, provider_message_id
       FROM outbox WHERE announcement_id = ? ORDER BY tdp_id`,
    )
    .all(announcementId) as OutboxRecord[];
}

const text = "Thứ Bảy này lớp học chuyển sang Nhà văn hóa khu phố. Bác nhớ mang điện thoại đã sạc pin.";

describe("POST /api/v1/announcements", () => {
  it("reads an announcement to 500 TDPs (a body over the usual 16 kB) and names the unknown ones instead of answering 413", async () => {
    grant(facilitator, "admin");
    const tdpIds = Array.from({ length: 500 }, (_, i) => `to-dan-pho-khong-co-that-so-${String(i).padStart(3, "0")}`);
    expect(JSON.stringify({ text, tdpIds }).length).toBeGreaterThan(16 * 1024);
    const res = await post(facilitator, { text, tdpIds, sendAt: null }).expect(400);
    expect(res.body.error.code).toBe("bad_request");
    expect(JSON.stringify(res.body.error.fields)).toContain("to-dan-pho-khong-co-that-so-000");
    expect(count("announcements")).toBe(0);
    expect(count("outbox")).toBe(0);
  });

  it("stores the announcement and one outbox row per group, rendered by the shared function", async () => {
    const res = await post(facilitator, { text, tdpIds: [mine.id, shareTdp.id, noIdTdp.id], sendAt: null }).expect(201);
    const announcement = AnnouncementSchema.parse(res.body);
    expect(announcement).toMatchObject({ text, urgent: false, sendAt: h.clock.now().toISOString(), cancelledAt: null });
    const message = (name: string) => renderAnnouncement({ text, groupName: name, urgent: false });
    expect(announcement.deliveries).toEqual([
      { tdpId: mine.id, tdpName: mine.name, channel: "sandbox", status: "waiting", reason: null, sentAt: null, messageText: null },
      {
        tdpId: noIdTdp.id,
        tdpName: noIdTdp.name,
        channel: "share",
        status: "share-by-hand",
        reason: null,
        sentAt: null,
        messageText: message(noIdTdp.name),
      },
      {
        tdpId: shareTdp.id,
        tdpName: shareTdp.name,
        channel: "share",
        status: "share-by-hand",
        reason: null,
        sentAt: null,
        messageText: message(shareTdp.name),
      },
    ]);

    const now = h.clock.now().toISOString();
    const rows = outboxRows(announcement.id);
    expect(rows.map(({ message: m, ...rest }) => ({ ...rest, text: (JSON.parse(m) as { text: string }).text }))).toEqual([
      {
        dedupe_key: `broadcast:${announcement.id}:${mine.id}`,
        kind: "broadcast",
        channel: "sandbox",
        recipient: mine.zaloGroupId,
        tdp_id: mine.id,
        text: message(mine.name),
        urgent: 0,
        state: "pending",
        due_at: now,
        next_attempt_at: now,
        expires_at: null,
        sent_at: null,
        provider_message_id: null,
      },
      expect.objectContaining({ dedupe_key: `broadcast:${announcement.id}:${noIdTdp.id}`, channel: "share", recipient: null, state: "manual" }),
      expect.objectContaining({ dedupe_key: `broadcast:${announcement.id}:${shareTdp.id}`, channel: "share", recipient: null, state: "manual" }),
    ]);
    expect(h.db.prepare("SELECT author_id, text FROM announcements").get()).toEqual({ author_id: userIdOf(h, facilitator), text });
  });

  it("schedules it: the rows are due at sendAt, and an urgent one is marked so quiet hours do not hold it", async () => {
    const sendAt = "2026-11-28T21:30:00+07:00";
    const res = await post(facilitator, { text: "Bão vào, tối nay nghỉ học.", tdpIds: [mine.id], sendAt, urgent: true }).expect(201);
    expect(res.body).toMatchObject({ urgent: true, sendAt: "2026-11-28T14:30:00.000Z" });
    const [row] = outboxRows(res.body.id as number);
    expect(row).toMatchObject({ urgent: 1, due_at: "2026-11-28T14:30:00.000Z", state: "pending" });
    expect(JSON.parse(row!.message)).toEqual({
      text: renderAnnouncement({ text: "Bão vào, tối nay nghỉ học.", groupName: mine.name, urgent: true }),
    });
  });

  it("stores the text as NFC", async () => {
    const decomposed = "Ho\u0323c so\u0302\u0301";
    const res = await post(facilitator, { text: decomposed, tdpIds: [mine.id] }).expect(201);
    expect(res.body.text).toBe("Học số");
  });

  it("accepts a time up to a minute in the past (a slow phone), and refuses earlier and beyond 60 days", async () => {
    const at = (ms: number) => new Date(h.clock.now().getTime() + ms).toISOString();
    await post(facilitator, { text, tdpIds: [mine.id], sendAt: at(-50_000) }).expect(201);
    const past = await post(facilitator, { text, tdpIds: [mine.id], sendAt: at(-120_000) }).expect(400);
    expect(past.body.error.fields).toEqual([{ path: "sendAt", message: expect.stringContaining("in the past") }]);
    await post(facilitator, { text, tdpIds: [mine.id], sendAt: at(59 * 86_400_000) }).expect(201);
    const far = await post(facilitator, { text, tdpIds: [mine.id], sendAt: at(61 * 86_400_000) }).expect(400);
    expect(far.body.error.fields).toEqual([{ path: "sendAt", message: "is more than 60 days ahead" }]);
    expect(count("announcements")).toBe(2);
  });

  it("answers 403 naming the TDPs outside the facilitator's scope, and writes nothing", async () => {
    const res = await post(facilitator, { text, tdpIds: [mine.id, notMine.id] }).expect(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(res.body.error.message).toContain(notMine.id);
    expect(res.body.error.message).not.toContain(mine.id);
    expect([count("announcements"), count("outbox")]).toEqual([0, 0]);
  });

  it("answers 400 naming a TDP the ward does not have, and writes nothing", async () => {
    const res = await post(facilitator, { text, tdpIds: [mine.id, "to-khong-co"] }).expect(400);
    expect(res.body.error.fields).toEqual([{ path: "tdpIds", message: "no such tổ dân phố: to-khong-co" }]);
    expect([count("announcements"), count("outbox")]).toEqual([0, 0]);
  });

  it("answers 400 naming every bad field at once, and never 500, for any shape of body", async () => {
    const res = await post(facilitator, {
      text: "   ",
      tdpIds: [mine.id, mine.id],
      sendAt: "thứ bảy",
      urgent: "có",
      author: 7,
    }).expect(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      "author",
      "sendAt",
      "tdpIds",
      "text",
      "urgent",
    ]);
    for (const body of [[], "x", { text: 5, tdpIds: "giai-phong" }, { text: "a".repeat(1801), tdpIds: [mine.id] }, {}]) {
      const bad = await post(facilitator, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    const notJson = await request(h.app)
      .post("/api/v1/announcements")
      .set(bearer(facilitator.token))
      .set("Content-Type", "application/json")
      .send("{text:")
      .expect(400);
    expect(notJson.body.error.code).toBe("bad_request");
    expect([count("announcements"), count("outbox")]).toEqual([0, 0]);
  });

  it("refuses a learner with 403 before reading their input, and anyone without a session with 401", async () => {
    const res = await post(learner, { text, tdpIds: [mine.id] }).expect(403);
    expect(res.body.error.message).toContain("broadcast:send");
    await post(learner, { nonsense: true }).expect(403);
    await request(h.app).post("/api/v1/announcements").send({ text, tdpIds: [mine.id] }).expect(401);
    expect(count("announcements")).toBe(0);
  });

  it("lets an admin write to any TDP of the ward", async () => {
    grant(learner, "admin");
    const all = ward.residentialGroups.map((g) => g.id);
    const res = await post(learner, { text, tdpIds: all }).expect(201);
    expect(res.body.deliveries.map((d: { tdpId: string }) => d.tdpId).sort()).toEqual([...all].sort());
  });

  it("answers 405 for a method the route does not take", async () => {
    const res = await request(h.app).put("/api/v1/announcements").set(bearer(facilitator.token)).send({}).expect(405);
    expect(res.headers.allow).toBe("GET, POST");
  });
});

describe("GET /api/v1/staff/me", () => {
  it("gives a facilitator their role, TDPs with how announcements reach them, policies and quiet hours", async () => {
    const res = await request(h.app).get("/api/v1/staff/me").set(bearer(facilitator.token)).expect(200);
    expect(StaffMeSchema.parse(res.body)).toEqual({
      role: "facilitator",
      tdps: [
        { id: mine.id, name: mine.name, channel: "sandbox" },
        { id: shareTdp.id, name: shareTdp.name, channel: "share" },
        { id: noIdTdp.id, name: noIdTdp.name, channel: "share" },
      ],
      policies: ["class:manage", "broadcast:send", "report:view"],
      quietHours: ward.quietHours,
    });
    expect(res.headers["cache-control"]).toBe("private, no-store");
  });

  it("gives an admin every TDP and every policy", async () => {
    grant(learner, "admin");
    const res = await request(h.app).get("/api/v1/staff/me").set(bearer(learner.token)).expect(200);
    expect(res.body.role).toBe("admin");
    expect(res.body.tdps).toHaveLength(ward.residentialGroups.length + 2);
    expect(res.body.policies).toContain("role:grant");
  });

  it("answers 403 for a learner and 401 without a session", async () => {
    const res = await request(h.app).get("/api/v1/staff/me").set(bearer(learner.token)).expect(403);
    expect(res.body.error.code).toBe("forbidden");
    await request(h.app).get("/api/v1/staff/me").expect(401);
  });
});
