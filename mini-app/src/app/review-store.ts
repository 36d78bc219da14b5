// Questions to ask again (key hocso:review): each one answered wrongly, in a quiz or a review,
// starts a Leitner schedule (shared/src/review.ts) kept on this phone only.
import * as z from "zod/mini";
import { afterAnswer, dueForReview, type ReviewItem } from "@hocso/shared/review";
import { createDeviceStore } from "./device-store.ts";

export const REVIEW_KEY = "hocso:review";

const ReviewItemSchema = z.object({
  lessonId: z.string(),
  questionId: z.string(),
  box: z.int().check(z.minimum(0)),
  dueAt: z.number(),
});

export const reviewStore = createDeviceStore<ReviewItem[]>(REVIEW_KEY, z.array(ReviewItemSchema), []);

const same = (a: { lessonId: string; questionId: string }, b: { lessonId: string; questionId: string }) =>
  a.lessonId === b.lessonId && a.questionId === b.questionId;

/** Move a question along its schedule after an answer (or start one after a wrong answer). */
export function scheduleAfterAnswer(answer: { lessonId: string; questionId: string; correct: boolean; at: number }): void {
  reviewStore.set((items) => {
    const current = items.find((i) => same(i, answer));
    const next = afterAnswer(current, answer);
    const others = items.filter((i) => !same(i, answer));
    return next ? [...others, next] : current ? others : items;
  });
}

/** Drop questions that no longer exist in the course (a lesson was rewritten). */
export function forgetReviewItems(gone: ReadonlyArray<{ lessonId: string; questionId: string }>): void {
  if (gone.length === 0) return;
  reviewStore.set((items) => items.filter((i) => !gone.some((g) => same(g, i))));
}

export function dueReviewItems(items: readonly ReviewItem[], now = Date.now()): ReviewItem[] {
  return dueForReview(items, now);
}
