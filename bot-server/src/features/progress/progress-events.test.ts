// The fold from synced events to a progress row: the same events give the same row in
// any order and any grouping, and nothing but steps and finished quizzes moves it.
import { lessons } from "@hocso/content/all-lessons";
import { describe, expect, it } from "vitest";
import type { LearningEvent } from "../../db/learning-events.ts";
import type { StoredProgress } from "../../db/progress.ts";
import { applyEvents } from "./progress-events.ts";

const lesson = lessons[0]!;
const total = lesson.quiz.length;
let n = 0;
const step = (stepIndex: number, at: string): LearningEvent => ({ id: `s${n++}`, type: "step", lessonId: lesson.id, stepIndex, at });
const quiz = (correct: number, at: string): LearningEvent => ({
  id: `q${n++}`,
  type: "quiz-finished",
  lessonId: lesson.id,
  correct,
  total,
  at,
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe("applyEvents", () => {
  const events = [
    step(1, "2026-11-28T00:10:00.000Z"),
    quiz(2, "2026-11-28T00:20:00.000Z"),
    step(3, "2026-11-28T00:30:00.000Z"),
    quiz(1, "2026-11-28T00:40:00.000Z"),
    step(0, "2026-11-28T00:05:00.000Z"),
  ];
  const expected: StoredProgress = {
    lessonId: lesson.id,
    stepIndex: 3,
    stepAt: "2026-11-28T00:30:00.000Z",
    completedAt: "2026-11-28T00:20:00.000Z",
    bestCorrect: 2,
    lastCorrect: 1,
    total,
    quizAt: "2026-11-28T00:40:00.000Z",
    updatedAt: "",
  };

  it("gives the same row for every order of the same events in one batch", () => {
    for (const order of permutations(events)) expect(applyEvents(undefined, lesson, order)).toEqual(expected);
  });

  it("gives the same row when the events arrive one by one, in any order", () => {
    for (const order of permutations(events)) {
      const row = order.reduce<StoredProgress | undefined>((r, e) => applyEvents(r, lesson, [e]), undefined);
      expect(row).toEqual(expected);
    }
  });

  it("starts a quiz's scores afresh when the stored ones were for a quiz of another length", () => {
    const stale: StoredProgress = { ...expected, bestCorrect: 9, lastCorrect: 9, total: total + 4 };
    expect(applyEvents(stale, lesson, [quiz(0, "2026-11-28T00:01:00.000Z")])).toMatchObject({
      bestCorrect: 0,
      lastCorrect: 0,
      total,
      completedAt: "2026-11-28T00:01:00.000Z",
    });
  });

  it("makes no row from answers alone and leaves a row alone for them", () => {
    const answer: LearningEvent = {
      id: "a",
      type: "answer",
      lessonId: lesson.id,
      questionId: lesson.quiz[0]!.id,
      choice: 0,
      correct: true,
      source: "quiz",
      at: "2026-11-28T00:00:00.000Z",
    };
    expect(applyEvents(undefined, lesson, [answer])).toBeUndefined();
    expect(applyEvents(expected, lesson, [answer])).toEqual(expected);
  });
});
