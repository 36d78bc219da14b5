import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MASTERY_RATIO } from "./review.ts";
import {
  INACTIVE_DAYS,
  needsHelpReasons,
  NeedsHelpReasonSchema,
  problemSince,
  wardDaysBetween,
  WRONG_ANSWERS_LIMIT,
  type LessonRecord,
} from "./needs-help.ts";

// Thứ Bảy 28/11/2026, 08:00 ward time
const NOW = new Date("2026-11-28T01:00:00.000Z");
const daysBefore = (days: number, from = NOW) => new Date(from.getTime() - days * 86_400_000).toISOString();

function lesson(fields: Partial<LessonRecord> = {}): LessonRecord {
  return { lessonId: "quet-vietqr", wrongAnswers: 4, lastWrongAt: daysBefore(1), bestCorrect: null, total: null, ...fields };
}

describe("needs help: wrong answers", () => {
  it("flags a lesson with 4 wrong answers that is not mastered, with the count and the last wrong answer", () => {
    expect(needsHelpReasons({ lessons: [lesson()], lastActiveAt: daysBefore(1) }, NOW)).toEqual([
      { kind: "failed-attempts", lessonId: "quet-vietqr", wrongAnswers: 4, lastAt: daysBefore(1) },
    ]);
  });

  it("does not flag 3 wrong answers: it takes more than 3", () => {
    expect(needsHelpReasons({ lessons: [lesson({ wrongAnswers: 3 })], lastActiveAt: daysBefore(1) }, NOW)).toEqual([]);
  });

  it("lets a lesson go once a whole quiz attempt reaches mastery (80%), however many wrong answers came before", () => {
    const mastered = lesson({ wrongAnswers: 12, bestCorrect: 4, total: 5 });
    const passedOnly = lesson({ lessonId: "nhan-dien-lua-dao", wrongAnswers: 5, bestCorrect: 3, total: 5 });
    expect(needsHelpReasons({ lessons: [mastered, passedOnly], lastActiveAt: daysBefore(1) }, NOW)).toEqual([
      { kind: "failed-attempts", lessonId: "nhan-dien-lua-dao", wrongAnswers: 5, lastAt: daysBefore(1) },
    ]);
  });

  it("lists lessons with the newest wrong answer first", () => {
    const older = lesson({ lessonId: "a", lastWrongAt: daysBefore(5) });
    const newer = lesson({ lessonId: "b", lastWrongAt: daysBefore(2) });
    const reasons = needsHelpReasons({ lessons: [older, newer], lastActiveAt: daysBefore(2) }, NOW);
    expect(reasons.map((r) => (r.kind === "failed-attempts" ? r.lessonId : r.kind))).toEqual(["b", "a"]);
  });
});

describe("needs help: inactivity", () => {
  it("flags 21 ward days without learning, with the last day and the count", () => {
    expect(needsHelpReasons({ lessons: [], lastActiveAt: daysBefore(21) }, NOW)).toEqual([
      { kind: "inactive", lastActiveOn: "2026-11-07", days: 21 },
    ]);
  });

  it("does not flag 20 days", () => {
    expect(needsHelpReasons({ lessons: [], lastActiveAt: daysBefore(20) }, NOW)).toEqual([]);
  });

  it("counts ward calendar days: 23:30 ward time on a day is that day, not the next", () => {
    // 23:30 on Thứ Bảy 07/11/2026 ward time is 16:30 UTC the same day
    expect(wardDaysBetween(new Date("2026-11-07T16:30:00.000Z"), NOW)).toBe(21);
    // 00:30 on Chủ Nhật 08/11/2026 ward time is still 07/11 in UTC
    expect(wardDaysBetween(new Date("2026-11-07T17:30:00.000Z"), NOW)).toBe(20);
  });

  it("puts inactivity first: it is newer than any wrong answer", () => {
    const reasons = needsHelpReasons({ lessons: [lesson({ lastWrongAt: daysBefore(30) })], lastActiveAt: daysBefore(24) }, NOW);
    expect(reasons.map((r) => r.kind)).toEqual(["inactive", "failed-attempts"]);
    expect(problemSince(reasons[0]!)).toBeGreaterThan(problemSince(reasons[1]!));
  });
});

const instant = fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: NOW.getTime() }).map((t) => new Date(t).toISOString());
const record = fc.record({
  lessonId: fc.constantFrom("a", "b", "c", "d", "e"),
  wrongAnswers: fc.integer({ min: 1, max: 20 }),
  lastWrongAt: instant,
  total: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  bestCorrect: fc.integer({ min: 0, max: 10 }),
}).map(({ total, bestCorrect, ...r }): LessonRecord => ({ ...r, total, bestCorrect: total === null ? null : Math.min(bestCorrect, total) }));
const activity = fc
  .record({ lessons: fc.uniqueArray(record, { selector: (l) => l.lessonId }), lastActiveAt: instant })
  .map((a) => {
    const latestWrong = Math.max(0, ...a.lessons.map((l) => Date.parse(l.lastWrongAt)));
    // a wrong answer is a learning event: the last activity is never older than it
    return { ...a, lastActiveAt: new Date(Math.max(Date.parse(a.lastActiveAt), latestWrong)).toISOString() };
  });

describe("needs help: properties", () => {
  it("gives reasons the API contract accepts, newest problem first, at most one per lesson", () => {
    fc.assert(
      fc.property(activity, (a) => {
        const reasons = needsHelpReasons(a, NOW);
        for (const r of reasons) NeedsHelpReasonSchema.parse(r.kind === "inactive" ? r : { ...r, lessonTitle: "t" });
        const since = reasons.map(problemSince);
        expect(since).toEqual([...since].sort((x, y) => y - x));
        const lessons = reasons.flatMap((r) => (r.kind === "failed-attempts" ? [r.lessonId] : []));
        expect(new Set(lessons).size).toBe(lessons.length);
      }),
    );
  });

  it("flags exactly the lessons with more than 3 wrong answers and no mastered attempt", () => {
    fc.assert(
      fc.property(activity, (a) => {
        const flagged = new Set(
          needsHelpReasons(a, NOW).flatMap((r) => (r.kind === "failed-attempts" ? [r.lessonId] : [])),
        );
        for (const l of a.lessons) {
          const mastered = l.total !== null && l.bestCorrect !== null && l.bestCorrect / l.total >= MASTERY_RATIO;
          expect(flagged.has(l.lessonId)).toBe(l.wrongAnswers > WRONG_ANSWERS_LIMIT && !mastered);
        }
      }),
    );
  });

  it("does not depend on the order the lessons come in", () => {
    fc.assert(
      fc.property(activity, (a) => {
        const reversed = { ...a, lessons: [...a.lessons].reverse() };
        expect(needsHelpReasons(reversed, NOW)).toEqual(needsHelpReasons(a, NOW));
      }),
    );
  });

  it("only adds reasons as time passes without learning, never takes one away", () => {
    fc.assert(
      fc.property(activity, fc.integer({ min: 0, max: 60 }), (a, days) => {
        const later = new Date(NOW.getTime() + days * 86_400_000);
        const before = needsHelpReasons(a, NOW).map((r) => r.kind + (r.kind === "failed-attempts" ? r.lessonId : ""));
        const after = needsHelpReasons(a, later).map((r) => r.kind + (r.kind === "failed-attempts" ? r.lessonId : ""));
        expect(after).toEqual(expect.arrayContaining(before));
        expect(after.includes("inactive")).toBe(wardDaysBetween(new Date(a.lastActiveAt), later) >= INACTIVE_DAYS);
      }),
    );
  });
});
