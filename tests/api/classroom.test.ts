// Classroom mode through the API: PUT and GET /api/v1/classroom/answers. A facilitator asks a
// lesson's questions to the room and records how many answered right; counts only. Real HTTP,
// a real SQLite file, the Zalo sandbox for sign-in. The test clock stands at Thứ Bảy 28/11/2026,
// 08:00 ward time; the ward file seeds "giai-phong-toi-thu-bay" (giai-phong) and
// "mau-1-sang-chu-nhat" (mau-1); the course has "cuoc-goi-mao-danh" with questions q1–q5.

import { selectAuditRows } from "@hocso/bot-server/db/audit-log";
import { ClassroomAnswerListSchema, ClassroomAnswerSchema } from "@hocso/shared/classroom";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, signInAsStaff, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

let h: ApiHarness;
let admin: SignedIn;
/** facilitator of giai-phong */
let facilitator: SignedIn;
/** facilitator of mau-1 only */
let otherFacilitator: SignedIn;
let learner: SignedIn;

const TODAY = "2026-11-28";
const LESSON = "cuoc-goi-mao-danh";

beforeEach(async () => {
  h = await startApiHarness();
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  facilitator = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", ["giai-phong"]);
  otherFacilitator = await signInAsStaff(h, "Tổ trưởng mẫu 1", "facilitator", ["mau-1"]);
  learner = await signIn(h, "Người học");
});
afterEach(() => h.stop());

const api = () => request(h.app);

function answer(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tdpId: "giai-phong",
    date: TODAY,
    classId: "giai-phong-toi-thu-bay",
    lessonId: LESSON,
    questionId: "q1",
    present: 12,
    answeredRight: 9,
    ...fields,
  };
}

function put(who: SignedIn, body: unknown) {
  return api().put("/api/v1/classroom/answers").set(bearer(who.token)).send(body as object);
}

function read(who: SignedIn, query: Record<string, string> = { tdpId: "giai-phong", date: TODAY }) {
  return api().get("/api/v1/classroom/answers").query(query).set(bearer(who.token));
}

function storedRows(): unknown[] {
  return h.db.prepare("SELECT * FROM classroom_answers ORDER BY question_id").all();
}

function auditedRecords() {
  return selectAuditRows(h.db, { limit: 50 }).filter((r) => r.action === "classroom.record");
}

function fieldPaths(res: request.Response): string[] {
  return [...new Set((res.body.error.fields as Array<{ path: string }>).map((f) => f.path))].sort();
}

describe("PUT /api/v1/classroom/answers", () => {
  it("records how many of the room answered right, and the day's list shows it", async () => {
    h.clock.advance(11 * 3_600_000); // 19:00 ward time, class time
    const res = await put(facilitator, answer()).expect(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(ClassroomAnswerSchema.parse(res.body)).toEqual({
      tdpId: "giai-phong",
      date: TODAY,
      classId: "giai-phong-toi-thu-bay",
      lessonId: LESSON,
      questionId: "q1",
      present: 12,
      answeredRight: 9,
      recordedAt: "2026-11-28T12:00:00.000Z",
    });
    await put(facilitator, answer({ questionId: "q2", present: 13, answeredRight: 4 })).expect(200);

    const day = await read(facilitator).expect(200);
    expect(day.headers["cache-control"]).toBe("private, no-store");
    const list = ClassroomAnswerListSchema.parse(day.body);
    expect(list.tdpId).toBe("giai-phong");
    expect(list.date).toBe(TODAY);
    expect(list.items.map((i) => [i.questionId, i.answeredRight, i.present])).toEqual([
      ["q1", 9, 12],
      ["q2", 4, 13],
    ]);
  });

  it("replaces the counts when a question is asked again the same day", async () => {
    await put(facilitator, answer()).expect(200);
    h.clock.advance(60_000);
    const res = await put(facilitator, answer({ present: 14, answeredRight: 13 })).expect(200);
    expect(res.body).toMatchObject({ present: 14, answeredRight: 13, recordedAt: "2026-11-28T01:01:00.000Z" });
    expect(storedRows()).toHaveLength(1);
    const day = await read(facilitator).expect(200);
    expect(day.body.items).toHaveLength(1);
    expect(day.body.items[0]).toMatchObject({ questionId: "q1", present: 14, answeredRight: 13 });
  });

  it("records without a class, and for a class held in the last 31 days", async () => {
    const res = await put(facilitator, answer({ classId: undefined, date: "2026-10-28" })).expect(200);
    expect(res.body).toMatchObject({ classId: null, date: "2026-10-28" });
  });

  it("audits each recording with ids and counts only", async () => {
    await put(facilitator, answer()).expect(200);
    const [entry] = auditedRecords();
    expect(entry).toMatchObject({
      actorId: userIdOf(h, facilitator),
      actorRole: "facilitator",
      tdpId: "giai-phong",
      subject: LESSON,
      details: { questionId: "q1", present: 12, answeredRight: 9 },
    });
  });

  it("lets an admin record for any TDP", async () => {
    const res = await put(admin, answer({ tdpId: "mau-3", classId: undefined })).expect(200);
    expect(res.body.tdpId).toBe("mau-3");
    expect(auditedRecords()[0]).toMatchObject({ actorRole: "admin", tdpId: "mau-3" });
  });

  it("refuses more right answers than people present, and writes nothing", async () => {
    const res = await put(facilitator, answer({ present: 5, answeredRight: 6 })).expect(400);
    expect(res.body.error.code).toBe("bad_request");
    expect(fieldPaths(res)).toEqual(["answeredRight"]);
    expect(res.body.error.fields[0].message).toBe("cannot be more than the people present");
    expect(storedRows()).toEqual([]);
    expect(auditedRecords()).toEqual([]);
  });

  it("names a question the lesson does not have, and a lesson the course does not have", async () => {
    const question = await put(facilitator, answer({ questionId: "q99" })).expect(400);
    expect(question.body.error.fields).toEqual([
      { path: "questionId", message: `lesson "${LESSON}" has no question "q99"` },
    ]);
    const lesson = await put(facilitator, answer({ lessonId: "khong-co-bai-nay" })).expect(400);
    expect(fieldPaths(lesson)).toEqual(["lessonId"]);
    expect(storedRows()).toEqual([]);
  });

  it("refuses a date in the future or more than 31 days ago", async () => {
    const future = await put(facilitator, answer({ date: "2026-11-29" })).expect(400);
    expect(future.body.error.fields).toEqual([
      { path: "date", message: "is in the future (today is 2026-11-28 in the ward)" },
    ]);
    const old = await put(facilitator, answer({ date: "2026-10-27" })).expect(400);
    expect(old.body.error.fields).toEqual([
      { path: "date", message: "is more than 31 days ago (the earliest is 2026-10-28)" },
    ]);
    expect(storedRows()).toEqual([]);
  });

  it("names every bad field at once: counts out of range, another TDP's class, an unknown key", async () => {
    const res = await put(
      facilitator,
      answer({ present: 0, answeredRight: -1, classId: "mau-1-sang-chu-nhat", note: "x" }),
    ).expect(400);
    expect(fieldPaths(res)).toEqual(["answeredRight", "classId", "note", "present"]);
    const classProblem = (res.body.error.fields as Array<{ path: string; message: string }>).find(
      (f) => f.path === "classId",
    );
    expect(classProblem?.message).toBe('class "mau-1-sang-chu-nhat" belongs to mau-1, not to giai-phong');
    const unknownTdp = await put(facilitator, answer({ tdpId: "khong-co", classId: undefined })).expect(400);
    expect(fieldPaths(unknownTdp)).toEqual(["tdpId"]);
    const noBody = await api().put("/api/v1/classroom/answers").set(bearer(facilitator.token)).expect(400);
    expect(fieldPaths(noBody)).toEqual(["(body)"]);
    expect(storedRows()).toEqual([]);
  });

  it("needs a session", async () => {
    const res = await api().put("/api/v1/classroom/answers").send(answer()).expect(401);
    expect(res.body.error.code).toBe("unauthorized");
    expect(storedRows()).toEqual([]);
  });

  it("refuses a learner before reading the body", async () => {
    const res = await put(learner, { nonsense: true }).expect(403);
    expect(res.body.error.message).toBe('This needs the "class:manage" permission, which your account does not have');
    expect(storedRows()).toEqual([]);
  });

  it("refuses a facilitator of another TDP, naming it, and writes nothing", async () => {
    const res = await put(otherFacilitator, answer()).expect(403);
    expect(res.body.error.message).toBe('"class:manage" is not yours for these tổ dân phố: giai-phong');
    expect(storedRows()).toEqual([]);
    expect(auditedRecords()).toEqual([]);
  });
});

describe("GET /api/v1/classroom/answers", () => {
  it("lists only that TDP's counts of that day", async () => {
    await put(facilitator, answer()).expect(200);
    await put(facilitator, answer({ date: "2026-11-21", questionId: "q2" })).expect(200);
    await put(admin, answer({ tdpId: "mau-1", classId: undefined, questionId: "q3" })).expect(200);
    const day = await read(facilitator).expect(200);
    expect(day.body.items.map((i: { questionId: string }) => i.questionId)).toEqual(["q1"]);
    const lastWeek = await read(facilitator, { tdpId: "giai-phong", date: "2026-11-21" }).expect(200);
    expect(lastWeek.body.items.map((i: { questionId: string }) => i.questionId)).toEqual(["q2"]);
    const none = await read(facilitator, { tdpId: "giai-phong", date: "2026-11-14" }).expect(200);
    expect(none.body).toEqual({ tdpId: "giai-phong", date: "2026-11-14", items: [] });
  });

  it("names a bad date, a missing TDP and a TDP the ward does not have", async () => {
    const bad = await read(facilitator, { tdpId: "giai-phong", date: "28/11/2026" }).expect(400);
    expect(fieldPaths(bad)).toEqual(["date"]);
    const missing = await read(facilitator, { date: TODAY }).expect(400);
    expect(fieldPaths(missing)).toEqual(["tdpId"]);
    const unknown = await read(facilitator, { tdpId: "khong-co", date: TODAY }).expect(400);
    expect(fieldPaths(unknown)).toEqual(["tdpId"]);
  });

  it("needs a session", async () => {
    await api().get("/api/v1/classroom/answers").query({ tdpId: "giai-phong", date: TODAY }).expect(401);
  });

  it("refuses a learner", async () => {
    const res = await read(learner).expect(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("refuses a facilitator of another TDP, naming it", async () => {
    await put(facilitator, answer()).expect(200);
    const res = await read(otherFacilitator).expect(403);
    expect(res.body.error.message).toBe('"class:manage" is not yours for these tổ dân phố: giai-phong');
    expect(res.body).not.toHaveProperty("items");
  });

  it("answers 405 naming GET and PUT for another method", async () => {
    const res = await api().post("/api/v1/classroom/answers").set(bearer(facilitator.token)).send({}).expect(405);
    expect(res.headers.allow).toBe("GET, PUT");
  });
});
