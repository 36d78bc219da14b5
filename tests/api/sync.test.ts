// POST /api/v1/sync: the phone's offline queue of learning events. Each event id is stored
// once per learner, the batch is all or nothing, correctness comes from the lesson, and
// progress lands the same whatever order or grouping the events arrive in.
import { lessons } from "@hocso/content/all-lessons";
import { SyncResponseSchema, type SyncEvent } from "@hocso/shared/api";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bearer, countRows, decideConsent, signIn, startApiHarness, type ApiHarness, type SignedIn } from "../support/api-harness.ts";
import {
  answerEvent,
  minutesFromNow,
  postSync,
  quizFinishedEvent,
  rightChoice,
  stepEvent,
  twoOptionQuestion,
  wrongChoice,
} from "../support/learning-events.ts";

let h: ApiHarness;
let learner: SignedIn;
const lesson = lessons[0]!;
const other = lessons[1]!;
const steps = lesson.steps.length;
const questions = lesson.quiz.length;
const q0 = lesson.quiz[0]!;
const q1 = lesson.quiz[1]!;

beforeEach(async () => {
  h = await startApiHarness();
  learner = await signIn(h);
  await decideConsent(h, learner);
});
afterEach(() => h.stop());

const at = (minutes: number) => minutesFromNow(h, minutes);

function ids(events: SyncEvent[]): string[] {
  return events.map((e) => e.id);
}

function eventCounts() {
  return { events: countRows(h, "learning_events"), answers: countRows(h, "answer_attempts") };
}

async function progressOf(lessonId: string, who = learner) {
  const res = await request(h.app).get("/api/v1/progress").set(bearer(who.token)).expect(200);
  return (res.body.items as Array<{ lessonId: string }>).find((p) => p.lessonId === lessonId);
}

describe("POST /api/v1/sync", () => {
  it("stores a batch and moves the lesson's progress: resume point, completion and scores", async () => {
    const events = [
      stepEvent(lesson, 0, at(-30)),
      stepEvent(lesson, steps, at(-20)),
      answerEvent(lesson, q0, rightChoice(q0), at(-19)),
      answerEvent(lesson, q1, wrongChoice(q1), at(-18)),
      quizFinishedEvent(lesson, questions - 1, at(-15)),
    ];
    const res = await postSync(h, learner, events).expect(200);
    expect(SyncResponseSchema.parse(res.body)).toEqual({
      accepted: ids(events),
      duplicates: [],
      progress: [
        {
          lessonId: lesson.id,
          stepIndex: steps,
          completedAt: at(-15),
          bestCorrect: questions - 1,
          lastCorrect: questions - 1,
          total: questions,
          updatedAt: at(0),
        },
      ],
    });
    expect(await progressOf(lesson.id)).toEqual(res.body.progress[0]);
    expect(eventCounts()).toEqual({ events: 5, answers: 2 });
  });

  it("gives the same progress for the same batch sent twice, listing every id as a duplicate", async () => {
    const events = [stepEvent(lesson, 2, at(-10)), quizFinishedEvent(lesson, 1, at(-5))];
    const first = await postSync(h, learner, events).expect(200);
    const rows = h.db.prepare("SELECT * FROM progress").all();
    h.clock.advance(60_000);
    const again = await postSync(h, learner, events).expect(200);
    expect(again.body).toEqual({ accepted: [], duplicates: ids(events), progress: first.body.progress });
    expect(h.db.prepare("SELECT * FROM progress").all()).toEqual(rows);
    expect(eventCounts()).toEqual({ events: 2, answers: 0 });
  });

  it("stores only the new events of a batch that mixes stored and new ones", async () => {
    const first = [
      stepEvent(lesson, 1, at(-40)),
      answerEvent(lesson, q0, wrongChoice(q0), at(-39)),
      answerEvent(lesson, q1, rightChoice(q1), at(-38)),
    ];
    await postSync(h, learner, first).expect(200);
    const replay = await postSync(h, learner, first).expect(200);
    expect([replay.body.accepted, replay.body.duplicates]).toEqual([[], ids(first)]);
    const fresh = [answerEvent(lesson, q0, rightChoice(q0), at(-30)), stepEvent(lesson, 3, at(-29))];
    const mixed = [first[1]!, fresh[0]!, first[0]!, fresh[1]!];
    const res = await postSync(h, learner, mixed).expect(200);
    expect(res.body.accepted).toEqual(ids(fresh));
    expect(res.body.duplicates).toEqual([first[1]!.id, first[0]!.id]);
    expect(res.body.progress[0]).toMatchObject({ lessonId: lesson.id, stepIndex: 3 });
    expect(eventCounts()).toEqual({ events: 5, answers: 3 });
  });

  it("treats an id repeated inside one batch as a duplicate of its first occurrence", async () => {
    const step = stepEvent(lesson, 2, at(-3));
    const res = await postSync(h, learner, [step, { ...step, stepIndex: 4 }]).expect(200);
    expect([res.body.accepted, res.body.duplicates]).toEqual([[step.id], [step.id]]);
    expect(res.body.progress[0].stepIndex).toBe(2);
    expect(eventCounts().events).toBe(1);
  });

  it("keeps each learner's event ids apart: the same id from two learners is stored for both", async () => {
    const events = [stepEvent(lesson, 1, at(-2))];
    const second = await signIn(h, "Ông Sáu");
    await decideConsent(h, second);
    await postSync(h, learner, events).expect(200);
    const theirs = await postSync(h, second, events).expect(200);
    expect(theirs.body.accepted).toEqual(ids(events));
    expect(eventCounts().events).toBe(2);
  });

  it("keeps the resume point of the latest step by time: an older step arriving late does not move it back", async () => {
    await postSync(h, learner, [stepEvent(lesson, 3, at(-10))]).expect(200);
    const late = await postSync(h, learner, [stepEvent(lesson, 1, at(-60))]).expect(200);
    expect(late.body.progress[0].stepIndex).toBe(3);
    const newer = await postSync(h, learner, [stepEvent(lesson, 0, at(-1))]).expect(200);
    expect(newer.body.progress[0].stepIndex).toBe(0);
  });

  it("keeps the earliest completion, the best score and the latest attempt's score, whatever order attempts arrive in", async () => {
    await postSync(h, learner, [quizFinishedEvent(lesson, 1, at(-10))]).expect(200);
    await postSync(h, learner, [quizFinishedEvent(lesson, questions, at(-300))]).expect(200);
    const res = await postSync(h, learner, [quizFinishedEvent(lesson, 0, at(-100))]).expect(200);
    expect(res.body.progress[0]).toMatchObject({
      completedAt: at(-300),
      bestCorrect: questions,
      lastCorrect: 1,
      total: questions,
    });
  });

  it("lands the same progress whether the events come in one batch or in pieces, in any order", async () => {
    const events = [
      stepEvent(lesson, 1, at(-50)),
      quizFinishedEvent(lesson, 2, at(-40)),
      stepEvent(lesson, steps, at(-45)),
      quizFinishedEvent(lesson, 0, at(-20)),
      stepEvent(lesson, 2, at(-10)),
      stepEvent(other, 1, at(-5)),
    ];
    const together = await postSync(h, learner, events).expect(200);
    const second = await signIn(h, "Bà Bảy");
    await decideConsent(h, second);
    for (const piece of [[events[4]!, events[3]!], [events[5]!], [events[0]!, events[2]!, events[1]!]]) {
      await postSync(h, second, piece).expect(200);
    }
    const pieces = await request(h.app).get("/api/v1/progress").set(bearer(second.token)).expect(200);
    expect(pieces.body.items).toEqual(together.body.progress);
    expect(together.body.progress.find((p: { lessonId: string }) => p.lessonId === lesson.id)).toMatchObject({
      stepIndex: 2,
      completedAt: at(-40),
      bestCorrect: 2,
      lastCorrect: 0,
    });
  });

  it("starts a lesson's row at its quiz when a finished quiz is the first thing synced for it", async () => {
    const res = await postSync(h, learner, [quizFinishedEvent(lesson, 2, at(-1))]).expect(200);
    expect(res.body.progress[0]).toMatchObject({ stepIndex: steps, completedAt: at(-1), bestCorrect: 2 });
  });

  it("makes no progress row from answers alone, but keeps them in the attempt log", async () => {
    const res = await postSync(h, learner, [answerEvent(lesson, q0, wrongChoice(q0), at(-1), "review")]).expect(200);
    expect(res.body.progress).toEqual([]);
    expect(countRows(h, "progress")).toBe(0);
    expect(countRows(h, "answer_attempts")).toBe(1);
  });

  it("works out on the server whether each answer is right and logs it with question, choice, source and time", async () => {
    const offset = "2026-11-28T07:50:00.000+07:00";
    const events = [
      answerEvent(lesson, q0, rightChoice(q0), at(-11)),
      answerEvent(lesson, q0, wrongChoice(q0), offset, "review"),
    ];
    await postSync(h, learner, events).expect(200);
    const rows = h.db
      .prepare("SELECT event_id, lesson_id, question_id, choice, correct, source, at FROM answer_attempts ORDER BY at")
      .all();
    expect(rows).toEqual([
      {
        event_id: events[0]!.id,
        lesson_id: lesson.id,
        question_id: q0.id,
        choice: rightChoice(q0),
        correct: 1,
        source: "quiz",
        at: at(-11),
      },
      {
        event_id: events[1]!.id,
        lesson_id: lesson.id,
        question_id: q0.id,
        choice: wrongChoice(q0),
        correct: 0,
        source: "review",
        at: "2026-11-28T00:50:00.000Z",
      },
    ]);
  });

  it("never takes an answer's correctness from the client: a correct field is refused as unknown", async () => {
    const answer = { ...answerEvent(lesson, q0, wrongChoice(q0), at(-1)), correct: true };
    const res = await postSync(h, learner, [answer]).expect(400);
    expect(res.body.error.fields).toEqual([{ path: "events.0.correct", message: "is not a known field" }]);
    expect(eventCounts()).toEqual({ events: 0, answers: 0 });
  });

  it("answers 400 naming events.<i>.<field> for every event the course does not allow, and stores none of the batch", async () => {
    const two = twoOptionQuestion();
    const batch: unknown[] = [
      stepEvent(lesson, 1, at(-9)),
      { ...stepEvent(lesson, 0, at(-8)), lessonId: "bai-khong-co" },
      { ...answerEvent(lesson, q0, 0, at(-7)), questionId: "cau-khong-co" },
      answerEvent(two.lesson, two.question, 2, at(-6)),
      { ...quizFinishedEvent(lesson, 1, at(-5)), total: questions + 1 },
      { ...quizFinishedEvent(lesson, 1, at(-4)), correct: questions + 1 },
      stepEvent(lesson, steps + 1, at(-3)),
      stepEvent(lesson, 0, at(6)),
    ];
    const res = await postSync(h, learner, batch).expect(400);
    expect(res.body.error.code).toBe("bad_request");
    const fields = res.body.error.fields as Array<{ path: string; message: string }>;
    expect(fields.map((f) => f.path)).toEqual([
      "events.1.lessonId",
      "events.2.questionId",
      "events.3.choice",
      "events.4.total",
      "events.5.correct",
      "events.6.stepIndex",
      "events.7.at",
    ]);
    expect(fields.slice(2, 6).map((f) => f.message)).toEqual([
      "this question has options 0–1",
      `this lesson's quiz has ${questions} questions`,
      "cannot exceed total",
      `this lesson has steps 0–${steps - 1} and its quiz at ${steps}`,
    ]);
    expect(res.body.error.message).toMatch(/^Nothing was stored: events\.1\.lessonId: .*; and 2 more$/);
    expect(eventCounts()).toEqual({ events: 0, answers: 0 });
    expect(countRows(h, "progress")).toBe(0);
  });

  it("accepts the quiz as a step (index = number of steps) and an event up to 5 minutes ahead of the server clock", async () => {
    const res = await postSync(h, learner, [stepEvent(lesson, steps, at(5))]).expect(200);
    expect(res.body.progress[0].stepIndex).toBe(steps);
    const ahead = new Date(h.clock.now().getTime() + 5 * 60_000 + 1000).toISOString();
    const tooFar = await postSync(h, learner, [stepEvent(lesson, 0, ahead)]).expect(400);
    expect(tooFar.body.error.fields).toEqual([{ path: "events.0.at", message: expect.stringContaining("5 minutes") }]);
  });

  it("answers 400 naming each field of a malformed batch, and stores nothing", async () => {
    const empty = await postSync(h, learner, []).expect(400);
    expect(empty.body.error.fields[0].path).toBe("events");
    const tooMany = await postSync(h, learner, Array.from({ length: 201 }, () => stepEvent(lesson, 0, at(-1)))).expect(400);
    expect(tooMany.body.error.fields[0].path).toBe("events");
    const bad = await postSync(h, learner, [
      { ...stepEvent(lesson, 0, at(-1)), id: "not-a-uuid" },
      { ...stepEvent(lesson, 0, "yesterday") },
      { ...stepEvent(lesson, 0, at(-1)), type: "lesson-opened" },
    ]).expect(400);
    const paths = (bad.body.error.fields as Array<{ path: string }>).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["events.0.id", "events.1.at", "events.2.type"]));
    expect(eventCounts().events).toBe(0);
  });

  it("takes a full batch of 200 events, more than the 16 kB other bodies may have", async () => {
    const events = Array.from({ length: 200 }, (_, i) =>
      answerEvent(lesson, lesson.quiz[i % questions]!, 0, at(-200 + i), i % 2 === 0 ? "quiz" : "review"),
    );
    expect(JSON.stringify({ events }).length).toBeGreaterThan(16 * 1024);
    const res = await postSync(h, learner, events).expect(200);
    expect(res.body.accepted).toHaveLength(200);
    expect(countRows(h, "answer_attempts")).toBe(200);
  });

  it("answers 413 for a batch over 64 kB, naming the limit", async () => {
    const events = Array.from({ length: 200 }, () => ({ ...stepEvent(lesson, 0, at(-1)), pad: "x".repeat(300) }));
    const res = await postSync(h, learner, events).expect(413);
    expect(res.body.error).toEqual({ code: "payload_too_large", message: "The body is over 64 kB" });
    expect(eventCounts().events).toBe(0);
  });

  it("answers 403 without the learner's progress consent, and after they withdraw it, storing nothing", async () => {
    const stranger = await signIn(h, "Chú Tám");
    const res = await postSync(h, stranger, [stepEvent(lesson, 1, at(-1))]).expect(403);
    expect(res.body.error.code).toBe("forbidden");
    await decideConsent(h, learner, "progress", false);
    await postSync(h, learner, [stepEvent(lesson, 1, at(-1))]).expect(403);
    expect(eventCounts().events).toBe(0);
  });

  it("needs a session", async () => {
    await request(h.app).post("/api/v1/sync").send({ events: [stepEvent(lesson, 1, at(-1))] }).expect(401);
    expect(eventCounts().events).toBe(0);
  });
});

describe("sync alongside PUT /api/v1/progress/:lessonId", () => {
  function put(body: object) {
    return request(h.app).put(`/api/v1/progress/${lesson.id}`).set(bearer(learner.token)).send(body);
  }

  it("keeps PUT working, and lets only a step later than the PUT move the resume point", async () => {
    const saved = await put({ stepIndex: 2, completed: false }).expect(200);
    expect(saved.body).toMatchObject({ stepIndex: 2, updatedAt: at(0) });
    const older = await postSync(h, learner, [stepEvent(lesson, 0, at(-60))]).expect(200);
    expect(older.body.progress[0].stepIndex).toBe(2);
    h.clock.advance(2 * 60_000);
    const newer = await postSync(h, learner, [stepEvent(lesson, 4, at(-1))]).expect(200);
    expect(newer.body.progress[0]).toMatchObject({ stepIndex: 4, updatedAt: at(0) });
    const again = await put({ stepIndex: 1, completed: false }).expect(200);
    expect(again.body.stepIndex).toBe(1);
  });

  it("keeps the best score across PUT and sync, and moves completion to an earlier offline finish", async () => {
    await put({ stepIndex: steps, completed: true, quiz: { correct: 1, total: questions } }).expect(200);
    const res = await postSync(h, learner, [quizFinishedEvent(lesson, questions, at(-120))]).expect(200);
    expect(res.body.progress[0]).toMatchObject({
      completedAt: at(-120),
      bestCorrect: questions,
      lastCorrect: 1,
      total: questions,
    });
  });
});
