// "Dữ liệu của tôi": withdrawing the progress consent deletes what was kept for it,
// DELETE /api/v1/me deletes the learner and everything about them, GET /api/v1/me/export
// hands them all of it. Real sign-ins, real SQLite file; tables are found in sqlite_master.
import { createHash } from "node:crypto";
import { lessons } from "@hocso/content/all-lessons";
import { ward } from "@hocso/content/ward";
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import { enqueueOutbox } from "@hocso/bot-server/db/outbox";
import { saveStaff } from "@hocso/bot-server/db/staff";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, countRows, decideConsent, rowsOfUser, sandboxToken, signIn, startApiHarness, tablesWithUserId, userIdOf, type ApiHarness, type SignedIn } from "../support/api-harness.ts";
import { ensureMeetingRecord, recordAttendance } from "@hocso/bot-server/db/attendance";
import { addWeeklyClasses, putRsvp, weeklyClass } from "../support/classes.ts";
import {
  answerEvent,
  minutesFromNow,
  postSync,
  quizFinishedEvent,
  stepEvent,
  wrongChoice,
} from "../support/learning-events.ts";

let h: ApiHarness;
let learner: SignedIn;
let neighbour: SignedIn;
const lesson = lessons[0]!;
const question = lesson.quiz[0]!;
const tdp = ward.residentialGroups[0]!;
/** Wednesdays 15:00 in the learner's TDP; the test clock stands at Saturday 28/11/2026. */
const cls = weeklyClass({ id: "test-du-lieu-thu-tu", tdpId: tdp.id, weekday: 3, startTime: "15:00" });
const meetingDate = "2026-12-02";

const KEPT_FOR_PROGRESS = ["progress", "learning_events", "answer_attempts", "class_rsvps", "attendance"];
/** a Wednesday meeting already held, where the learner was ticked present */
const heldDate = "2026-11-25";

beforeEach(async () => {
  h = await startApiHarness();
  addWeeklyClasses(h, [cls]);
  learner = await signIn(h, "Bà Nguyễn Thị Tư");
  neighbour = await signIn(h, "Ông Trần Văn Năm");
  await learnSomething(learner);
  await learnSomething(neighbour);
});
afterEach(() => h.stop());

/** A learner who set a profile, consented, learned offline and said they will come to class. */
async function learnSomething(who: SignedIn): Promise<void> {
  await request(h.app)
    .patch("/api/v1/me")
    .set(bearer(who.token))
    .send({
      displayName: "Bà Tư",
      tdpId: tdp.id,
      ageBand: "60-tro-len",
      certifiedOn: "2026-10-01",
      consents: { progress: true, reminders: false },
      consentVersion: CONSENT_TEXT_VERSION,
    })
    .expect(200);
  await postSync(h, who, [
    stepEvent(lesson, 2, minutesFromNow(h, -30)),
    answerEvent(lesson, question, wrongChoice(question), minutesFromNow(h, -20)),
    quizFinishedEvent(lesson, 1, minutesFromNow(h, -10)),
  ]).expect(200);
  await putRsvp(h, who, cls.id, meetingDate, { going: true }).expect(200);
  ensureMeetingRecord(h.db, cls.id, heldDate, h.clock.now());
  recordAttendance(h.db, { classId: cls.id, date: heldDate, userId: userIdOf(h, who), method: "tick" }, h.clock.now());
}

function counts(userId: number): Record<string, number> {
  return Object.fromEntries(Object.entries(rowsOfUser(h, userId)).map(([table, rows]) => [table, rows.length]));
}

describe("withdrawing the progress consent", () => {
  it("deletes the learner's progress, learning events and RSVPs in the same request", async () => {
    const id = userIdOf(h, learner);
    expect(KEPT_FOR_PROGRESS.map((t) => counts(id)[t])).toEqual([1, 3, 1, 1, 1]);
    const res = await request(h.app)
      .patch("/api/v1/me")
      .set(bearer(learner.token))
      .send({ consents: { progress: false }, consentVersion: CONSENT_TEXT_VERSION })
      .expect(200);
    expect(res.body.consents.progress).toEqual({
      granted: false,
      version: CONSENT_TEXT_VERSION,
      decidedAt: h.clock.now().toISOString(),
    });
    expect(KEPT_FOR_PROGRESS.map((t) => counts(id)[t])).toEqual([0, 0, 0, 0, 0]);
  });

  it("keeps the account, the session and the consent record that shows the withdrawal", async () => {
    const id = userIdOf(h, learner);
    await decideConsent(h, learner, "progress", false);
    expect(counts(id)).toMatchObject({ consents: 2, sessions: 1 });
    const me = await request(h.app).get("/api/v1/me").set(bearer(learner.token)).expect(200);
    expect(me.body).toMatchObject({ tdpId: tdp.id, certifiedOn: null, consents: { progress: { granted: false } } });
    const progress = await request(h.app).get("/api/v1/progress").set(bearer(learner.token)).expect(200);
    expect(progress.body).toEqual({ items: [] });
  });

  it("leaves other learners' data untouched", async () => {
    const theirs = rowsOfUser(h, userIdOf(h, neighbour));
    await decideConsent(h, learner, "progress", false);
    expect(rowsOfUser(h, userIdOf(h, neighbour))).toEqual(theirs);
  });

  it("deletes nothing when the request is refused for another field", async () => {
    const id = userIdOf(h, learner);
    const before = rowsOfUser(h, id);
    await request(h.app)
      .patch("/api/v1/me")
      .set(bearer(learner.token))
      .send({ consents: { progress: false }, consentVersion: CONSENT_TEXT_VERSION, tdpId: "to-khong-co" })
      .expect(400);
    expect(rowsOfUser(h, id)).toEqual(before);
  });

  it("keeps progress when only the reminders consent is withdrawn", async () => {
    const id = userIdOf(h, learner);
    await decideConsent(h, learner, "reminders", false);
    expect(KEPT_FOR_PROGRESS.map((t) => counts(id)[t])).toEqual([1, 3, 1, 1, 1]);
  });

  it("stops the learner's personal reminders not sent yet when the reminders consent is withdrawn", async () => {
    const personal = (key: string) =>
      enqueueOutbox(
        h.db,
        {
          dedupeKey: key,
          kind: "reminder",
          channel: "miniapp-notify",
          recipient: learner.zaloId,
          message: { text: "Nhắc lịch học" },
          dueAt: h.clock.now(),
        },
        h.clock.now(),
      );
    const waiting = personal("reminder:lop:2026-12-05:day-before:me");
    const sent = personal("reminder:lop:2026-11-28:day-before:me");
    h.db.prepare("UPDATE outbox SET state = 'sent', sent_at = ? WHERE id = ?").run(h.clock.now().toISOString(), sent.id);
    await decideConsent(h, learner, "reminders", false);
    const left = h.db.prepare("SELECT id FROM outbox WHERE recipient = ? ORDER BY id").all(learner.zaloId);
    expect(left).toEqual([{ id: sent.id }]);
    expect(waiting.id).not.toBe(sent.id);
  });

  it("starts from an empty record when the learner consents again", async () => {
    await decideConsent(h, learner, "progress", false);
    await decideConsent(h, learner, "progress", true);
    const res = await postSync(h, learner, [stepEvent(lesson, 1, minutesFromNow(h, -1))]).expect(200);
    expect(res.body.progress).toEqual([expect.objectContaining({ lessonId: lesson.id, stepIndex: 1, completedAt: null })]);
  });
});

describe("DELETE /api/v1/me", () => {
  it("answers 204 and leaves no row about the learner in any table with a user_id, nor their account", async () => {
    const id = userIdOf(h, learner);
    // A learner can also be a facilitator, and have a personal reminder on its way.
    saveStaff(h.db, { userId: id, role: "facilitator", tdpIds: ["giai-phong"], grantedBy: null }, h.clock.now());
    const reminder = enqueueOutbox(
      h.db,
      {
        dedupeKey: `reminder:lop:2026-12-05:day-before:${learner.zaloId}`,
        kind: "reminder",
        channel: "miniapp-notify",
        recipient: learner.zaloId,
        message: { text: "Nhắc lịch học" },
        dueAt: h.clock.now(),
      },
      h.clock.now(),
    );
    const tables = tablesWithUserId(h);
    expect(tables).toEqual(expect.arrayContaining(["consents", "sessions", "staff", "staff_tdps", ...KEPT_FOR_PROGRESS]));
    expect(Object.values(counts(id)).every((n) => n > 0)).toBe(true);
    const res = await request(h.app).delete("/api/v1/me").set(bearer(learner.token)).expect(204);
    expect(res.text).toBe("");
    expect(counts(id)).toEqual(Object.fromEntries(tables.map((t) => [t, 0])));
    expect(h.db.prepare("SELECT count(*) AS n FROM users WHERE id = ? OR zalo_id = ?").get(id, learner.zaloId)).toEqual({
      n: 0,
    });
    expect(h.db.prepare("SELECT count(*) AS n FROM outbox WHERE id = ? OR recipient = ?").get(reminder.id, learner.zaloId)).toEqual({
      n: 0,
    });
  });

  it("leaves other learners' rows untouched", async () => {
    const id = userIdOf(h, neighbour);
    const theirs = rowsOfUser(h, id);
    const account = h.db.prepare("SELECT * FROM users WHERE id = ?").get(id);
    await request(h.app).delete("/api/v1/me").set(bearer(learner.token)).expect(204);
    expect(rowsOfUser(h, id)).toEqual(theirs);
    expect(h.db.prepare("SELECT * FROM users WHERE id = ?").get(id)).toEqual(account);
    expect(countRows(h, "weekly_classes")).toBeGreaterThan(0);
  });

  it("ends every session of the learner: the token answers 401 afterwards", async () => {
    const second = await request(h.app)
      .post("/api/v1/session")
      .send({ accessToken: await sandboxToken(h, learner.zaloId) })
      .expect(200);
    await request(h.app).delete("/api/v1/me").set(bearer(learner.token)).expect(204);
    for (const token of [learner.token, second.body.token as string]) {
      await request(h.app).get("/api/v1/me").set(bearer(token)).expect(401);
      await request(h.app).get("/api/v1/me/export").set(bearer(token)).expect(401);
      await request(h.app).delete("/api/v1/me").set(bearer(token)).expect(401);
    }
    await request(h.app).get("/api/v1/me").set(bearer(neighbour.token)).expect(200);
  });

  it("lets the same Zalo user sign in again as a new learner with nothing stored", async () => {
    await request(h.app).delete("/api/v1/me").set(bearer(learner.token)).expect(204);
    const res = await request(h.app)
      .post("/api/v1/session")
      .send({ accessToken: await sandboxToken(h, learner.zaloId) })
      .expect(201);
    expect(res.body.me).toMatchObject({ tdpId: null, certifiedOn: null, consents: {} });
  });

  it("needs a session", async () => {
    await request(h.app).delete("/api/v1/me").expect(401);
    expect(countRows(h, "users")).toBe(2);
  });
});

describe("GET /api/v1/me/export", () => {
  it("downloads everything stored about the learner as a JSON attachment named with today's ward date", async () => {
    const res = await request(h.app).get("/api/v1/me/export").set(bearer(learner.token)).expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="hocso-du-lieu-cua-toi-2026-11-28.json"');
    expect(res.headers["cache-control"]).toBe("no-store");
    const data = JSON.parse(res.text) as Record<string, unknown>;
    const now = h.clock.now().toISOString();
    const at = (m: number) => minutesFromNow(h, m);
    expect(data).toEqual({
      format: "hocso-du-lieu-cua-toi/1",
      exportedAt: now,
      controller: ward.controller,
      me: {
        zaloId: learner.zaloId,
        displayName: "Bà Tư",
        tdpId: tdp.id,
        audience: null,
        ageBand: "60-tro-len",
        guardianConfirmed: false,
        certifiedOn: "2026-10-01",
        oaScopedId: null,
        createdAt: now,
        updatedAt: now,
      },
      consents: [
        { purpose: "progress", granted: true, textVersion: CONSENT_TEXT_VERSION, decidedAt: now },
        { purpose: "reminders", granted: false, textVersion: CONSENT_TEXT_VERSION, decidedAt: now },
      ],
      sessions: [{ createdAt: now, expiresAt: new Date(h.clock.now().getTime() + 90 * 86_400_000).toISOString() }],
      progress: [
        {
          lessonId: lesson.id,
          stepIndex: 2,
          stepAt: at(-30),
          completedAt: at(-10),
          bestCorrect: 1,
          lastCorrect: 1,
          total: lesson.quiz.length,
          quizAt: at(-10),
          updatedAt: now,
        },
      ],
      learningEvents: [
        { id: expect.any(String), type: "step", lessonId: lesson.id, at: at(-30), receivedAt: now, stepIndex: 2 },
        {
          id: expect.any(String),
          type: "answer",
          lessonId: lesson.id,
          at: at(-20),
          receivedAt: now,
          questionId: question.id,
          choice: wrongChoice(question),
          correct: false,
          source: "quiz",
        },
        {
          id: expect.any(String),
          type: "quiz-finished",
          lessonId: lesson.id,
          at: at(-10),
          receivedAt: now,
          correct: 1,
          total: lesson.quiz.length,
        },
      ],
      classRsvps: [{ classId: cls.id, date: meetingDate, going: true, updatedAt: now }],
      attendance: [{ classId: cls.id, date: heldDate, method: "tick", recordedAt: now }],
    });
  });

  it("carries no internal numeric id, no token and no token hash", async () => {
    const res = await request(h.app).get("/api/v1/me/export").set(bearer(learner.token)).expect(200);
    const keys = new Set<string>();
    const numbersUnderId: unknown[] = [];
    JSON.parse(res.text, function (key: string, value: unknown) {
      keys.add(key);
      if (/id$/i.test(key) && typeof value === "number") numbersUnderId.push(value);
      return value;
    });
    expect([...keys].filter((k) => /user_?id|token|hash/i.test(k))).toEqual([]);
    expect(numbersUnderId).toEqual([]);
    const hash = createHash("sha256").update(learner.token).digest("hex");
    expect(res.text).not.toContain(hash);
    expect(res.text).not.toContain(learner.token);
  });

  it("holds only this learner's data", async () => {
    const res = await request(h.app).get("/api/v1/me/export").set(bearer(learner.token)).expect(200);
    expect(res.text).not.toContain(neighbour.zaloId);
    const data = JSON.parse(res.text) as { learningEvents: unknown[]; classRsvps: unknown[] };
    expect([data.learningEvents.length, data.classRsvps.length]).toEqual([3, 1]);
  });

  it("names the file with the ward's date, which runs 7 hours ahead of UTC", async () => {
    h.clock.advance(17 * 3600_000); // 2026-11-28T18:00Z = 01:00 on 29/11 in Ba Ngòi
    const res = await request(h.app).get("/api/v1/me/export").set(bearer(learner.token)).expect(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="hocso-du-lieu-cua-toi-2026-11-29.json"');
  });

  it("exports an empty record for a learner who has stored nothing yet", async () => {
    const newcomer = await signIn(h, "Em Út");
    const res = await request(h.app).get("/api/v1/me/export").set(bearer(newcomer.token)).expect(200);
    expect(JSON.parse(res.text)).toMatchObject({
      me: { zaloId: newcomer.zaloId, tdpId: null, certifiedOn: null },
      consents: [],
      progress: [],
      learningEvents: [],
      classRsvps: [],
      attendance: [],
    });
  });

  it("needs a session", async () => {
    await request(h.app).get("/api/v1/me/export").expect(401);
  });
});
