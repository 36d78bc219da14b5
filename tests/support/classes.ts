// Weekly classes for tests: stored through the same repository function that seeds the
// ward file's classes at start, and the class API calls the mini app makes.
import { insertMissingWeeklyClasses } from "@hocso/bot-server/db/weekly-classes";
import type { WeeklyClass } from "@hocso/shared/classes";
import request from "supertest";
import { bearer, type ApiHarness, type SignedIn } from "./api-harness.ts";

type Required = Pick<WeeklyClass, "id" | "tdpId" | "weekday" | "startTime">;

export function weeklyClass(fields: Required & Partial<WeeklyClass>): WeeklyClass {
  return {
    durationMinutes: 60,
    place: "Nhà văn hóa (địa điểm thử)",
    topic: "Buổi học thử",
    lessonIds: [],
    bring: "Điện thoại đã sạc pin",
    firstDate: "2026-09-01",
    lastDate: null,
    cancelledDates: [],
    ...fields,
  };
}

export function addWeeklyClasses(h: ApiHarness, classes: WeeklyClass[]): void {
  const added = insertMissingWeeklyClasses(h.db, classes, h.clock.now());
  if (added.length !== classes.length) throw new Error("a test class id is already taken");
}

export function listClasses(h: ApiHarness, query: Record<string, string | number>, learner?: SignedIn) {
  const req = request(h.app).get("/api/v1/classes").query(query);
  return learner ? req.set(bearer(learner.token)) : req;
}

export function putRsvp(h: ApiHarness, learner: SignedIn, classId: string, date: string, body: unknown) {
  return request(h.app)
    .put(`/api/v1/classes/${classId}/occurrences/${date}/rsvp`)
    .set(bearer(learner.token))
    .send(body as object);
}
