// GET /api/v1/classes and PUT …/occurrences/:date/rsvp: a TDP's (tổ dân phố) weekly class
// meetings from today's ward date, and a learner's "Tôi sẽ tham gia". The test clock stands
// at Thứ Bảy 28/11/2026, 08:00 ward time (01:00 UTC).
import { ward } from "@hocso/content/ward";
import { ClassListSchema, ClassOccurrenceViewSchema } from "@hocso/shared/api";
import { occurrencesBetween } from "@hocso/shared/classes";
import { addDays, wardDate } from "@hocso/shared/dates";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countRows, decideConsent, signIn, startApiHarness, type ApiHarness, type SignedIn } from "../support/api-harness.ts";
import { addWeeklyClasses, listClasses, putRsvp, weeklyClass } from "../support/classes.ts";

let h: ApiHarness;
let learner: SignedIn;
const tdp = ward.residentialGroups[0]!;
const otherTdp = ward.residentialGroups[1]!;

/** Wednesdays 15:00–16:00 until 16/12, not on 9/12. */
const wednesday = weeklyClass({
  id: "test-chieu-thu-tu",
  tdpId: tdp.id,
  weekday: 3,
  startTime: "15:00",
  topic: "Nộp hồ sơ trực tuyến",
  lessonIds: ["nop-ho-so-truc-tuyen"],
  firstDate: "2026-11-01",
  lastDate: "2026-12-16",
  cancelledDates: ["2026-12-09"],
});
/** Saturdays 07:30–08:30: today's meeting is in progress at 08:00. */
const inProgress = weeklyClass({ id: "test-sang-thu-bay", tdpId: tdp.id, weekday: 6, startTime: "07:30" });
/** Saturdays 06:00–07:00: today's meeting has ended at 08:00. */
const ended = weeklyClass({ id: "test-som-thu-bay", tdpId: tdp.id, weekday: 6, startTime: "06:00" });
/** Sundays from 20/12. */
const later = weeklyClass({ id: "test-chu-nhat-moi", tdpId: tdp.id, weekday: 7, startTime: "09:00", firstDate: "2026-12-20" });
const elsewhere = weeklyClass({ id: "test-to-khac", tdpId: otherTdp.id, weekday: 6, startTime: "10:00" });
const fixtures = [wednesday, inProgress, ended, later, elsewhere];
const fixtureIds = new Set(fixtures.map((c) => c.id));

beforeEach(async () => {
  h = await startApiHarness();
  learner = await signIn(h);
  addWeeklyClasses(h, fixtures);
});
afterEach(() => h.stop());

type View = { classId: string; date: string; startsAt: string; going: boolean | null; tdpId: string };

function ours(items: View[]): Array<[string, string]> {
  return items.filter((i) => fixtureIds.has(i.classId)).map((i) => [i.classId, i.date]);
}

describe("GET /api/v1/classes", () => {
  it("lists the TDP's meetings of the next 28 days from today, by start time, with going null without a session", async () => {
    const res = await listClasses(h, { tdpId: tdp.id }).expect(200);
    const items = ClassListSchema.parse(res.body).items;
    expect(ours(items)).toEqual([
      ["test-sang-thu-bay", "2026-11-28"],
      ["test-chieu-thu-tu", "2026-12-02"],
      ["test-som-thu-bay", "2026-12-05"],
      ["test-sang-thu-bay", "2026-12-05"],
      ["test-som-thu-bay", "2026-12-12"],
      ["test-sang-thu-bay", "2026-12-12"],
      ["test-chieu-thu-tu", "2026-12-16"],
      ["test-som-thu-bay", "2026-12-19"],
      ["test-sang-thu-bay", "2026-12-19"],
      ["test-chu-nhat-moi", "2026-12-20"],
    ]);
    const starts = items.map((i) => i.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(items.every((i) => i.tdpId === tdp.id && i.going === null)).toBe(true);
    expect(items.every((i) => i.date >= "2026-11-28" && i.date <= "2026-12-25")).toBe(true);
  });

  it("gives each meeting's ward date, start and end in UTC, place, topic, what to bring and lessons", async () => {
    const res = await listClasses(h, { tdpId: tdp.id }).expect(200);
    const first = (res.body.items as View[]).find((i) => i.classId === wednesday.id);
    expect(ClassOccurrenceViewSchema.parse(first)).toEqual({
      classId: wednesday.id,
      tdpId: tdp.id,
      date: "2026-12-02",
      startsAt: "2026-12-02T08:00:00.000Z",
      endsAt: "2026-12-02T09:00:00.000Z",
      place: wednesday.place,
      topic: "Nộp hồ sơ trực tuyến",
      bring: wednesday.bring,
      lessonIds: ["nop-ho-so-truc-tuyen"],
      going: null,
    });
  });

  it("includes the classes seeded from the ward file", async () => {
    const res = await listClasses(h, { tdpId: tdp.id }).expect(200);
    const now = h.clock.now();
    const today = wardDate(now);
    for (const cls of ward.weeklyClasses.filter((c) => c.tdpId === tdp.id)) {
      const expected = occurrencesBetween(cls, today, addDays(today, 27))
        .filter((o) => o.endsAt > now)
        .map((o) => o.date);
      const listed = (res.body.items as View[]).filter((i) => i.classId === cls.id).map((i) => i.date);
      expect({ cls: cls.id, dates: listed }).toEqual({ cls: cls.id, dates: expected });
    }
  });

  it("keeps a meeting in progress and drops one that has ended today", async () => {
    const res = await listClasses(h, { tdpId: tdp.id, days: 1 }).expect(200);
    expect(ours(res.body.items)).toEqual([["test-sang-thu-bay", "2026-11-28"]]);
  });

  it("skips cancelled dates and dates outside a class's first and last date", async () => {
    const res = await listClasses(h, { tdpId: tdp.id, days: 90 }).expect(200);
    const dates = (res.body.items as View[]).filter((i) => i.classId === wednesday.id).map((i) => i.date);
    expect(dates).toEqual(["2026-12-02", "2026-12-16"]);
    const sundays = (res.body.items as View[]).filter((i) => i.classId === later.id).map((i) => i.date);
    expect(sundays[0]).toBe("2026-12-20");
  });

  it("lists only the asked TDP's classes", async () => {
    const res = await listClasses(h, { tdpId: otherTdp.id, days: 7 }).expect(200);
    expect(ours(res.body.items)).toEqual([["test-to-khac", "2026-11-28"]]);
    expect((res.body.items as View[]).every((i) => i.tdpId === otherTdp.id)).toBe(true);
  });

  it("counts days from the ward's date, not UTC's: at 23:30 ward time it is still today", async () => {
    h.clock.advance(15.5 * 3600_000); // 2026-11-28T16:30Z = 23:30 in Ba Ngòi
    const res = await listClasses(h, { tdpId: otherTdp.id, days: 1 }).expect(200);
    expect(ours(res.body.items)).toEqual([]);
    h.clock.advance(3600_000); // 00:30 on Sunday 29/11
    const next = await listClasses(h, { tdpId: otherTdp.id, days: 7 }).expect(200);
    expect(ours(next.body.items)).toEqual([["test-to-khac", "2026-12-05"]]);
  });

  it("shows a signed-in learner their own answers and null where they have not answered", async () => {
    await decideConsent(h, learner);
    await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: true }).expect(200);
    await putRsvp(h, learner, wednesday.id, "2026-12-16", { going: false }).expect(200);
    const res = await listClasses(h, { tdpId: tdp.id }, learner).expect(200);
    const mine = (res.body.items as View[]).filter((i) => i.classId === wednesday.id).map((i) => [i.date, i.going]);
    expect(mine).toEqual([
      ["2026-12-02", true],
      ["2026-12-16", false],
    ]);
    const others = (res.body.items as View[]).filter((i) => i.classId !== wednesday.id);
    expect(others.every((i) => i.going === null)).toBe(true);
    const neighbour = await signIn(h, "Ông Chín");
    const theirs = await listClasses(h, { tdpId: tdp.id }, neighbour).expect(200);
    expect((theirs.body.items as View[]).every((i) => i.going === null)).toBe(true);
    expect(res.headers["cache-control"]).toBe("private, no-store");
  });

  it("still shows the public schedule, with going null, to an unknown or expired session", async () => {
    const stale = { ...learner, token: "x".repeat(43) };
    const res = await listClasses(h, { tdpId: tdp.id }, stale).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    h.clock.advanceDays(91);
    const expired = await listClasses(h, { tdpId: tdp.id }, learner).expect(200);
    expect((expired.body.items as View[]).every((i) => i.going === null)).toBe(true);
  });

  it("answers 400 naming tdpId when it is missing or not a TDP of the ward", async () => {
    const missing = await listClasses(h, {}).expect(400);
    expect(missing.body.error.fields).toEqual([{ path: "tdpId", message: expect.stringContaining("GET /api/v1/config") }]);
    const unknown = await listClasses(h, { tdpId: "to-khong-co" }).expect(400);
    expect(unknown.body.error.fields).toEqual([{ path: "tdpId", message: expect.stringContaining("tổ dân phố") }]);
  });

  it("answers 400 naming days outside 1–90 or not a whole number, and naming an unknown parameter", async () => {
    for (const days of ["0", "91", "1.5", "abc"]) {
      const res = await listClasses(h, { tdpId: tdp.id, days }).expect(400);
      expect(res.body.error.fields).toEqual([{ path: "days", message: "a whole number of days from 1 to 90" }]);
    }
    const extra = await listClasses(h, { tdpId: tdp.id, tdp: "x" }).expect(400);
    expect(extra.body.error.fields).toEqual([{ path: "tdp", message: "is not a known field" }]);
  });
});

describe("PUT /api/v1/classes/:classId/occurrences/:date/rsvp", () => {
  beforeEach(() => decideConsent(h, learner));

  function rsvpRows(): unknown[] {
    return h.db.prepare("SELECT class_id, date, going, updated_at FROM class_rsvps ORDER BY class_id, date").all();
  }

  it("records the learner's answer and returns the meeting with it", async () => {
    const res = await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: true }).expect(200);
    expect(ClassOccurrenceViewSchema.parse(res.body)).toMatchObject({
      classId: wednesday.id,
      date: "2026-12-02",
      startsAt: "2026-12-02T08:00:00.000Z",
      going: true,
    });
    expect(rsvpRows()).toEqual([
      { class_id: wednesday.id, date: "2026-12-02", going: 1, updated_at: h.clock.now().toISOString() },
    ]);
  });

  it("changes nothing when the same answer is sent again, and records a changed answer", async () => {
    const first = await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: true }).expect(200);
    const rows = rsvpRows();
    h.clock.advance(60_000);
    const again = await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: true }).expect(200);
    expect(again.body).toEqual(first.body);
    expect(rsvpRows()).toEqual(rows);
    const changed = await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: false }).expect(200);
    expect(changed.body.going).toBe(false);
    expect(rsvpRows()).toEqual([
      { class_id: wednesday.id, date: "2026-12-02", going: 0, updated_at: h.clock.now().toISOString() },
    ]);
  });

  it("answers 404 for a class that does not exist", async () => {
    const res = await putRsvp(h, learner, "lop-khong-co", "2026-12-02", { going: true }).expect(404);
    expect(res.body.error.code).toBe("not_found");
    expect(countRows(h, "class_rsvps")).toBe(0);
  });

  it("answers 404 for a date the class does not meet: another weekday, cancelled, before its first or after its last date", async () => {
    for (const date of ["2026-12-03", "2026-12-09", "2026-10-28", "2026-12-23"]) {
      const res = await putRsvp(h, learner, wednesday.id, date, { going: true });
      expect({ date, status: res.status, code: res.body.error?.code }).toEqual({ date, status: 404, code: "not_found" });
    }
    expect(countRows(h, "class_rsvps")).toBe(0);
  });

  it("answers 400 naming date once the meeting has started, and accepts it until then", async () => {
    const started = await putRsvp(h, learner, inProgress.id, "2026-11-28", { going: true }).expect(400);
    expect(started.body.error.fields).toEqual([{ path: "date", message: expect.stringContaining("already started") }]);
    await putRsvp(h, learner, ended.id, "2026-11-28", { going: true }).expect(400);
    h.clock.advance(Date.parse("2026-12-02T08:00:00.000Z") - h.clock.now().getTime() - 1);
    await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: true }).expect(200);
    h.clock.advance(1);
    await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: false }).expect(400);
    expect(rsvpRows()).toEqual([expect.objectContaining({ going: 1 })]);
  });

  it("answers 400 naming date when it is not a calendar date, and going when the body is wrong", async () => {
    const date = await putRsvp(h, learner, wednesday.id, "2026-02-30", { going: true }).expect(400);
    expect(date.body.error.fields).toEqual([{ path: "date", message: "not a real calendar date" }]);
    const body = await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: "có" }).expect(400);
    expect(body.body.error.fields[0].path).toBe("going");
    const extra = await putRsvp(h, learner, wednesday.id, "2026-12-02", { going: true, name: "Bà Tư" }).expect(400);
    expect(extra.body.error.fields).toEqual([{ path: "name", message: "is not a known field" }]);
    expect(countRows(h, "class_rsvps")).toBe(0);
  });

  it("answers 403 without the learner's progress consent, storing nothing", async () => {
    const stranger = await signIn(h, "Cô Mười");
    const res = await putRsvp(h, stranger, wednesday.id, "2026-12-02", { going: true }).expect(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(countRows(h, "class_rsvps")).toBe(0);
  });

  it("needs a session", async () => {
    const anonymous = { ...learner, token: "" };
    await putRsvp(h, anonymous, wednesday.id, "2026-12-02", { going: true }).expect(401);
    await putRsvp(h, { ...learner, token: "y".repeat(43) }, wednesday.id, "2026-12-02", { going: true }).expect(401);
    expect(countRows(h, "class_rsvps")).toBe(0);
  });
});
