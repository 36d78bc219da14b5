// Checking a sync batch against the course before anything is stored: every event must
// name a real lesson, question, option and step, and must not come from the future. The
// server works out whether an answer is right from the lesson; the client never says.
import type { SyncEvent } from "@hocso/shared/api";
import type { Lesson } from "@hocso/shared/content";
import type { LearningEvent } from "../../db/learning-events.ts";
import type { FindLesson } from "../../lib/content.ts";
import { AppError, type FieldError } from "../../lib/errors.ts";

/** A phone's clock may run a little ahead of ours; more than this is a wrong clock. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The batch as it will be stored (times in UTC, answers marked right or wrong), or a 400 naming every problem. */
export function checkEvents(findLesson: FindLesson, events: readonly SyncEvent[], now: Date): LearningEvent[] {
  const problems: FieldError[] = [];
  const checked: LearningEvent[] = [];
  events.forEach((event, i) => {
    const report = (field: string, message: string) => problems.push({ path: `events.${i}.${field}`, message });
    const at = new Date(event.at);
    if (Number.isNaN(at.getTime())) {
      report("at", "is not a real instant");
      return;
    }
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      report("at", "is more than 5 minutes ahead of the server's clock; check the phone's date and time");
    }
    const lesson = findLesson(event.lessonId);
    if (!lesson) {
      report("lessonId", "there is no lesson with this id");
      return;
    }
    const stored = checkAgainstLesson(lesson, { ...event, at: at.toISOString() }, report);
    if (stored) checked.push(stored);
  });
  if (problems.length > 0) throw AppError.badRequest(summary(problems), problems);
  return checked;
}

function checkAgainstLesson(
  lesson: Lesson,
  event: SyncEvent,
  report: (field: string, message: string) => void,
): LearningEvent | undefined {
  const steps = lesson.steps.length;
  const questions = lesson.quiz.length;
  switch (event.type) {
    case "step":
      if (event.stepIndex > steps) {
        report("stepIndex", `this lesson has steps 0–${steps - 1} and its quiz at ${steps}`);
        return undefined;
      }
      return event;
    case "quiz-finished":
      if (event.total !== questions) {
        report("total", `this lesson's quiz has ${questions} questions`);
        return undefined;
      }
      if (event.correct > event.total) {
        report("correct", "cannot exceed total");
        return undefined;
      }
      return event;
    case "answer": {
      const question = lesson.quiz.find((q) => q.id === event.questionId);
      if (!question) {
        report("questionId", `lesson ${lesson.id} has no question with this id`);
        return undefined;
      }
      if (event.choice >= question.options.length) {
        report("choice", `this question has options 0–${question.options.length - 1}`);
        return undefined;
      }
      return { ...event, correct: event.choice === question.answer };
    }
  }
}

/** The message names the first few problems; `fields` carries them all. */
function summary(problems: FieldError[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : "";
  return `Nothing was stored: ${shown.join("; ")}${more}`;
}
