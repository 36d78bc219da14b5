// Staff managing weekly classes through the API: POST /api/v1/classes, GET and PATCH
// /api/v1/classes/:classId, PUT and DELETE …/cancellations/:date, GET /api/v1/staff/classes;
// and what an edit or a cancelled date does to the reminders in the outbox, and the notices
// it sends to those already reminded. Real HTTP, a real SQLite file, the Zalo sandbox for
// sign-in. The test clock stands at Thứ Bảy 28/11/2026, 08:00 ward time; the ward file seeds
// "giai-phong-toi-thu-bay" (Saturdays 19:00–20:30).
import { saveChatReminders, saveChatTdp } from "@hocso/bot-server/db/chat-residents";
import { listOutboxOfMeeting } from "@hocso/bot-server/db/outbox";
import { createLogger } from "@hocso/bot-server/lib/logger";
import { planReminders } from "@hocso/bot-server/features/reminders/planner";
import {
  ClassCancellationResultSchema,
  ClassRestoreResultSchema,
  StaffClassListSchema,
  WeeklyClassSchema,
} from "@hocso/shared/classes";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, countRows, signIn, signInAsStaff, startApiHarness, type ApiHarness, type SignedIn } from "../support/api-harness.ts";
import { listClasses } from "../support/classes.ts";

let h: ApiHarness;
let admin: SignedIn;
/** facilitator of giai-phong */
let facilitator: SignedIn;
/** facilitator of mau-1 only */
let otherFacilitator: SignedIn;
let learner: SignedIn;

const SEEDED = "giai-phong-toi-thu-bay";
const HOUR = 3_600_000;

beforeEach(async () => {
  h = await startApiHarness();
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  facilitator = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", ["giai-phong"]);
  otherFacilitator = await signInAsStaff(h, "Tổ trưởng mẫu 1", "facilitator", ["mau-1"]);
  learner = await signIn(h, "Người học");
});
afterEach(() => h.stop());

const api = () => request(h.app);

/** A new class for giai-phong on Wednesdays 18:30. */
function newClass(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tdpId: "giai-phong",
    weekday: 3,
    startTime: "18:30",
    durationMinutes: 90,
    place: "Nhà văn hóa Tổ dân phố Giải Phóng",
    topic: "Nộp hồ sơ trực tuyến",
    lessonIds: ["nop-ho-so-truc-tuyen"],
    bring: "Điện thoại đã sạc pin",
    firstDate: "2026-12-01",
    lastDate: null,
    ...fields,
  };
}

function plan() {
  return planReminders({ db: h.db, clock: h.clock, logger: createLogger("silent"), miniAppId: "hocso-test" });
}

/** What the sender records when Zalo took a row (the sender is another module's job). */
function markSent(dedupeKey: string): void {
  const at = h.clock.now().toISOString();
  const changed = h.db
    .prepare("UPDATE outbox SET state = 'sent', sent_at = ?, provider_message_id = 'msg-1', updated_at = ? WHERE dedupe_key = ?")
    .run(at, at, dedupeKey).changes;
  expect(changed).toBe(1);
}

const DAY_BEFORE_KEY = `reminder:${SEEDED}:2026-11-28:day-before:sandbox-giai-phong`;

function changeNotices() {
  return listOutboxOfMeeting(h.db, SEEDED, "2026-11-28").filter((r) => r.kind === "change");
}

function fieldPaths(res: request.Response): string[] {
  return [...new Set((res.body.error.fields as Array<{ path: string }>).map((f) => f.path))].sort();
}

describe("POST /api/v1/classes", () => {
  it("creates a class with an id from its TDP, weekday and time, and lists it for residents", async () => {
    const res = await api().post("/api/v1/classes").set(bearer(facilitator.token)).send(newClass()).expect(201);
    expect(res.headers.location).toBe("/api/v1/classes/giai-phong-thu-tu-1830");
    expect(WeeklyClassSchema.parse(res.body)).toEqual({ id: "giai-phong-thu-tu-1830", ...newClass(), cancelledDates: [] });
    const listed = await listClasses(h, { tdpId: "giai-phong", days: 7 }).expect(200);
    expect(listed.body.items.map((i: { classId: string; date: string }) => [i.classId, i.date])).toContainEqual([
      "giai-phong-thu-tu-1830",
      "2026-12-02",
    ]);
  });

  it("stores a facilitator's text composed (NFC) and on one line", async () => {
    const res = await api()
      .post("/api/v1/classes")
      .set(bearer(facilitator.token))
      .send(newClass({ place: "  Nhà văn hóa\n  tổ Giải Phóng ".normalize("NFD"), bring: "" }))
      .expect(201);
    expect(res.body.place).toBe("Nhà văn hóa tổ Giải Phóng");
    expect(res.body.bring).toBe("");
  });

  it("lets an admin create a class for any TDP", async () => {
    const res = await api()
      .post("/api/v1/classes")
      .set(bearer(admin.token))
      .send(newClass({ tdpId: "mau-3", lessonIds: [] }))
      .expect(201);
    expect(res.body.id).toBe("mau-3-thu-tu-1830");
  });

  it("names every bad field in one 400 and stores nothing", async () => {
    const before = countRows(h, "weekly_classes");
    const res = await api()
      .post("/api/v1/classes")
      .set(bearer(facilitator.token))
      .send(
        newClass({
          tdpId: "khong-co",
          weekday: 8,
          startTime: "25:00",
          durationMinutes: 5,
          place: "   ",
          lessonIds: ["quet-vietqr", "khong-co-bai-nay"],
          firstDate: "2026-02-30",
          colour: "xanh",
        }),
      )
      .expect(400);
    expect(res.body.error.code).toBe("bad_request");
    expect(fieldPaths(res)).toEqual(
      ["colour", "durationMinutes", "firstDate", "lessonIds.1", "place", "startTime", "tdpId", "weekday"].sort(),
    );
    expect(countRows(h, "weekly_classes")).toBe(before);
  });

  it("refuses a last date before the first, and a missing body", async () => {
    const res = await api()
      .post("/api/v1/classes")
      .set(bearer(facilitator.token))
      .send(newClass({ lastDate: "2026-11-01" }))
      .expect(400);
    expect(fieldPaths(res)).toEqual(["lastDate"]);
    const empty = await api().post("/api/v1/classes").set(bearer(facilitator.token)).expect(400);
    expect(fieldPaths(empty)).toEqual(["(body)"]);
  });

  it("answers 409 for a second class at the same TDP, weekday and time", async () => {
    await api().post("/api/v1/classes").set(bearer(facilitator.token)).send(newClass()).expect(201);
    const before = countRows(h, "weekly_classes");
    const res = await api()
      .post("/api/v1/classes")
      .set(bearer(facilitator.token))
      .send(newClass({ topic: "Chủ đề khác" }))
      .expect(409);
    expect(res.body.error.code).toBe("conflict");
    expect(res.body.error.message).toContain("giai-phong-thu-tu-1830");
    expect(countRows(h, "weekly_classes")).toBe(before);
  });

  it("answers 401 without a session", async () => {
    await api().post("/api/v1/classes").send(newClass()).expect(401);
  });

  it("answers 403 to a learner, before reading the body", async () => {
    const res = await api().post("/api/v1/classes").set(bearer(learner.token)).send({ nonsense: true }).expect(403);
    expect(res.body.error.message).toContain("class:manage");
  });

  it("answers 403 to a facilitator of another TDP and stores nothing", async () => {
    const before = countRows(h, "weekly_classes");
    const res = await api().post("/api/v1/classes").set(bearer(otherFacilitator.token)).send(newClass()).expect(403);
    expect(res.body.error.message).toContain("giai-phong");
    expect(countRows(h, "weekly_classes")).toBe(before);
  });

  it("leaves other methods on /api/v1/classes to 405, naming GET and POST", async () => {
    const res = await api().delete("/api/v1/classes").set(bearer(admin.token)).expect(405);
    expect(res.headers.allow).toBe("GET, POST");
  });
});

describe("GET /api/v1/classes/:classId", () => {
  it("gives staff in scope the whole definition, cancelled dates included", async () => {
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).set(bearer(facilitator.token)).expect(200);
    const res = await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).expect(200);
    expect(WeeklyClassSchema.parse(res.body)).toMatchObject({
      id: SEEDED,
      tdpId: "giai-phong",
      weekday: 6,
      startTime: "19:00",
      durationMinutes: 90,
      lessonIds: ["quet-vietqr"],
      cancelledDates: ["2026-12-05"],
    });
    await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(admin.token)).expect(200);
  });

  it("answers 404 for an unknown class", async () => {
    await api().get("/api/v1/classes/khong-co").set(bearer(facilitator.token)).expect(404);
  });

  it("answers 401 without a session", async () => {
    await api().get(`/api/v1/classes/${SEEDED}`).expect(401);
  });

  it("answers 403 to a learner", async () => {
    await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(learner.token)).expect(403);
  });

  it("answers 403 to a facilitator of another TDP", async () => {
    await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(otherFacilitator.token)).expect(403);
  });
});

describe("PATCH /api/v1/classes/:classId", () => {
  it("changes the given fields and keeps the rest", async () => {
    const res = await api()
      .patch(`/api/v1/classes/${SEEDED}`)
      .set(bearer(facilitator.token))
      .send({ startTime: "19:30", place: "Hội trường khu phố", lastDate: "2027-06-26" })
      .expect(200);
    expect(WeeklyClassSchema.parse(res.body)).toMatchObject({
      id: SEEDED,
      tdpId: "giai-phong",
      weekday: 6,
      startTime: "19:30",
      place: "Hội trường khu phố",
      topic: "An toàn khi thanh toán bằng mã QR",
      lastDate: "2027-06-26",
    });
    const again = await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).expect(200);
    expect(again.body).toEqual(res.body);
  });

  it("drops cancelled dates the class no longer meets on when it moves to another weekday", async () => {
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).set(bearer(facilitator.token)).expect(200);
    const res = await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ weekday: 7 }).expect(200);
    expect(res.body.cancelledDates).toEqual([]);
  });

  it("plans the reminders again from the new time", async () => {
    // 08:00 on the class's day: today's evening-before reminder is caught up now.
    expect(plan()).toEqual({ planned: 1, expired: 0 });
    const key = `reminder:${SEEDED}:2026-11-28:day-before:sandbox-giai-phong`;
    expect(listOutboxOfMeeting(h.db, SEEDED, "2026-11-28").map((r) => r.message.text)[0]).toContain("🕖 19:00–20:30");
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ startTime: "19:30" }).expect(200);
    expect(listOutboxOfMeeting(h.db, SEEDED, "2026-11-28")).toEqual([]);
    expect(plan()).toEqual({ planned: 1, expired: 0 });
    const rows = listOutboxOfMeeting(h.db, SEEDED, "2026-11-28");
    expect(rows.map((r) => [r.dedupeKey, r.state])).toEqual([[key, "pending"]]);
    expect(rows[0]!.message.text).toContain("🕢 19:30–21:00");
    expect(rows[0]!.expiresAt).toBe("2026-11-28T12:30:00.000Z");
    // The same-day reminder comes from the new time too: 17:30, two hours before.
    h.clock.advance(9.5 * HOUR);
    expect(plan()).toEqual({ planned: 1, expired: 0 });
    const sameDay = listOutboxOfMeeting(h.db, SEEDED, "2026-11-28").find((r) => r.dedupeKey.includes(":same-day:"));
    expect(sameDay).toMatchObject({ dueAt: "2026-11-28T10:30:00.000Z", state: "pending" });
  });

  it("keeps a reminder that has gone: the edit only replans what has not", async () => {
    plan();
    const key = `reminder:${SEEDED}:2026-11-28:day-before:sandbox-giai-phong`;
    markSent(key);
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ topic: "Chủ đề mới" }).expect(200);
    expect(listOutboxOfMeeting(h.db, SEEDED, "2026-11-28").map((r) => [r.dedupeKey, r.state])).toEqual([[key, "sent"]]);
  });

  it("tells the group once of a new time after its reminder went, old and new side by side", async () => {
    plan();
    markSent(DAY_BEFORE_KEY);
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ startTime: "18:30" }).expect(200);
    const notices = changeNotices();
    expect(notices.map((r) => [r.dedupeKey, r.state])).toEqual([
      [`change:${SEEDED}:2026-11-28:sandbox-giai-phong:1`, "pending"],
    ]);
    expect(notices[0]).toMatchObject({
      channel: "sandbox",
      recipient: "sandbox-giai-phong",
      tdpId: "giai-phong",
      urgent: true,
      dueAt: h.clock.now().toISOString(),
      expiresAt: "2026-11-28T11:30:00.000Z", // the meeting's new start, 18:30
    });
    expect(notices[0]!.message.text).toBe(
      [
        "⚠️ Thay đổi lịch học — Tổ dân phố Giải Phóng",
        "Buổi học Thứ Bảy, 28/11/2026 nay bắt đầu lúc 18:30 (trước đây 19:00).",
        "📍 Nhà văn hóa Tổ dân phố Giải Phóng (địa điểm mẫu)",
        "Xin lỗi bác vì sự thay đổi này.",
      ].join("\n"),
    );
    // The same-day reminder is planned from the new time: 16:30, two hours before.
    h.clock.advance(8.5 * HOUR);
    expect(plan()).toEqual({ planned: 1, expired: 0 });
    expect(listOutboxOfMeeting(h.db, SEEDED, "2026-11-28").at(-1)!.message.text).toContain("18:30–20:00");
  });

  it("sends no notice for a change made before any reminder went: the planner writes the new time", async () => {
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ startTime: "18:30" }).expect(200);
    expect(plan()).toEqual({ planned: 1, expired: 0 });
    expect(changeNotices()).toEqual([]);
    expect(listOutboxOfMeeting(h.db, SEEDED, "2026-11-28")[0]!.message.text).toContain("18:30–20:00");
  });

  it("tells the group again for a second change, with the time it last heard", async () => {
    plan();
    markSent(DAY_BEFORE_KEY);
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ startTime: "18:30" }).expect(200);
    markSent(`change:${SEEDED}:2026-11-28:sandbox-giai-phong:1`);
    h.clock.advance(HOUR);
    await api()
      .patch(`/api/v1/classes/${SEEDED}`)
      .set(bearer(facilitator.token))
      .send({ durationMinutes: 120, place: "Hội trường khu phố" })
      .expect(200);
    const notices = changeNotices();
    expect(notices.map((r) => [r.dedupeKey, r.state])).toEqual([
      [`change:${SEEDED}:2026-11-28:sandbox-giai-phong:1`, "sent"],
      [`change:${SEEDED}:2026-11-28:sandbox-giai-phong:2`, "pending"],
    ]);
    expect(notices[1]!.message.text.split("\n").slice(1, 3)).toEqual([
      "Buổi học Thứ Bảy, 28/11/2026 nay kết thúc lúc 20:30 (trước đây 20:00).",
      "📍 Địa điểm mới: Hội trường khu phố (trước đây: Nhà văn hóa Tổ dân phố Giải Phóng (địa điểm mẫu))",
    ]);
  });

  it("sends no notice when only the topic or what to bring changes, or nothing really changes", async () => {
    plan();
    markSent(DAY_BEFORE_KEY);
    await api()
      .patch(`/api/v1/classes/${SEEDED}`)
      .set(bearer(facilitator.token))
      .send({ topic: "Chủ đề mới", bring: "Không cần mang gì", startTime: "19:00" })
      .expect(200);
    expect(changeNotices()).toEqual([]);
  });

  it("tells the group the meeting moved when the class moves to another weekday", async () => {
    plan();
    markSent(DAY_BEFORE_KEY);
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ weekday: 7 }).expect(200);
    const [notice] = changeNotices();
    expect(notice!.message.text.split("\n")[1]).toBe(
      "Buổi học Thứ Bảy, 28/11/2026 (19:00) nay chuyển sang Chủ Nhật, 29/11/2026, 19:00–20:30.",
    );
    expect(notice!.expiresAt).toBe("2026-11-29T12:00:00.000Z");
  });

  it("tells a resident whose own reminder went, but not one who has since said stop", async () => {
    saveChatTdp(h.db, "oa-yes", "giai-phong", h.clock.now());
    saveChatTdp(h.db, "oa-stopped", "giai-phong", h.clock.now());
    for (const id of ["oa-yes", "oa-stopped"]) {
      saveChatReminders(h.db, id, { granted: true, textVersion: "oa-chat-2026-11-v2", decidedAt: h.clock.now().toISOString() });
    }
    plan();
    for (const id of ["sandbox-giai-phong", "oa-yes", "oa-stopped"]) markSent(`reminder:${SEEDED}:2026-11-28:day-before:${id}`);
    saveChatReminders(h.db, "oa-stopped", { granted: false, textVersion: "oa-chat-2026-11-v2", decidedAt: h.clock.now().toISOString() });
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ place: "Hội trường" }).expect(200);
    expect(changeNotices().map((r) => [r.dedupeKey, r.channel])).toEqual([
      [`change:${SEEDED}:2026-11-28:sandbox-giai-phong:1`, "sandbox"],
      [`change:${SEEDED}:2026-11-28:oa-yes:1`, "oa-user"],
    ]);
  });

  it("names every bad field in one 400 and changes nothing", async () => {
    const before = (await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token))).body;
    const res = await api()
      .patch(`/api/v1/classes/${SEEDED}`)
      .set(bearer(facilitator.token))
      .send({ id: "moi", tdpId: "mau-1", weekday: 0, lessonIds: ["khong-co"], topic: "" })
      .expect(400);
    expect(fieldPaths(res)).toEqual(["id", "lessonIds.0", "tdpId", "topic", "weekday"]);
    const after = (await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token))).body;
    expect(after).toEqual(before);
  });

  it("refuses an empty change, and an end before the stored first date", async () => {
    const empty = await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({}).expect(400);
    expect(fieldPaths(empty)).toEqual(["(body)"]);
    const early = await api()
      .patch(`/api/v1/classes/${SEEDED}`)
      .set(bearer(facilitator.token))
      .send({ lastDate: "2026-01-01" })
      .expect(400);
    expect(fieldPaths(early)).toEqual(["lastDate"]);
  });

  it("answers 404 for an unknown class", async () => {
    await api().patch("/api/v1/classes/khong-co").set(bearer(facilitator.token)).send({ topic: "x" }).expect(404);
  });

  it("answers 401 without a session", async () => {
    await api().patch(`/api/v1/classes/${SEEDED}`).send({ topic: "x" }).expect(401);
  });

  it("answers 403 to a learner", async () => {
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(learner.token)).send({ topic: "x" }).expect(403);
  });

  it("answers 403 to a facilitator of another TDP and changes nothing", async () => {
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(otherFacilitator.token)).send({ topic: "x" }).expect(403);
    const cls = await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).expect(200);
    expect(cls.body.topic).toBe("An toàn khi thanh toán bằng mã QR");
  });
});

describe("PUT /api/v1/classes/:classId/cancellations/:date", () => {
  it("cancels one meeting, idempotently, and residents no longer see it", async () => {
    const res = await api()
      .put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`)
      .set(bearer(facilitator.token))
      .expect(200);
    expect(ClassCancellationResultSchema.parse(res.body)).toMatchObject({
      class: { id: SEEDED, cancelledDates: ["2026-12-05"] },
      remindersCancelled: 0,
      noticesQueued: 0,
    });
    const again = await api()
      .put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`)
      .set(bearer(facilitator.token))
      .expect(200);
    expect(again.body).toEqual(res.body);
    const listed = await listClasses(h, { tdpId: "giai-phong", days: 15 }).expect(200);
    const dates = listed.body.items.filter((i: { classId: string }) => i.classId === SEEDED).map((i: { date: string }) => i.date);
    expect(dates).toEqual(["2026-11-28", "2026-12-12"]);
  });

  it("stops reminders that have not gone and tells the group once when one already had", async () => {
    plan(); // 08:00: the evening-before reminder, caught up
    markSent(`reminder:${SEEDED}:2026-11-28:day-before:sandbox-giai-phong`);
    h.clock.advance(9.5 * HOUR); // 17:30: the same-day reminder is planned, not yet sent
    expect(plan()).toEqual({ planned: 1, expired: 0 });

    const res = await api()
      .put(`/api/v1/classes/${SEEDED}/cancellations/2026-11-28`)
      .set(bearer(facilitator.token))
      .expect(200);
    expect(res.body).toMatchObject({ remindersCancelled: 1, noticesQueued: 1 });
    const again = await api()
      .put(`/api/v1/classes/${SEEDED}/cancellations/2026-11-28`)
      .set(bearer(facilitator.token))
      .expect(200);
    expect(again.body).toMatchObject({ remindersCancelled: 0, noticesQueued: 0 });

    const rows = listOutboxOfMeeting(h.db, SEEDED, "2026-11-28");
    expect(rows.map((r) => [r.kind, r.state, r.dedupeKey])).toEqual([
      ["reminder", "sent", `reminder:${SEEDED}:2026-11-28:day-before:sandbox-giai-phong`],
      ["reminder", "cancelled", `reminder:${SEEDED}:2026-11-28:same-day:sandbox-giai-phong`],
      ["cancellation", "pending", `cancellation:${SEEDED}:2026-11-28:sandbox-giai-phong`],
    ]);
    const notice = rows[2]!;
    expect(notice).toMatchObject({
      channel: "sandbox",
      recipient: "sandbox-giai-phong",
      urgent: true,
      tdpId: "giai-phong",
      expiresAt: "2026-11-28T13:30:00.000Z",
    });
    expect(notice.message.text).toContain("Buổi học kỹ năng số ngày Thứ Bảy, 28/11/2026 (19:00–20:30) được nghỉ.");
    expect(notice.message.text).toContain("Buổi học sau: Thứ Bảy, 05/12/2026, 19:00.");
    expect(rows[1]!.failure).toBe("Buổi học này được nghỉ");
    // The planner writes nothing more for a cancelled date.
    expect(plan()).toEqual({ planned: 0, expired: 0 });
  });

  it("tells the group a second time when a date is cancelled, restored and cancelled again", async () => {
    plan();
    markSent(DAY_BEFORE_KEY);
    const path = `/api/v1/classes/${SEEDED}/cancellations/2026-11-28`;
    expect((await api().put(path).set(bearer(facilitator.token)).expect(200)).body.noticesQueued).toBe(1);
    markSent(`cancellation:${SEEDED}:2026-11-28:sandbox-giai-phong`);
    await api().delete(path).set(bearer(facilitator.token)).expect(200);
    h.clock.advance(HOUR);
    expect((await api().put(path).set(bearer(facilitator.token)).expect(200)).body.noticesQueued).toBe(1);
    expect((await api().put(path).set(bearer(facilitator.token)).expect(200)).body.noticesQueued).toBe(0);
    const notices = listOutboxOfMeeting(h.db, SEEDED, "2026-11-28").filter((r) => r.kind === "cancellation");
    expect(notices.map((r) => [r.dedupeKey, r.state])).toEqual([
      [`cancellation:${SEEDED}:2026-11-28:sandbox-giai-phong`, "sent"],
      [`cancellation:${SEEDED}:2026-11-28:sandbox-giai-phong:2`, "pending"],
    ]);
  });

  it("stops a change notice that has not gone when the meeting is then cancelled", async () => {
    plan();
    markSent(DAY_BEFORE_KEY);
    await api().patch(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).send({ startTime: "18:30" }).expect(200);
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-11-28`).set(bearer(facilitator.token)).expect(200);
    expect(changeNotices().map((r) => [r.state, r.failure])).toEqual([["cancelled", "Buổi học này được nghỉ"]]);
  });

  it("refuses a date the class does not meet on (404) and one that is not a date (400)", async () => {
    const friday = await api()
      .put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-04`)
      .set(bearer(facilitator.token))
      .expect(404);
    expect(friday.body.error.message).toContain("does not meet on 2026-12-04");
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-08-29`).set(bearer(facilitator.token)).expect(404);
    const bad = await api().put(`/api/v1/classes/${SEEDED}/cancellations/05-12-2026`).set(bearer(facilitator.token)).expect(400);
    expect(fieldPaths(bad)).toEqual(["date"]);
    expect(countRows(h, "weekly_classes")).toBeGreaterThan(0);
  });

  it("refuses a meeting that has already started", async () => {
    h.clock.advance(11.5 * HOUR); // 19:30
    const res = await api()
      .put(`/api/v1/classes/${SEEDED}/cancellations/2026-11-28`)
      .set(bearer(facilitator.token))
      .expect(400);
    expect(fieldPaths(res)).toEqual(["date"]);
  });

  it("answers 404 for an unknown class", async () => {
    await api().put("/api/v1/classes/khong-co/cancellations/2026-12-05").set(bearer(facilitator.token)).expect(404);
  });

  it("answers 401 without a session", async () => {
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).expect(401);
  });

  it("answers 403 to a learner", async () => {
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).set(bearer(learner.token)).expect(403);
  });

  it("answers 403 to a facilitator of another TDP and cancels nothing", async () => {
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).set(bearer(otherFacilitator.token)).expect(403);
    const cls = await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).expect(200);
    expect(cls.body.cancelledDates).toEqual([]);
  });
});

describe("DELETE /api/v1/classes/:classId/cancellations/:date", () => {
  it("restores a cancelled meeting, idempotently", async () => {
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).set(bearer(facilitator.token)).expect(200);
    const res = await api()
      .delete(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`)
      .set(bearer(facilitator.token))
      .expect(200);
    expect(ClassRestoreResultSchema.parse(res.body).class.cancelledDates).toEqual([]);
    await api().delete(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).set(bearer(facilitator.token)).expect(200);
  });

  it("plans the stopped reminders again and stops a notice that has not gone", async () => {
    plan();
    markSent(`reminder:${SEEDED}:2026-11-28:day-before:sandbox-giai-phong`);
    h.clock.advance(9.5 * HOUR);
    plan();
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-11-28`).set(bearer(facilitator.token)).expect(200);
    await api().delete(`/api/v1/classes/${SEEDED}/cancellations/2026-11-28`).set(bearer(facilitator.token)).expect(200);
    expect(plan()).toEqual({ planned: 1, expired: 0 });
    const rows = listOutboxOfMeeting(h.db, SEEDED, "2026-11-28").map((r) => [r.kind, r.state]);
    expect(rows).toEqual([
      ["reminder", "sent"],
      ["cancellation", "cancelled"],
      ["reminder", "pending"],
    ]);
  });

  it("answers 404 for a date the class does not meet on, and for an unknown class", async () => {
    await api().delete(`/api/v1/classes/${SEEDED}/cancellations/2026-12-04`).set(bearer(facilitator.token)).expect(404);
    await api().delete("/api/v1/classes/khong-co/cancellations/2026-12-05").set(bearer(facilitator.token)).expect(404);
  });

  it("answers 401 without a session", async () => {
    await api().delete(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).expect(401);
  });

  it("answers 403 to a learner", async () => {
    await api().delete(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).set(bearer(learner.token)).expect(403);
  });

  it("answers 403 to a facilitator of another TDP and restores nothing", async () => {
    await api().put(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`).set(bearer(facilitator.token)).expect(200);
    await api()
      .delete(`/api/v1/classes/${SEEDED}/cancellations/2026-12-05`)
      .set(bearer(otherFacilitator.token))
      .expect(403);
    const cls = await api().get(`/api/v1/classes/${SEEDED}`).set(bearer(facilitator.token)).expect(200);
    expect(cls.body.cancelledDates).toEqual(["2026-12-05"]);
  });
});

describe("GET /api/v1/staff/classes", () => {
  it("lists the classes of the caller's TDPs only; an admin's are the whole ward's", async () => {
    await api().post("/api/v1/classes").set(bearer(facilitator.token)).send(newClass()).expect(201);
    const mine = await api().get("/api/v1/staff/classes").set(bearer(facilitator.token)).expect(200);
    expect(StaffClassListSchema.parse(mine.body).items.map((c) => c.id)).toEqual(["giai-phong-thu-tu-1830", SEEDED]);
    const other = await api().get("/api/v1/staff/classes").set(bearer(otherFacilitator.token)).expect(200);
    expect(other.body.items.map((c: { id: string }) => c.id)).toEqual(["mau-1-sang-chu-nhat"]);
    const all = await api().get("/api/v1/staff/classes").set(bearer(admin.token)).expect(200);
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(["giai-phong-thu-tu-1830", SEEDED, "mau-1-sang-chu-nhat"]);
  });

  it("narrows to one TDP with tdpId", async () => {
    const res = await api().get("/api/v1/staff/classes").query({ tdpId: "mau-1" }).set(bearer(admin.token)).expect(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual(["mau-1-sang-chu-nhat"]);
  });

  it("answers 400 for an unknown TDP or query parameter", async () => {
    const res = await api().get("/api/v1/staff/classes").query({ tdpId: "khong-co" }).set(bearer(admin.token)).expect(400);
    expect(fieldPaths(res)).toEqual(["tdpId"]);
    const extra = await api().get("/api/v1/staff/classes").query({ page: 2 }).set(bearer(admin.token)).expect(400);
    expect(fieldPaths(extra)).toEqual(["page"]);
  });

  it("answers 401 without a session", async () => {
    await api().get("/api/v1/staff/classes").expect(401);
  });

  it("answers 403 to a learner", async () => {
    await api().get("/api/v1/staff/classes").set(bearer(learner.token)).expect(403);
  });

  it("answers 403 to a facilitator asking for another TDP", async () => {
    await api().get("/api/v1/staff/classes").query({ tdpId: "giai-phong" }).set(bearer(otherFacilitator.token)).expect(403);
  });
});
