// "A facilitator of one TDP gets 403 on everything of another TDP" (issue 7), in one place: a
// facilitator of Tổ dân phố mẫu 1 calls every staff endpoint about Tổ dân phố Giải Phóng —
// its class, a meeting, its learner, its announcement, its reminder, its figures — and
// each answers 403 naming the TDP (or the permission a facilitator never holds), while the
// database is left exactly as it was. The same calls by Giải Phóng's own facilitator are let
// through, so the 403s come from scope and not from a broken request. Each feature's own tests
// check the same per endpoint in detail.
import { lessons } from "@hocso/content/all-lessons";
import { wardFile } from "@hocso/bot-server/lib/content";
import { enqueueOutbox } from "@hocso/bot-server/db/outbox";
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, signIn, signInAsStaff, startApiHarness, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

const target = "giai-phong";
const classId = wardFile.weeklyClasses.find((c) => c.tdpId === target)!.id;
/** a Saturday the sample class met on, before the harness clock */
const meetingDate = "2026-11-21";
const lesson = "quet-vietqr";

let h: ApiHarness;
let own: SignedIn;
let other: SignedIn;
let admin: SignedIn;
let resident: SignedIn;
let announcementId: number;
let reminderId: number;

beforeEach(async () => {
  h = await startApiHarness();
  own = await signInAsStaff(h, "Tổ trưởng Giải Phóng", "facilitator", [target]);
  other = await signInAsStaff(h, "Tổ trưởng mẫu 1", "facilitator", ["mau-1"]);
  admin = await signInAsStaff(h, "Cán bộ phường", "admin", []);
  resident = await signIn(h, "Bà Tư");
  await request(h.app)
    .patch("/api/v1/me")
    .set(bearer(resident.token))
    .send({
      displayName: "Bà Tư",
      tdpId: target,
      ageBand: "60-tro-len",
      consents: { progress: true, "share-progress": true },
      consentVersion: CONSENT_TEXT_VERSION,
    })
    .expect(200);
  const announcement = await request(h.app)
    .post("/api/v1/announcements")
    .set(bearer(admin.token))
    .send({ text: "Họp tổ tối nay.", tdpIds: [target] })
    .expect(201);
  announcementId = announcement.body.id as number;
  reminderId = enqueueOutbox(
    h.db,
    {
      dedupeKey: `reminder:${classId}:${meetingDate}:day-before:${target}`,
      kind: "reminder",
      channel: "share",
      recipient: null,
      tdpId: target,
      classId,
      occurrenceDate: meetingDate,
      message: { text: "Nhắc lịch học." },
      state: "manual",
      dueAt: h.clock.now(),
    },
    h.clock.now(),
  ).id;
});
afterEach(() => h.stop());

interface Call {
  name: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  path: () => string;
  body?: () => object;
  /** what the 403 names: the other TDP, or the permission a facilitator does not hold */
  names: string;
}

const meeting = `/api/v1/classes/${classId}/meetings/${meetingDate}`;
const CALLS: Call[] = [
  { name: "create a class", method: "post", path: () => "/api/v1/classes", names: target, body: () => newClass() },
  { name: "read a class", method: "get", path: () => `/api/v1/classes/${classId}`, names: target },
  { name: "edit a class", method: "patch", path: () => `/api/v1/classes/${classId}`, names: target, body: () => ({ place: "Sân bóng" }) },
  { name: "cancel a date", method: "put", path: () => `/api/v1/classes/${classId}/cancellations/2026-12-05`, names: target },
  { name: "restore a date", method: "delete", path: () => `/api/v1/classes/${classId}/cancellations/2026-12-05`, names: target },
  { name: "list the classes of a TDP", method: "get", path: () => `/api/v1/staff/classes?tdpId=${target}`, names: target },
  { name: "read a meeting's attendance", method: "get", path: () => meeting, names: target },
  { name: "open check-in", method: "post", path: () => `${meeting}/checkin`, names: target },
  { name: "tick a learner", method: "put", path: () => `${meeting}/attendance/${userIdOf(h, resident)}`, names: target },
  { name: "untick a learner", method: "delete", path: () => `${meeting}/attendance/${userIdOf(h, resident)}`, names: target },
  { name: "count guests", method: "put", path: () => `${meeting}/guests`, names: target, body: () => ({ guests: 2 }) },
  { name: "read the needs-help list", method: "get", path: () => `/api/v1/staff/needs-help?tdpId=${target}`, names: target },
  {
    name: "record a classroom answer",
    method: "put",
    path: () => "/api/v1/classroom/answers",
    names: target,
    body: () => ({ tdpId: target, date: meetingDate, lessonId: lesson, questionId: firstQuestion(), present: 5, answeredRight: 3 }),
  },
  { name: "read classroom answers", method: "get", path: () => `/api/v1/classroom/answers?tdpId=${target}&date=${meetingDate}`, names: target },
  { name: "send an announcement", method: "post", path: () => "/api/v1/announcements", names: target, body: () => ({ text: "Mời họp.", tdpIds: [target] }) },
  { name: "read an announcement's report", method: "get", path: () => `/api/v1/announcements/${announcementId}`, names: target },
  { name: "cancel an announcement", method: "post", path: () => `/api/v1/announcements/${announcementId}/cancel`, names: target },
  {
    name: "mark an announcement shared by hand",
    method: "post",
    path: () => `/api/v1/announcements/${announcementId}/deliveries/${target}/shared`,
    names: target,
  },
  { name: "mark a class reminder shared by hand", method: "post", path: () => `/api/v1/staff/reminders/${reminderId}/shared`, names: target },
  { name: "read a TDP's figures", method: "get", path: () => `/api/v1/reports/dashboard?tdpId=${target}`, names: target },
  { name: "download the quarterly CSV", method: "get", path: () => "/api/v1/reports/quarterly.csv", names: "report:export" },
  { name: "download the quarterly XLSX", method: "get", path: () => "/api/v1/reports/quarterly.xlsx", names: "report:export" },
  { name: "list staff", method: "get", path: () => "/api/v1/staff", names: "role:grant" },
  {
    name: "change the Giải Phóng facilitator's TDPs",
    method: "put",
    path: () => `/api/v1/staff/${userIdOf(h, own)}`,
    names: "role:grant",
    body: () => ({ role: "facilitator", tdpIds: ["mau-1"] }),
  },
  { name: "remove the Giải Phóng facilitator", method: "delete", path: () => `/api/v1/staff/${userIdOf(h, own)}`, names: "role:grant" },
  { name: "invite a facilitator", method: "post", path: () => "/api/v1/staff/invitations", names: "role:grant", body: () => ({ role: "facilitator", tdpIds: [target] }) },
  { name: "read the audit log", method: "get", path: () => "/api/v1/audit", names: "audit:view" },
  { name: "change the ward's reminder times", method: "put", path: () => "/api/v1/ward/settings", names: "ward:configure", body: () => wardSettings() },
];

function newClass() {
  return {
    tdpId: target,
    weekday: 3,
    startTime: "19:00",
    durationMinutes: 90,
    place: "Nhà văn hóa",
    topic: "Dịch vụ công trực tuyến",
    lessonIds: [lesson],
    bring: "",
    firstDate: "2026-12-02",
    lastDate: null,
  };
}

function firstQuestion(): string {
  return lessons.find((l) => l.id === lesson)!.quiz[0]!.id;
}

function wardSettings() {
  return { reminders: { dayBeforeAt: "18:00", hoursBefore: 2 }, quietHours: { start: "21:00", end: "06:30" } };
}

function send(who: SignedIn, call: Call) {
  const req = request(h.app)[call.method](call.path()).set(bearer(who.token));
  return call.body ? req.send(call.body()) : req;
}

/** Every row of every table, to show that a refused call wrote nothing (the audit log included). */
function snapshot(): Record<string, unknown[]> {
  const tables = h.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
    name: string;
  }>;
  return Object.fromEntries(tables.map(({ name }) => [name, h.db.prepare(`SELECT * FROM "${name}"`).all()]));
}

describe("a facilitator of Tổ dân phố mẫu 1, on everything of Tổ dân phố Giải Phóng", () => {
  it.each(CALLS.map((call) => [call.name, call] as const))("%s: 403 naming why, and nothing written", async (_name, call) => {
    const before = snapshot();
    const res = await send(other, call);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(res.body.error.message).toContain(call.names);
    expect(snapshot()).toEqual(before);
  });

  it("lets Giải Phóng's own facilitator through the same TDP-scoped calls (the refusals are about scope)", async () => {
    const scoped = CALLS.filter((call) => call.names === target);
    for (const call of scoped) {
      const res = await send(own, call);
      expect([res.status, call.name]).not.toEqual([403, call.name]);
      expect(res.status, `${call.name}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    }
  });
});
