// "Cần hỗ trợ": which learners may need a facilitator's hand, and why (docs/API.md "Needs
// help"). The rule, after Kolibri's coach alert for "multiple unsuccessful attempts": more than
// 3 wrong answers on a lesson not mastered yet, or no learning for 21 days. Pure: the server
// reads the attempt log and progress, this decides; GET /api/v1/staff/needs-help lists the
// learners who agreed to share their progress ('share-progress') and only counts the others.
import { z } from "zod";
import { IsoDateSchema, wardDate } from "./dates.ts";
import { isMastered } from "./review.ts";

/** A lesson needs help after MORE than this many wrong answers (quiz or review). */
export const WRONG_ANSWERS_LIMIT = 3;
/** A learner needs help after this many ward days without any learning. */
export const INACTIVE_DAYS = 21;

/** What the server knows of one lesson a learner answered wrongly at least once. */
export interface LessonRecord {
  lessonId: string;
  /** answer_attempts with correct = 0 on this lesson, quiz and review together */
  wrongAnswers: number;
  /** the latest wrong answer (ISO-8601 UTC) */
  lastWrongAt: string;
  /** the best whole quiz attempt (progress.best_correct / total); null when none finished */
  bestCorrect: number | null;
  total: number | null;
}

export interface LearnerActivity {
  lessons: readonly LessonRecord[];
  /** the latest learning event's time, or the account's creation without any (ISO-8601 UTC) */
  lastActiveAt: string;
}

export const FailedAttemptsReasonSchema = z.object({
  kind: z.literal("failed-attempts"),
  lessonId: z.string(),
  /** the lesson's title from the course; the id if the course no longer has it */
  lessonTitle: z.string(),
  wrongAnswers: z.number().int().min(WRONG_ANSWERS_LIMIT + 1),
  /** the latest wrong answer (ISO-8601 UTC) */
  lastAt: z.string(),
});

export const InactiveReasonSchema = z.object({
  kind: z.literal("inactive"),
  /** the ward date of the last learning (or of the account's creation) */
  lastActiveOn: IsoDateSchema,
  /** ward days since then */
  days: z.number().int().min(INACTIVE_DAYS),
});

export const NeedsHelpReasonSchema = z.discriminatedUnion("kind", [FailedAttemptsReasonSchema, InactiveReasonSchema]);
export type NeedsHelpReason = z.infer<typeof NeedsHelpReasonSchema>;

/** A reason as the rule gives it, before the server adds the lesson's title. */
export type FoundReason = Omit<z.infer<typeof FailedAttemptsReasonSchema>, "lessonTitle"> | z.infer<typeof InactiveReasonSchema>;

export const NeedsHelpLearnerSchema = z.object({
  userId: z.number().int(),
  /** the name the learner gave, or null: shown as "Người học chưa đặt tên" */
  displayName: z.string().nullable(),
  tdpId: z.string(),
  tdpName: z.string(),
  /** at least one; the newest problem first */
  reasons: z.array(NeedsHelpReasonSchema).min(1),
});
export type NeedsHelpLearner = z.infer<typeof NeedsHelpLearnerSchema>;

export const NeedsHelpListSchema = z.object({
  /** by TDP in the ward file's order; in a TDP, the learner with the newest problem first */
  learners: z.array(NeedsHelpLearnerSchema),
  /** learners in scope who meet the rule but did not agree to share their progress: a count only */
  notSharing: z.number().int().min(0),
});
export type NeedsHelpList = z.infer<typeof NeedsHelpListSchema>;

export const NeedsHelpQuerySchema = z.strictObject({
  /** TDP = tổ dân phố; omitted: every TDP the caller may see reports of */
  tdpId: z.string().min(1).max(64).optional(),
});

const DAY_MS = 86_400_000;

/** Whole ward calendar days from the ward date of `from` to that of `to`. */
export function wardDaysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(wardDate(to)) - Date.parse(wardDate(from))) / DAY_MS);
}

/**
 * Why this learner needs help at `now`, the newest problem first: inactivity (a problem since
 * the last learning plus 21 days, so newer than any wrong answer), then each lesson by its
 * latest wrong answer. Empty when they do not.
 */
export function needsHelpReasons(activity: LearnerActivity, now: Date): FoundReason[] {
  const failed = activity.lessons
    .filter((l) => l.wrongAnswers > WRONG_ANSWERS_LIMIT)
    .filter((l) => !(l.bestCorrect !== null && l.total !== null && isMastered(l.bestCorrect, l.total)))
    .sort((a, b) => Date.parse(b.lastWrongAt) - Date.parse(a.lastWrongAt) || a.lessonId.localeCompare(b.lessonId))
    .map((l): FoundReason => ({ kind: "failed-attempts", lessonId: l.lessonId, wrongAnswers: l.wrongAnswers, lastAt: l.lastWrongAt }));
  const lastActive = new Date(activity.lastActiveAt);
  const days = wardDaysBetween(lastActive, now);
  if (days < INACTIVE_DAYS) return failed;
  return [{ kind: "inactive", lastActiveOn: wardDate(lastActive), days }, ...failed];
}

/** When a reason's problem began, to order learners by their newest problem (epoch ms). */
export function problemSince(reason: FoundReason): number {
  return reason.kind === "inactive"
    ? Date.parse(`${reason.lastActiveOn}T00:00:00+07:00`) + INACTIVE_DAYS * DAY_MS
    : Date.parse(reason.lastAt);
}
