// Attendance at a class meeting through the API: the facilitator's view of a meeting, opening
// check-in (a six-digit code and the Zalo link its QR carries), ticking names, counting people
// without the app, and a resident's own check-in with the code; what the audit log keeps; and
// that deleting an account deletes its attendance. Real HTTP, a real SQLite file, the Zalo
// sandbox for sign-in. The test clock stands at Thứ Bảy 28/11/2026, 08:00 ward time; the ward
// file seeds "giai-phong-toi-thu-bay" (Saturdays 19:00–20:30, from 05/09/2026).
import { selectAuditRows } from "@hocso/bot-server/db/audit-log";
import { CheckInResultSchema, MeetingAttendanceSchema } from "@hocso/shared/attendance";
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, rowsOfUser, signIn, signInAsStaff, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

const CLASS = "giai-phong-toi-thu-bay";
const TODAY = "2026-11-28";
const NEXT_WEEK = "2026-12-05";
const LAST_WEEK = "2026-11-21";
const MEETING = `/api/v1/classes/${CLASS}/meetings/${TODAY}`;
const HOUR = 3_600_000;

let h: ApiHarness;
let admin: SignedIn;
/** facilitator of giai-phong */
let facilitator: SignedIn;
/** facilitator of mau-1 only */
let otherFacilitator: SignedIn;
/** a learner without any staff role */
let learner: SignedIn;
/** giai-phong, shares her progress with the TDP's facilitators */
let lan: SignedIn;
/** giai-phong, keeps his progress to himself */
let tu: SignedIn;
/** mau-1, shares her progress (with mau-1's facilitators, not giai-phong's) */
let hoa: SignedIn;

const api = () => request(h.app);

/** A resident with an account (the progress consent) in `tdpId`, sharing progress or not. */
async function resident(displayName: string, tdpId: string, shares: boolean): Promise<SignedIn> {
  const person = await signIn(h, displayName);
  await api()
    .patch("/api/v1/me")
    .set(bearer(person.token))
    .send({
      displayName,
      tdpId,
      ageBand: "60-tro-len",
      consents: { progress: true, ...(shares ? { "share-progress": true } : {}) },
      consentVersion: CONSENT_TEXT_VERSION,
    })
    .expect(200);
  return person;
}

beforeEach(async () => {
  h = await startApiHarness();
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  facilitator = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", ["giai-phong"]);
  otherFacilitator = await signInAsStaff(h, "Tổ trưởng mẫu 1", "facilitator", ["mau-1"]);
  learner = await signIn(h, "Người học");
  lan = await resident("Bà Lan", "giai-phong", true);
  tu = await resident("Ông Tư", "giai-phong", false);
  hoa = await resident("Cô Hoa", "mau-1", true);
});
afterEach(() => h.stop());

function meeting(res: request.Response) {
  return MeetingAttendanceSchema.parse(res.body);
}

async function openCheckin(): Promise<string> {
  const res = await api().post(`${MEETING}/checkin`).set(bearer(facilitator.token)).expect(200);
  return meeting(res).checkin!.code;
}

function checkIn(who: SignedIn, code: unknown) {
  return api().post("/api/v1/attendance/check-in").set(bearer(who.token)).send({ code });
}

function tick(who: SignedIn, learnerId: number | string, date = TODAY) {
  return api().put(`/api/v1/classes/${CLASS}/meetings/${date}/attendance/${learnerId}`).set(bearer(who.token));
}

function untick(who: SignedIn, learnerId: number, date = TODAY) {
  return api().delete(`/api/v1/classes/${CLASS}/meetings/${date}/attendance/${learnerId}`).set(bearer(who.token));
}

function putGuests(who: SignedIn, body: unknown, date = TODAY) {
  return api()
    .put(`/api/v1/classes/${CLASS}/meetings/${date}/guests`)
    .set(bearer(who.token))
    .send(body as object);
}

function audited() {
  return selectAuditRows(h.db, { limit: 50 })
    .filter((r) => r.action.startsWith("attendance."))
    .reverse()
    .map(({ actorId, action, tdpId, subject, details }) => ({ actorId, action, tdpId, subject, details }));
}

function attendanceRows(): number {
  return (h.db.prepare("SELECT count(*) AS n FROM attendance").get() as { n: number }).n;
}

function meetingRecords(): number {
  return (h.db.prepare("SELECT count(*) AS n FROM meeting_records").get() as { n: number }).n;
}

function fieldPaths(res: request.Response): string[] {
  return (res.body.error.fields as Array<{ path: string }>).map((f) => f.path);
}

/** Each staff route refuses a learner and a facilitator of another TDP, and answers 401 without a session. */
async function expectStaffOnly(send: (who?: SignedIn) => request.Test): Promise<void> {
  const anonymous = await send();
  expect(anonymous.status).toBe(401);
  const asLearner = await send(learner);
  expect(asLearner.status).toBe(403);
  expect(asLearner.body.error.message).toContain('"class:manage"');
  const asOther = await send(otherFacilitator);
  expect(asOther.status).toBe(403);
  expect(asOther.body.error.message).toContain("giai-phong");
}

describe("GET /api/v1/classes/:classId/meetings/:date", () => {
  it("shows a meeting not yet held, with the TDP's learners who share their progress to tick", async () => {
    const res = await api().get(MEETING).set(bearer(facilitator.token)).expect(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(meeting(res)).toEqual({
      classId: CLASS,
      tdpId: "giai-phong",
      date: TODAY,
      dateLabel: "Thứ Bảy, 28/11/2026",
      cancelled: false,
      held: false,
      checkin: null,
      attendees: [],
      otherAttendees: 0,
      guests: 0,
      roster: [{ userId: userIdOf(h, lan), displayName: "Bà Lan", present: false }],
      presentTotal: 0,
    });
    // neither the learner who keeps his progress to himself nor another TDP's learner is listed
    expect(JSON.stringify(res.body)).not.toMatch(/Ông Tư|Cô Hoa/);
  });

  it("answers an admin for any TDP, and shows a cancelled date as cancelled", async () => {
    await api().put(`/api/v1/classes/${CLASS}/cancellations/${NEXT_WEEK}`).set(bearer(facilitator.token)).expect(200);
    const res = await api().get(`/api/v1/classes/${CLASS}/meetings/${NEXT_WEEK}`).set(bearer(admin.token)).expect(200);
    expect(meeting(res)).toMatchObject({ date: NEXT_WEEK, dateLabel: "Thứ Bảy, 05/12/2026", cancelled: true, held: false });
  });

  it("answers 404 for a date the class does not meet on, and 400 for a date that is not one", async () => {
    for (const date of ["2026-11-27", "2026-08-29"]) {
      const res = await api().get(`/api/v1/classes/${CLASS}/meetings/${date}`).set(bearer(facilitator.token)).expect(404);
      expect(res.body.error.message).toContain(`does not meet on ${date}`);
    }
    await api().get("/api/v1/classes/khong-co/meetings/2026-11-28").set(bearer(facilitator.token)).expect(404);
    const bad = await api().get(`/api/v1/classes/${CLASS}/meetings/2026-13-01`).set(bearer(facilitator.token)).expect(400);
    expect(fieldPaths(bad)).toEqual(["date"]);
  });

  it("is for staff of the class's TDP only", async () => {
    await expectStaffOnly((who) => {
      const req = api().get(MEETING);
      return who ? req.set(bearer(who.token)) : req;
    });
  });

  it("answers 405 naming GET for another method", async () => {
    const res = await api().post(MEETING).set(bearer(facilitator.token)).expect(405);
    expect(res.headers.allow).toBe("GET");
  });
});

describe("POST /api/v1/classes/:classId/meetings/:date/checkin", () => {
  it("opens check-in with a six-digit code and the Zalo link of its QR, until two hours after the class", async () => {
    const res = await api().post(`${MEETING}/checkin`).set(bearer(facilitator.token)).expect(200);
    const view = meeting(res);
    const code = view.checkin!.code;
    expect(code).toMatch(/^\d{6}$/);
    expect(view.checkin).toEqual({
      code,
      // 20:30 + 2 h, ward time
      expiresAt: "2026-11-28T15:30:00.000Z",
      path: `/diem-danh?ma=${code}`,
      zaloLink: `https://zalo.me/s/hocso-local/diem-danh?ma=${code}`,
    });
    expect(view.held).toBe(true);
    const again = await api().post(`${MEETING}/checkin`).set(bearer(facilitator.token)).expect(200);
    expect(meeting(again).checkin!.code).toBe(code);
    const shown = await api().get(MEETING).set(bearer(facilitator.token)).expect(200);
    expect(meeting(shown).checkin!.code).toBe(code);
    expect(audited()).toEqual([
      {
        actorId: userIdOf(h, facilitator),
        action: "attendance.open",
        tdpId: "giai-phong",
        subject: `${CLASS}:${TODAY}`,
        details: {},
      },
    ]);
  });

  it("refuses another day, a cancelled date and a meeting long over, saying why, and writes nothing", async () => {
    const other = await api()
      .post(`/api/v1/classes/${CLASS}/meetings/${NEXT_WEEK}/checkin`)
      .set(bearer(facilitator.token))
      .expect(409);
    expect(other.body.error.message).toContain("only on the meeting's own day (2026-12-05)");

    await api().put(`/api/v1/classes/${CLASS}/cancellations/${TODAY}`).set(bearer(facilitator.token)).expect(200);
    const cancelled = await api().post(`${MEETING}/checkin`).set(bearer(facilitator.token)).expect(409);
    expect(cancelled.body.error.message).toContain("is cancelled");
    await api().delete(`/api/v1/classes/${CLASS}/cancellations/${TODAY}`).set(bearer(facilitator.token)).expect(200);

    h.clock.advance(15 * HOUR); // 23:00 ward time: the meeting ended at 20:30
    const late = await api().post(`${MEETING}/checkin`).set(bearer(facilitator.token)).expect(409);
    expect(late.body.error.message).toContain("closed at 2026-11-28T15:30:00.000Z");
    expect(meetingRecords()).toBe(0);
    expect(audited()).toEqual([]);
  });

  it("is for staff of the class's TDP only", async () => {
    await expectStaffOnly((who) => {
      const req = api().post(`${MEETING}/checkin`);
      return who ? req.set(bearer(who.token)) : req;
    });
    expect(meetingRecords()).toBe(0);
  });
});

describe("POST /api/v1/attendance/check-in", () => {
  it("checks residents in with the code; the facilitator sees by name only those who share progress", async () => {
    const code = await openCheckin();
    h.clock.advance(11 * HOUR); // 19:00, the class begins
    const res = await checkIn(lan, code).expect(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(CheckInResultSchema.parse(res.body)).toEqual({
      classId: CLASS,
      tdpName: "Tổ dân phố Giải Phóng",
      topic: "An toàn khi thanh toán bằng mã QR",
      date: TODAY,
      dateLabel: "Thứ Bảy, 28/11/2026",
      already: false,
    });
    expect((await checkIn(lan, code).expect(200)).body.already).toBe(true);
    await checkIn(tu, code).expect(200);
    await checkIn(hoa, code).expect(200);

    const view = meeting(await api().get(MEETING).set(bearer(facilitator.token)).expect(200));
    expect(view.attendees).toEqual([{ userId: userIdOf(h, lan), displayName: "Bà Lan", method: "qr" }]);
    expect(view.otherAttendees).toBe(2);
    expect(view.roster).toEqual([{ userId: userIdOf(h, lan), displayName: "Bà Lan", present: true }]);
    expect(view.presentTotal).toBe(3);
    expect(JSON.stringify(view)).not.toMatch(/Ông Tư|Cô Hoa/);
    // a resident's own check-in is not a staff action
    expect(audited().map((r) => r.action)).toEqual(["attendance.open"]);
  });

  it("answers 404 for an unknown code and for a code whose check-in has closed", async () => {
    const code = await openCheckin();
    const wrong = code === "000000" ? "000001" : "000000";
    const unknown = await checkIn(lan, wrong).expect(404);
    expect(unknown.body.error.message).toContain("No meeting has this check-in code open");
    h.clock.advance(14.5 * HOUR); // 22:30 ward time: two hours after the class ended
    const closed = await checkIn(lan, code).expect(404);
    expect(closed.body.error.message).toContain("has closed");
    expect(meeting(await api().get(MEETING).set(bearer(facilitator.token))).checkin).toBeNull();
    expect(attendanceRows()).toBe(0);
  });

  it("answers 400 naming the code when it is not six digits", async () => {
    await openCheckin();
    for (const body of [{ code: "12345" }, { code: "482 913" }, { code: 482913 }, {}]) {
      const res = await api().post("/api/v1/attendance/check-in").set(bearer(lan.token)).send(body).expect(400);
      expect(fieldPaths(res)).toEqual(["code"]);
    }
    const extra = await checkIn(lan, "123456").send({ code: "123456", name: "Bà Lan" }).expect(400);
    expect(fieldPaths(extra)).toEqual(["name"]);
    expect(attendanceRows()).toBe(0);
  });

  it("needs the resident's progress consent, and a session", async () => {
    const code = await openCheckin();
    const res = await checkIn(learner, code).expect(403);
    expect(res.body.error.message).toContain("consents.progress = true");
    await api().post("/api/v1/attendance/check-in").send({ code }).expect(401);
    expect(attendanceRows()).toBe(0);
  });

  it("stops an account guessing codes after 10 wrong ones, without stopping anyone else", async () => {
    const code = await openCheckin();
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 10; i++) await checkIn(tu, wrong).expect(404);
    const stopped = await checkIn(tu, code).expect(429);
    expect(stopped.body.error.message).toContain("Too many wrong check-in codes");
    await checkIn(lan, code).expect(200);
    expect(meeting(await api().get(MEETING).set(bearer(facilitator.token))).presentTotal).toBe(1);
  });
});

describe("PUT and DELETE /api/v1/classes/:classId/meetings/:date/attendance/:userId", () => {
  it("ticks and unticks a learner who shares progress, and the meeting counts as held from the first tick", async () => {
    const lanId = userIdOf(h, lan);
    const ticked = meeting(await tick(facilitator, lanId).expect(200));
    expect(ticked).toMatchObject({
      held: true,
      checkin: null,
      attendees: [{ userId: lanId, displayName: "Bà Lan", method: "tick" }],
      roster: [{ userId: lanId, displayName: "Bà Lan", present: true }],
      presentTotal: 1,
    });
    await tick(facilitator, lanId).expect(200); // again: nothing more
    const unticked = meeting(await untick(facilitator, lanId).expect(200));
    expect(unticked).toMatchObject({ held: true, attendees: [], roster: [{ userId: lanId, present: false }], presentTotal: 0 });
    await untick(facilitator, lanId).expect(200);
    const subject = `${CLASS}:${TODAY}`;
    const actorId = userIdOf(h, facilitator);
    expect(audited()).toEqual([
      { actorId, action: "attendance.record", tdpId: "giai-phong", subject, details: { userId: lanId } },
      { actorId, action: "attendance.remove", tdpId: "giai-phong", subject, details: { userId: lanId } },
    ]);
  });

  it("ticks at a past meeting too", async () => {
    const res = await tick(admin, userIdOf(h, lan), LAST_WEEK).expect(200);
    expect(meeting(res)).toMatchObject({ date: LAST_WEEK, held: true, presentTotal: 1 });
  });

  it("refuses, saying why, a learner of another TDP, one who does not share progress, a future or cancelled date", async () => {
    const other = await tick(facilitator, userIdOf(h, hoa)).expect(404);
    expect(other.body.error.message).toContain('is not a learner of tổ dân phố "giai-phong"');
    await tick(facilitator, 999_999).expect(404);
    const private_ = await tick(facilitator, userIdOf(h, tu)).expect(409);
    expect(private_.body.error.message).toContain("has not agreed to share their progress");
    const future = await tick(facilitator, userIdOf(h, lan), NEXT_WEEK).expect(409);
    expect(future.body.error.message).toContain("has not happened yet");
    await api().put(`/api/v1/classes/${CLASS}/cancellations/${TODAY}`).set(bearer(facilitator.token)).expect(200);
    const cancelled = await tick(facilitator, userIdOf(h, lan)).expect(409);
    expect(cancelled.body.error.message).toContain("is cancelled");
    const bad = await tick(facilitator, "ba-lan").expect(400);
    expect(fieldPaths(bad)).toEqual(["userId"]);
    expect(attendanceRows()).toBe(0);
    expect(meetingRecords()).toBe(0);
    expect(audited()).toEqual([]);
  });

  it("PUT is for staff of the class's TDP only", async () => {
    const lanId = userIdOf(h, lan);
    await expectStaffOnly((who) => {
      const req = api().put(`${MEETING}/attendance/${lanId}`);
      return who ? req.set(bearer(who.token)) : req;
    });
    expect(attendanceRows()).toBe(0);
  });

  it("DELETE is for staff of the class's TDP only", async () => {
    const lanId = userIdOf(h, lan);
    await tick(facilitator, lanId).expect(200);
    await expectStaffOnly((who) => {
      const req = api().delete(`${MEETING}/attendance/${lanId}`);
      return who ? req.set(bearer(who.token)) : req;
    });
    expect(attendanceRows()).toBe(1);
  });
});

describe("PUT /api/v1/classes/:classId/meetings/:date/guests", () => {
  it("counts people present without the app in the total", async () => {
    await tick(facilitator, userIdOf(h, lan)).expect(200);
    const res = await putGuests(facilitator, { guests: 4 }).expect(200);
    expect(meeting(res)).toMatchObject({ guests: 4, presentTotal: 5, held: true });
    await putGuests(facilitator, { guests: 4 }).expect(200);
    expect(audited().filter((r) => r.action === "attendance.guests")).toEqual([
      {
        actorId: userIdOf(h, facilitator),
        action: "attendance.guests",
        tdpId: "giai-phong",
        subject: `${CLASS}:${TODAY}`,
        details: { guests: 4 },
      },
    ]);
  });

  it("refuses a count outside 0–500, a missing one, or a future date, and writes nothing", async () => {
    for (const body of [{ guests: -1 }, { guests: 501 }, { guests: 2.5 }, { guests: "3" }, {}]) {
      const res = await putGuests(facilitator, body).expect(400);
      expect(fieldPaths(res)).toEqual(["guests"]);
    }
    const missing = await api().put(`${MEETING}/guests`).set(bearer(facilitator.token)).expect(400);
    expect(fieldPaths(missing)).toEqual(["(body)"]);
    const future = await putGuests(facilitator, { guests: 3 }, NEXT_WEEK).expect(409);
    expect(future.body.error.message).toContain("has not happened yet");
    expect(meetingRecords()).toBe(0);
    expect(audited()).toEqual([]);
  });

  it("is for staff of the class's TDP only", async () => {
    await expectStaffOnly((who) => {
      const req = api().put(`${MEETING}/guests`).send({ guests: 3 });
      return who ? req.set(bearer(who.token)) : req;
    });
    expect(meetingRecords()).toBe(0);
  });
});

describe("deleting a resident's account", () => {
  it("deletes their attendance; the meeting no longer counts them", async () => {
    const code = await openCheckin();
    await checkIn(lan, code).expect(200);
    await checkIn(tu, code).expect(200);
    const lanId = userIdOf(h, lan);
    expect(rowsOfUser(h, lanId).attendance).toHaveLength(1);
    await api().delete("/api/v1/me").set(bearer(lan.token)).expect(204);
    expect(rowsOfUser(h, lanId).attendance).toEqual([]);
    const view = meeting(await api().get(MEETING).set(bearer(facilitator.token)).expect(200));
    expect(view).toMatchObject({ attendees: [], otherAttendees: 1, roster: [], presentTotal: 1 });
  });
});
