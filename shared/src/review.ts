// Spaced review of questions answered wrongly, and when a lesson counts as mastered.
// A Leitner schedule: a missed question comes back after a day; each right answer on
// review moves it to a longer interval; a wrong one sends it back to the start.

/** Days until the next review, by box. Box 0 is "just missed". */
export const REVIEW_INTERVAL_DAYS = [1, 3, 7, 14] as const;

export interface ReviewItem {
  lessonId: string;
  questionId: string;
  box: number;
  /** epoch ms when it is due again */
  dueAt: number;
}

/** A lesson is mastered when one whole quiz attempt reaches this share of right answers. */
export const MASTERY_RATIO = 0.8;

export function isMastered(correct: number, total: number): boolean {
  return total > 0 && correct / total >= MASTERY_RATIO - 1e-9;
}

const DAY_MS = 86_400_000;

/**
 * The review item after an answer: a wrong answer (re)starts at box 0; a right one on a
 * question under review moves up a box, and leaves review after the last interval
 * (returns null). A right first answer to a question never missed needs no review.
 */
export function afterAnswer(
  item: ReviewItem | undefined,
  answer: { lessonId: string; questionId: string; correct: boolean; at: number },
): ReviewItem | null {
  if (!answer.correct) {
    return { lessonId: answer.lessonId, questionId: answer.questionId, box: 0, dueAt: answer.at + REVIEW_INTERVAL_DAYS[0] * DAY_MS };
  }
  if (!item) return null;
  const box = item.box + 1;
  if (box >= REVIEW_INTERVAL_DAYS.length) return null;
  return { ...item, box, dueAt: answer.at + REVIEW_INTERVAL_DAYS[box]! * DAY_MS };
}

export function dueForReview(items: readonly ReviewItem[], now: number): ReviewItem[] {
  return items.filter((i) => i.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
}
