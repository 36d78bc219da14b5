// Building sync events the way the mini app's offline queue does, from real lesson content,
// and sending them to POST /api/v1/sync.
import { randomUUID } from "node:crypto";
import { lessons } from "@hocso/content/all-lessons";
import type { SyncEvent } from "@hocso/shared/api";
import type { Lesson, Question } from "@hocso/shared/content";
import request from "supertest";
import { bearer, type ApiHarness, type SignedIn } from "./api-harness.ts";

/** An instant `minutes` from the harness clock's now (negative = earlier), ISO-8601 UTC. */
export function minutesFromNow(h: ApiHarness, minutes: number): string {
  return new Date(h.clock.now().getTime() + minutes * 60_000).toISOString();
}

export function stepEvent(lesson: Lesson, stepIndex: number, at: string): SyncEvent {
  return { id: randomUUID(), type: "step", lessonId: lesson.id, stepIndex, at };
}

export function answerEvent(
  lesson: Lesson,
  question: Question,
  choice: number,
  at: string,
  source: "quiz" | "review" = "quiz",
): SyncEvent {
  return { id: randomUUID(), type: "answer", lessonId: lesson.id, questionId: question.id, choice, source, at };
}

export function quizFinishedEvent(lesson: Lesson, correct: number, at: string): SyncEvent {
  return { id: randomUUID(), type: "quiz-finished", lessonId: lesson.id, correct, total: lesson.quiz.length, at };
}

/** The option a question counts as right, and one it counts as wrong. */
export function rightChoice(question: Question): number {
  return question.answer;
}

export function wrongChoice(question: Question): number {
  return (question.answer + 1) % question.options.length;
}

/** A question of the course with only two options (so choice 2 is beyond it), and its lesson. */
export function twoOptionQuestion(): { lesson: Lesson; question: Question } {
  for (const lesson of lessons) {
    const question = lesson.quiz.find((q) => q.options.length === 2);
    if (question) return { lesson, question };
  }
  throw new Error("the course has no two-option question to test with");
}

export function postSync(h: ApiHarness, learner: SignedIn, events: unknown[]) {
  return request(h.app).post("/api/v1/sync").set(bearer(learner.token)).send({ events });
}
