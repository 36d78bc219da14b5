// A facilitator following their TDPs' class reminders through the API: GET /api/v1/staff/reminders
// and "Tôi đã chia sẻ" (POST /api/v1/staff/reminders/:id/shared). Real HTTP, a real SQLite file,
// the real planner; the sender is not running, so where a row must have gone the test moves it
// in SQL the way the sender does. The clock stands at Thứ Sáu 04/12/2026, 19:05 ward time: the
// evening-before reminders of Saturday's classes are due.
import { saveChatReminders, saveChatTdp } from "@hocso/bot-server/db/chat-residents";
import { listOutboxOfMeeting } from "@hocso/bot-server/db/outbox";
import { upsertResidentialGroups } from "@hocso/bot-server/db/residential-groups";
import { planReminders } from "@hocso/bot-server/features/reminders/planner";
import { createLogger } from "@hocso/bot-server/lib/logger";
import { TestClock } from "@hocso/bot-server/testing/test-clock";
import { StaffReminderSchema, StaffRemindersSchema, type StaffReminder } from "@hocso/shared/staff-reminders";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, signInAsStaff, startApiHarness, type ApiHarness, type SignedIn } from "../support/api-harness.ts";
import { addWeeklyClasses, weeklyClass } from "../support/classes.ts";

const FRIDAY_1905 = "2026-12-04T12:05:00.000Z";
const HOUR = 3_600_000;
const SEEDED = "giai-phong-toi-thu-bay";
const shareTdp = { id: "to-nhom-thuong", name: "Tổ dân phố nhóm thường", adultPopulation: 10, channel: "share" as const };
const SHARE_CLASS = "to-nhom-thuong-toi-thu-bay";
const RESIDENT = "oa-resident-giai-phong";

let h: ApiHarness;
let facilitator: SignedIn;
let neighbour: SignedIn;
let admin: SignedIn;
let learner: SignedIn;

beforeEach(async () => {
  h = await startApiHarness({ clock: new TestClock(FRIDAY_1905) });
  upsertResidentialGroups(h.db, [shareTdp], h.clock.now());
  addWeeklyClasses(h, [
    weeklyClass({ id: SHARE_CLASS, tdpId: shareTdp.id, weekday: 6, startTime: "19:00", place: "Sân nhà ông Ba" }),
  ]);
  // A resident who asked the OA chat for reminders: they get their own, which the facilitator only counts.
  saveChatTdp(h.db, RESIDENT, "giai-phong", h.clock.now());
  saveChatReminders(h.db, RESIDENT, { granted: true, textVersion: "oa-chat-2026-11-v2", decidedAt: FRIDAY_1905 });
  facilitator = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", ["giai-phong", shareTdp.id]);
  neighbour = await signInAsStaff(h, "Tổ trưởng mẫu 1", "facilitator", ["mau-1"]);
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  learner = await signIn(h, "Bà Tư");
});
afterEach(() => h.stop());

const api = () => request(h.app);

function plan() {
  return planReminders({ db: h.db, clock: h.clock, logger: createLogger("silent"), miniAppId: "hocso-test" });
}

function list(who: SignedIn, query: Record<string, string | number> = {}) {
  return api().get("/api/v1/staff/reminders").query(query).set(bearer(who.token));
}

function shared(who: SignedIn, id: number | string) {
  return api().post(`/api/v1/staff/reminders/${id}/shared`).set(bearer(who.token));
}

function rowId(dedupeKey: string): number {
  const row = h.db.prepare("SELECT id FROM outbox WHERE dedupe_key = ?").get(dedupeKey) as { id: number } | undefined;
  if (!row) throw new Error(`no outbox row ${dedupeKey}`);
  return row.id;
}

/** What the sender records when Zalo took a row. */
function markSent(dedupeKey: string): void {
  const at = h.clock.now().toISOString();
  h.db
    .prepare("UPDATE outbox SET state = 'sent', sent_at = ?, provider_message_id = 'msg-1', updated_at = ? WHERE dedupe_key = ?")
    .run(at, at, dedupeKey);
}

const shareKey = `reminder:${SHARE_CLASS}:2026-12-05:day-before:${shareTdp.id}`;
const groupKey = `reminder:${SEEDED}:2026-12-05:day-before:sandbox-giai-phong`;
const personalKey = `reminder:${SEEDED}:2026-12-05:day-before:${RESIDENT}`;

describe("GET /api/v1/staff/reminders", () => {
  it("lists the caller's meetings newest first, with each group reminder's status and the share TDP's text", async () => {
    expect(plan()).toEqual({ planned: 3, expired: 0 });
    const res = await list(facilitator).expect(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const body = StaffRemindersSchema.parse(res.body);
    expect([body.from, body.to]).toEqual(["2026-12-04", "2026-12-18"]);
    expect(body.meetings.map((m) => [m.date, m.classId, m.state])).toEqual([
      ["2026-12-12", SEEDED, "meets"],
      ["2026-12-12", SHARE_CLASS, "meets"],
      ["2026-12-05", SEEDED, "meets"],
      ["2026-12-05", SHARE_CLASS, "meets"],
    ]);
    expect(body.meetings[2]).toMatchObject({
      tdpId: "giai-phong",
      tdpName: "Tổ dân phố Giải Phóng",
      startTime: "19:00",
      endTime: "20:30",
      nextReminderAt: "2026-12-05T10:00:00.000Z", // the same-day one, 17:00
    });
    // Next week's: nothing is due yet; the first goes at 19:00 the Friday before.
    expect(body.meetings[0]!.nextReminderAt).toBe("2026-12-11T12:00:00.000Z");

    const [group, byHand] = body.items;
    expect(body.items).toHaveLength(2);
    expect(group).toMatchObject({
      id: rowId(groupKey),
      classId: SEEDED,
      date: "2026-12-05",
      kind: "reminder",
      offset: "day-before",
      channel: "sandbox",
      status: "waiting",
      reason: null,
      dueAt: "2026-12-04T12:00:00.000Z",
      nextAttemptAt: FRIDAY_1905,
      sentAt: null,
      messageText: null,
    });
    expect(byHand).toMatchObject({
      id: rowId(shareKey),
      tdpId: shareTdp.id,
      tdpName: shareTdp.name,
      classId: SHARE_CLASS,
      kind: "reminder",
      offset: "day-before",
      channel: "share",
      status: "share-by-hand",
      sentAt: null,
    });
    expect(byHand!.messageText).toBe(listOutboxOfMeeting(h.db, SHARE_CLASS, "2026-12-05")[0]!.message.text);
    expect(byHand!.messageText).toContain("📚 Nhắc lịch học kỹ năng số — Tổ dân phố nhóm thường\nTối mai, Thứ Bảy, 05/12/2026");
  });

  it("never lists a resident's own reminder: it only counts them, by status", async () => {
    plan();
    markSent(personalKey);
    const res = await list(facilitator).expect(200);
    expect(JSON.stringify(res.body)).not.toContain(RESIDENT);
    expect(res.body.items.map((i: StaffReminder) => i.channel)).toEqual(["sandbox", "share"]);
    const saturday = res.body.meetings.find((m: { classId: string; date: string }) => m.classId === SEEDED && m.date === "2026-12-05");
    expect(saturday.personal).toEqual({ sent: 1, waiting: 0, failed: 0, expired: 0, cancelled: 0, "share-by-hand": 0 });
    const shareSaturday = res.body.meetings.find((m: { classId: string; date: string }) => m.classId === SHARE_CLASS && m.date === "2026-12-05");
    expect(Object.values(shareSaturday.personal)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("shows a cancellation notice and a change notice with the group's reminders, and a cancelled date as such", async () => {
    plan();
    markSent(groupKey);
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ startTime: "18:30" }).expect(200);
    await api().put(`/api/v1/classes/${SHARE_CLASS}/cancellations/2026-12-05`).set(bearer(facilitator.token)).expect(200);
    const body = StaffRemindersSchema.parse((await list(facilitator).expect(200)).body);
    // Newest first: the share TDP's class at 19:00, then Giải Phóng's, now at 18:30.
    expect(body.items.map((i) => [i.classId, i.kind, i.offset, i.status, i.reason])).toEqual([
      [SHARE_CLASS, "reminder", "day-before", "cancelled", "Buổi học này được nghỉ"],
      [SEEDED, "reminder", "day-before", "sent", null],
      [SEEDED, "change", null, "waiting", null],
    ]);
    expect(body.meetings.find((m) => m.classId === SHARE_CLASS && m.date === "2026-12-05")).toMatchObject({
      state: "cancelled",
      nextReminderAt: null,
    });
    expect(body.meetings.find((m) => m.classId === SEEDED && m.date === "2026-12-05")).toMatchObject({
      startTime: "18:30",
      endTime: "20:00",
    });
  });

  it("keeps a message to share by hand whose time has passed as expired, with the reason", async () => {
    plan();
    h.clock.advance(5 * HOUR); // 00:05 Saturday: "Tối mai" may no longer be read
    const body = StaffRemindersSchema.parse((await list(facilitator, { tdpId: shareTdp.id }).expect(200)).body);
    expect(body.items.map((i) => [i.status, i.reason, i.messageText])).toEqual([
      ["expired", "Đã quá hạn: tin không còn kịp chia sẻ.", null],
    ]);
  });

  it("narrows to one TDP with tdpId and looks `days` ahead; an admin sees the whole ward", async () => {
    plan();
    const one = StaffRemindersSchema.parse((await list(facilitator, { tdpId: shareTdp.id, days: 3 }).expect(200)).body);
    expect(one.to).toBe("2026-12-07");
    expect(one.meetings.map((m) => [m.classId, m.date])).toEqual([[SHARE_CLASS, "2026-12-05"]]);
    expect(one.items.map((i) => i.tdpId)).toEqual([shareTdp.id]);
    const ward = StaffRemindersSchema.parse((await list(admin, { days: 3 }).expect(200)).body);
    expect(ward.meetings.map((m) => m.classId)).toEqual(["mau-1-sang-chu-nhat", SEEDED, SHARE_CLASS]);
  });

  it("answers 400 naming a bad days, an unknown TDP or an unknown parameter", async () => {
    for (const days of ["0", "31", "1.5", "abc"]) {
      const res = await list(facilitator, { days }).expect(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["days"]);
    }
    const tdp = await list(facilitator, { tdpId: "khong-co" }).expect(400);
    expect(tdp.body.error.fields[0].path).toBe("tdpId");
    const unknown = await list(facilitator, { classId: SEEDED }).expect(400);
    expect(unknown.body.error.fields[0]).toEqual({ path: "classId", message: "is not a known field" });
  });

  it("answers 401 without a session", async () => {
    await api().get("/api/v1/staff/reminders").expect(401);
  });

  it("answers 403 to a learner, before reading the query", async () => {
    await list(learner, { days: "abc" }).expect(403);
  });

  it("answers 403 to a facilitator asking for another TDP, and shows them only their own", async () => {
    const res = await list(neighbour, { tdpId: "giai-phong" }).expect(403);
    expect(res.body.error.message).toContain("giai-phong");
    plan();
    const own = StaffRemindersSchema.parse((await list(neighbour).expect(200)).body);
    expect(own.meetings.every((m) => m.tdpId === "mau-1")).toBe(true);
    expect(own.items).toEqual([]);
  });

  it("answers 405 to other methods, naming GET", async () => {
    const res = await api().delete("/api/v1/staff/reminders").set(bearer(facilitator.token)).expect(405);
    expect(res.headers.allow).toBe("GET");
  });
});

describe("POST /api/v1/staff/reminders/:id/shared", () => {
  it("makes a reminder shared by hand sent now, and answers the same when said again", async () => {
    plan();
    const id = rowId(shareKey);
    const res = await shared(facilitator, id).expect(200);
    expect(StaffReminderSchema.parse(res.body)).toMatchObject({
      id,
      status: "sent",
      sentAt: FRIDAY_1905,
      messageText: null,
      reason: null,
    });
    h.clock.advance(60_000);
    const again = await shared(facilitator, id).expect(200);
    expect(again.body).toEqual(res.body);
    const row = listOutboxOfMeeting(h.db, SHARE_CLASS, "2026-12-05")[0]!;
    expect(row).toMatchObject({ state: "sent", sentAt: FRIDAY_1905, providerMessageId: null });
    const listed = StaffRemindersSchema.parse((await list(facilitator, { tdpId: shareTdp.id }).expect(200)).body);
    expect(listed.items.map((i) => [i.id, i.status, i.sentAt])).toEqual([[id, "sent", FRIDAY_1905]]);
  });

  it("answers 404 for an unknown id, a resident's own reminder and an announcement", async () => {
    plan();
    await shared(facilitator, 99_999).expect(404);
    const personal = await shared(facilitator, rowId(personalKey)).expect(404);
    const unknown = await shared(facilitator, 99_999).expect(404);
    expect(personal.body.error.message).toBe(unknown.body.error.message.replace("99999", String(rowId(personalKey))));
    const announcement = await api()
      .post("/api/v1/announcements")
      .set(bearer(facilitator.token))
      .send({ text: "Họp tổ.", tdpIds: [shareTdp.id] })
      .expect(201);
    await shared(facilitator, rowId(`broadcast:${announcement.body.id}:${shareTdp.id}`)).expect(404);
  });

  it("answers 409 for a group the OA posts to itself, a cancelled reminder and one too late to share", async () => {
    plan();
    const posted = await shared(facilitator, rowId(groupKey)).expect(409);
    expect(posted.body.error.message).toContain("nothing to share by hand");
    await api().put(`/api/v1/classes/${SHARE_CLASS}/cancellations/2026-12-05`).set(bearer(facilitator.token)).expect(200);
    const cancelled = await shared(facilitator, rowId(shareKey)).expect(409);
    expect(cancelled.body.error.message).toContain("cancelled");
    await api().delete(`/api/v1/classes/${SHARE_CLASS}/cancellations/2026-12-05`).set(bearer(facilitator.token)).expect(200);
    plan(); // the restored date's reminder, written again
    h.clock.advance(5 * HOUR); // past midnight: too late for "Tối mai"
    const late = await shared(facilitator, rowId(shareKey)).expect(409);
    expect(late.body.error.message).toContain("expired");
    expect(listOutboxOfMeeting(h.db, SHARE_CLASS, "2026-12-05")[0]!.state).toBe("manual");
  });

  it("answers 400 for an id that is not a number", async () => {
    const res = await shared(facilitator, "abc").expect(400);
    expect(res.body.error.fields[0].path).toBe("id");
  });

  it("answers 401 without a session", async () => {
    plan();
    await api().post(`/api/v1/staff/reminders/${rowId(shareKey)}/shared`).expect(401);
  });

  it("answers 403 to a learner", async () => {
    plan();
    await shared(learner, rowId(shareKey)).expect(403);
  });

  it("answers 403 to a facilitator of another TDP and leaves the reminder to share", async () => {
    plan();
    const res = await shared(neighbour, rowId(shareKey)).expect(403);
    expect(res.body.error.message).toContain(shareTdp.id);
    expect(listOutboxOfMeeting(h.db, SHARE_CLASS, "2026-12-05")[0]!.state).toBe("manual");
  });

  it("shares a change notice by hand for a share TDP once its reminder had been shared", async () => {
    plan();
    await shared(facilitator, rowId(shareKey)).expect(200);
    await api().patch(`/api/v1/classes/${SHARE_CLASS}`).set(bearer(facilitator.token)).send({ place: "Nhà văn hóa" }).expect(200);
    const listed = StaffRemindersSchema.parse((await list(facilitator, { tdpId: shareTdp.id }).expect(200)).body);
    const notice = listed.items.find((i) => i.kind === "change")!;
    expect(notice).toMatchObject({ channel: "share", status: "share-by-hand" });
    expect(notice.messageText).toContain("📍 Địa điểm mới: Nhà văn hóa (trước đây: Sân nhà ông Ba)");
    expect((await shared(facilitator, notice.id).expect(200)).body.status).toBe("sent");
  });
});
