// How synced events move a learner's progress row. The result does not depend on the order
// events arrive in, so an offline queue sent late, in pieces or twice lands the same:
// - the resume point is the step of the latest step event by `at` (its time is kept in
//   stepAt, so an older event arriving later cannot move it back);
// - completedAt is the earliest finished quiz (the first time the lesson was finished);
// - bestCorrect is the best attempt, lastCorrect/total the latest attempt by `at` (quizAt).
import type { Lesson } from "@hocso/shared/content";
import type { LearningEvent } from "../../db/learning-events.ts";
import type { StoredProgress } from "../../db/progress.ts";

/**
 * The row after applying a lesson's newly stored events to it, or undefined when there is
 * no row and none is needed (answers alone do not make one). updatedAt is left as it was;
 * the caller sets it when the row changed.
 */
export function applyEvents(
  previous: StoredProgress | undefined,
  lesson: Lesson,
  events: readonly LearningEvent[],
): StoredProgress | undefined {
  const byTime = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  let row = previous && { ...previous };
  for (const event of byTime) {
    if (event.type === "answer") continue;
    row ??= emptyRow(lesson, event);
    if (event.type === "step") {
      if (row.stepAt === null || event.at >= row.stepAt) {
        row.stepIndex = event.stepIndex;
        row.stepAt = event.at;
      }
      continue;
    }
    // A quiz of another length (the lesson was edited) starts its scores afresh.
    if (row.total !== null && row.total !== event.total) {
      row = { ...row, bestCorrect: null, lastCorrect: null, total: null, quizAt: null };
    }
    if (row.completedAt === null || event.at < row.completedAt) row.completedAt = event.at;
    row.bestCorrect = Math.max(row.bestCorrect ?? 0, event.correct);
    if (row.quizAt === null || event.at >= row.quizAt) {
      row.lastCorrect = event.correct;
      row.total = event.total;
      row.quizAt = event.at;
    }
  }
  return row;
}

/** A row first made by a finished quiz starts at the quiz; by a step event, at that step. */
function emptyRow(lesson: Lesson, first: LearningEvent): StoredProgress {
  return {
    lessonId: lesson.id,
    stepIndex: first.type === "step" ? first.stepIndex : lesson.steps.length,
    stepAt: null,
    completedAt: null,
    bestCorrect: null,
    lastCorrect: null,
    total: null,
    quizAt: null,
    updatedAt: "",
  };
}

export function sameStoredProgress(a: StoredProgress, b: StoredProgress): boolean {
  return (
    a.stepIndex === b.stepIndex &&
    a.stepAt === b.stepAt &&
    a.completedAt === b.completedAt &&
    a.bestCorrect === b.bestCorrect &&
    a.lastCorrect === b.lastCorrect &&
    a.total === b.total &&
    a.quizAt === b.quizAt
  );
}
