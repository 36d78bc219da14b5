// PUT and GET /api/v1/progress: saved only with consent, checked against the lesson, idempotent.
import { lessons } from "@hocso/content/all-lessons";
import { CONSENT_TEXT_VERSION } from "@hocso/shared/learner";
import { ProgressSchema } from "@hocso/shared/api";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, countRows, signIn, startApiHarness, type ApiHarness, type SignedIn } from "../support/api-harness.ts";

let h: ApiHarness;
let learner: SignedIn;
const lesson = lessons[0]!;
const steps = lesson.steps.length;
const questions = lesson.quiz.length;

beforeEach(async () => {
  h = await startApiHarness();
  learner = await signIn(h);
});
afterEach(() => h.stop());

async function consentToProgress(granted = true): Promise<void> {
  await request(h.app)
    .patch("/api/v1/me")
    .set(bearer(learner.token))
    .send({ consents: { progress: granted }, consentVersion: CONSENT_TEXT_VERSION })
    .expect(200);
}

function put(body: unknown, lessonId = lesson.id) {
  return request(h.app).put(`/api/v1/progress/${lessonId}`).set(bearer(learner.token)).send(body as object);
}

function progressRows(): unknown[] {
  return h.db.prepare("SELECT * FROM progress ORDER BY lesson_id").all();
}

describe("PUT /api/v1/progress/:lessonId", () => {
  it("saves the learner's step in a lesson", async () => {
    await consentToProgress();
    const res = await put({ stepIndex: 1, completed: false }).expect(200);
    expect(ProgressSchema.parse(res.body)).toEqual({
      lessonId: lesson.id,
      stepIndex: 1,
      completedAt: null,
      bestCorrect: null,
      lastCorrect: null,
      total: null,
      updatedAt: h.clock.now().toISOString(),
    });
  });

  it("gives the same row and the same answer when the same body is sent twice", async () => {
    await consentToProgress();
    const body = { stepIndex: steps, completed: true, quiz: { correct: questions - 1, total: questions } };
    const first = await put(body).expect(200);
    const rowsAfterFirst = progressRows();
    h.clock.advance(5 * 60_000);
    const second = await put(body).expect(200);
    expect(second.body).toEqual(first.body);
    expect(progressRows()).toEqual(rowsAfterFirst);
    expect(countRows(h, "progress")).toBe(1);
  });

  it("sets completedAt once and keeps it, keeps the best score and the last one", async () => {
    await consentToProgress();
    const done = await put({ stepIndex: steps, completed: true, quiz: { correct: questions, total: questions } }).expect(200);
    const completedAt = done.body.completedAt as string;
    expect(completedAt).toBe(h.clock.now().toISOString());
    h.clock.advanceDays(1);
    const retry = await put({ stepIndex: steps, completed: true, quiz: { correct: 0, total: questions } }).expect(200);
    expect(retry.body).toMatchObject({ completedAt, bestCorrect: questions, lastCorrect: 0, total: questions });
    h.clock.advanceDays(1);
    const review = await put({ stepIndex: 0, completed: false }).expect(200);
    expect(review.body).toMatchObject({ stepIndex: 0, completedAt, bestCorrect: questions, lastCorrect: 0 });
  });

  it("answers 403 without the learner's progress consent, and after they withdraw it", async () => {
    const before = await put({ stepIndex: 0, completed: false }).expect(403);
    expect(before.body.error.code).toBe("forbidden");
    await consentToProgress(true);
    await consentToProgress(false);
    await put({ stepIndex: 0, completed: false }).expect(403);
    expect(countRows(h, "progress")).toBe(0);
  });

  it("answers 404 for a lesson the course does not have", async () => {
    await consentToProgress();
    const res = await put({ stepIndex: 0, completed: false }, "bai-khong-co").expect(404);
    expect(res.body.error.code).toBe("not_found");
    expect(countRows(h, "progress")).toBe(0);
  });

  it("accepts the quiz as the step after the last, and answers 400 naming stepIndex beyond it", async () => {
    await consentToProgress();
    await put({ stepIndex: steps, completed: false }).expect(200);
    const before = progressRows();
    const res = await put({ stepIndex: steps + 1, completed: false }).expect(400);
    expect(res.body.error.fields).toEqual([{ path: "stepIndex", message: expect.stringContaining(`quiz at ${steps}`) }]);
    expect(progressRows()).toEqual(before);
  });

  it("answers 400 naming quiz.total when it is not the lesson's question count, and writes nothing", async () => {
    await consentToProgress();
    const res = await put({ stepIndex: steps, completed: true, quiz: { correct: 1, total: questions + 1 } }).expect(400);
    expect(res.body.error.fields).toEqual([
      { path: "quiz.total", message: `this lesson's quiz has ${questions} questions` },
    ]);
    expect(countRows(h, "progress")).toBe(0);
  });

  it("answers 400 naming each field of a malformed body, and writes nothing", async () => {
    await consentToProgress();
    const res = await put({ stepIndex: -1, completed: "yes", extra: 1 }).expect(400);
    const paths = (res.body.error.fields as Array<{ path: string }>).map((f) => f.path).sort();
    expect(paths).toEqual(["completed", "extra", "stepIndex"]);
    const noQuiz = await put({ stepIndex: steps, completed: true }).expect(400);
    expect(noQuiz.body.error.fields).toEqual([{ path: "quiz", message: "a completed lesson carries its quiz score" }]);
    const tooMany = await put({ stepIndex: steps, completed: true, quiz: { correct: 9, total: 2 } }).expect(400);
    expect(tooMany.body.error.fields[0].path).toBe("quiz.correct");
    expect(countRows(h, "progress")).toBe(0);
  });

  it("answers 400 for malformed JSON and 413 for a 17 kB body, and still answers afterwards", async () => {
    await consentToProgress();
    await request(h.app)
      .put(`/api/v1/progress/${lesson.id}`)
      .set(bearer(learner.token))
      .set("Content-Type", "application/json")
      .send("{stepIndex: 1")
      .expect(400);
    await request(h.app)
      .put(`/api/v1/progress/${lesson.id}`)
      .set(bearer(learner.token))
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ stepIndex: 1, completed: false, pad: "x".repeat(17 * 1024) }))
      .expect(413);
    await put({ stepIndex: 1, completed: false }).expect(200);
  });
});

describe("GET /api/v1/progress", () => {
  it("lists only this learner's lessons", async () => {
    await consentToProgress();
    await put({ stepIndex: 2, completed: false }).expect(200);
    const other = await signIn(h, "Ông Ba");
    await request(h.app)
      .patch("/api/v1/me")
      .set(bearer(other.token))
      .send({ consents: { progress: true }, consentVersion: CONSENT_TEXT_VERSION })
      .expect(200);
    const res = await request(h.app).get("/api/v1/progress").set(bearer(learner.token)).expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ lessonId: lesson.id, stepIndex: 2 });
    const theirs = await request(h.app).get("/api/v1/progress").set(bearer(other.token)).expect(200);
    expect(theirs.body).toEqual({ items: [] });
  });
});
