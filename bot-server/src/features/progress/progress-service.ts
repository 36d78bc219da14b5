// Saving where a learner is in a lesson and how their quiz went. Stored only with their
// "progress" consent; replaying the same request changes nothing.
import type { Progress, ProgressPut } from "@hocso/shared/api";
import type { Lesson } from "@hocso/shared/content";
import type { Db } from "../../db/database.ts";
import { findProgress, listProgress, saveProgress, toProgress, type StoredProgress } from "../../db/progress.ts";
import type { Clock } from "../../lib/clock.ts";
import { requireConsent } from "../../lib/consent.ts";
import type { FindLesson } from "../../lib/content.ts";
import { AppError, type FieldError } from "../../lib/errors.ts";

export interface ProgressDeps {
  db: Db;
  clock: Clock;
  findLesson: FindLesson;
}

export function listLearnerProgress({ db }: ProgressDeps, userId: number): Progress[] {
  return listProgress(db, userId).map(toProgress);
}

export function putProgress(deps: ProgressDeps, userId: number, lessonId: string, put: ProgressPut): Progress {
  const lesson = deps.findLesson(lessonId);
  if (!lesson) throw new AppError("not_found", `There is no lesson "${lessonId}"`);
  requireConsent(deps.db, userId, "progress");
  const problems = checkAgainstLesson(lesson, put);
  if (problems.length > 0) {
    throw AppError.badRequest(problems.map((p) => `${p.path}: ${p.message}`).join("; "), problems);
  }
  return deps.db.transaction(() => {
    const previous = findProgress(deps.db, userId, lessonId);
    const next = nextProgress(previous, lessonId, put, deps.clock.now());
    if (previous && sameProgress(previous, next)) return toProgress(previous);
    saveProgress(deps.db, userId, next);
    return toProgress(next);
  })();
}

/** The quiz is the step after the last one, so stepIndex may equal the step count. */
function checkAgainstLesson(lesson: Lesson, put: ProgressPut): FieldError[] {
  const problems: FieldError[] = [];
  const steps = lesson.steps.length;
  if (put.stepIndex > steps) {
    problems.push({ path: "stepIndex", message: `this lesson has steps 0–${steps - 1} and its quiz at ${steps}` });
  }
  if (put.quiz && put.quiz.total !== lesson.quiz.length) {
    problems.push({ path: "quiz.total", message: `this lesson's quiz has ${lesson.quiz.length} questions` });
  }
  return problems;
}

/**
 * The row after this request: the learner's current step, reported now; completion time set
 * once and kept; the best score of all attempts on the same quiz (a quiz of another length
 * starts afresh).
 */
function nextProgress(
  previous: StoredProgress | undefined,
  lessonId: string,
  put: ProgressPut,
  now: Date,
): StoredProgress {
  const quiz = put.quiz;
  const at = now.toISOString();
  const earlierBest = quiz && previous?.total === quiz.total ? (previous.bestCorrect ?? 0) : 0;
  return {
    lessonId,
    stepIndex: put.stepIndex,
    stepAt: at,
    completedAt: previous?.completedAt ?? (put.completed ? at : null),
    bestCorrect: quiz ? Math.max(quiz.correct, earlierBest) : (previous?.bestCorrect ?? null),
    lastCorrect: quiz ? quiz.correct : (previous?.lastCorrect ?? null),
    total: quiz ? quiz.total : (previous?.total ?? null),
    quizAt: quiz ? at : (previous?.quizAt ?? null),
    updatedAt: at,
  };
}

function sameProgress(a: Progress, b: Progress): boolean {
  return (
    a.stepIndex === b.stepIndex &&
    a.completedAt === b.completedAt &&
    a.bestCorrect === b.bestCorrect &&
    a.lastCorrect === b.lastCorrect &&
    a.total === b.total
  );
}
