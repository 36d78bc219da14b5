// Lesson progress kept on the phone (key hocso:progress), so lessons work offline and without
// any consent. It changes at once on every move; the server hears of the same moves through the
// outbox (outbox.ts), and what the server knows (another phone) is merged back in by
// server-sync.ts.
import * as z from "zod/mini";
import { isMastered } from "@hocso/shared/review";
import { createDeviceStore } from "./device-store.ts";

export const PROGRESS_KEY = "hocso:progress";

const LessonProgressSchema = z.object({
  /** 0-based step the learner is on; stepCount means the "Ghi nhớ" box / quiz */
  stepIndex: z.int().check(z.minimum(0)),
  /** the quiz was finished at least once */
  completed: z.boolean(),
  bestCorrect: z.nullable(z.int()),
  lastCorrect: z.nullable(z.int()),
  total: z.nullable(z.int()),
  updatedAt: z.string(),
});
export type LessonProgress = z.infer<typeof LessonProgressSchema>;

const ProgressSchema = z.record(z.string(), LessonProgressSchema);
export type ProgressByLesson = z.infer<typeof ProgressSchema>;

export const progressStore = createDeviceStore<ProgressByLesson>(PROGRESS_KEY, ProgressSchema, {});

const EMPTY: Omit<LessonProgress, "updatedAt"> = {
  stepIndex: 0,
  completed: false,
  bestCorrect: null,
  lastCorrect: null,
  total: null,
};

export function recordStep(lessonId: string, stepIndex: number, now = new Date()): LessonProgress {
  const current = progressStore.get()[lessonId];
  const next: LessonProgress = { ...EMPTY, ...current, stepIndex, updatedAt: now.toISOString() };
  progressStore.set((all) => ({ ...all, [lessonId]: next }));
  return next;
}

export function recordQuiz(
  lessonId: string,
  stepIndex: number,
  correct: number,
  total: number,
  now = new Date(),
): LessonProgress {
  const current = progressStore.get()[lessonId];
  const next: LessonProgress = {
    ...EMPTY,
    ...current,
    stepIndex,
    completed: true,
    bestCorrect: Math.max(current?.bestCorrect ?? 0, correct),
    lastCorrect: correct,
    total,
    updatedAt: now.toISOString(),
  };
  progressStore.set((all) => ({ ...all, [lessonId]: next }));
  return next;
}

/** "Đã thuộc bài": the best attempt reached 80% (shared/src/review.ts). */
export function lessonMastered(progress: LessonProgress | undefined): boolean {
  return Boolean(progress?.completed && progress.bestCorrect !== null && progress.total !== null && isMastered(progress.bestCorrect, progress.total));
}

/** The lesson most recently worked on and not finished yet, for the "Học tiếp" card. */
export function lessonInProgress(progress: ProgressByLesson): string | null {
  let found: { id: string; at: string } | null = null;
  for (const [id, p] of Object.entries(progress)) {
    if (p.completed) continue;
    if (!found || p.updatedAt > found.at) found = { id, at: p.updatedAt };
  }
  return found?.id ?? null;
}
