// What the lesson, quiz and review screens report. Each call updates the phone's own records
// at once (progress, spaced review) and appends one event to the outbox, then asks for a sync
// in the background: the learner never waits for the network.
import type { Question } from "@hocso/shared/content";
import { appendEvent } from "./outbox.ts";
import { recordQuiz, recordStep } from "./progress-store.ts";
import { scheduleAfterAnswer } from "./review-store.ts";
import { requestSync } from "./sync.ts";

/** The learner reached a step (stepCount = the "Ghi nhớ" box before the quiz). */
export function stepReached(lessonId: string, stepIndex: number): void {
  recordStep(lessonId, stepIndex);
  appendEvent({ type: "step", lessonId, stepIndex });
  void requestSync();
}

/** One answer, in a lesson's quiz or in a review; a wrong one (re)enters the spaced review. */
export function questionAnswered(
  lessonId: string,
  question: Pick<Question, "id" | "answer">,
  choice: number,
  source: "quiz" | "review",
): void {
  const event = appendEvent({ type: "answer", lessonId, questionId: question.id, choice, source });
  scheduleAfterAnswer({ lessonId, questionId: question.id, correct: choice === question.answer, at: Date.parse(event.at) });
  void requestSync();
}

/** A whole quiz attempt finished; returns the event's id, to show when it is saved. */
export function quizFinished(lessonId: string, stepCount: number, correct: number, total: number): string {
  recordQuiz(lessonId, stepCount, correct, total);
  const event = appendEvent({ type: "quiz-finished", lessonId, correct, total });
  void requestSync();
  return event.id;
}
