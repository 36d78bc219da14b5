import { describe, expect, it } from "vitest";
import { afterAnswer, dueForReview, isMastered } from "./review.ts";

const DAY = 86_400_000;
const q = { lessonId: "l", questionId: "q1" };

describe("spaced review", () => {
  it("brings a missed question back after one day", () => {
    expect(afterAnswer(undefined, { ...q, correct: false, at: 0 })).toEqual({ ...q, box: 0, dueAt: DAY });
  });

  it("needs no review for a question answered right the first time", () => {
    expect(afterAnswer(undefined, { ...q, correct: true, at: 0 })).toBeNull();
  });

  it("spaces it out 3, 7 and 14 days as it is answered right, then lets it go", () => {
    let item = afterAnswer(undefined, { ...q, correct: false, at: 0 });
    const gaps: number[] = [];
    while (item) {
      const at = item.dueAt;
      item = afterAnswer(item, { ...q, correct: true, at });
      if (item) gaps.push((item.dueAt - at) / DAY);
    }
    expect(gaps).toEqual([3, 7, 14]);
  });

  it("starts over when a question under review is missed again", () => {
    const item = { ...q, box: 2, dueAt: 0 };
    expect(afterAnswer(item, { ...q, correct: false, at: 10 * DAY })).toEqual({ ...q, box: 0, dueAt: 11 * DAY });
  });

  it("lists only due questions, oldest first", () => {
    const items = [
      { ...q, questionId: "a", box: 0, dueAt: 5 },
      { ...q, questionId: "b", box: 0, dueAt: 1 },
      { ...q, questionId: "c", box: 0, dueAt: 99 },
    ];
    expect(dueForReview(items, 10).map((i) => i.questionId)).toEqual(["b", "a"]);
  });
});

describe("mastery", () => {
  it("counts a lesson mastered at 80% right in one attempt", () => {
    expect(isMastered(4, 5)).toBe(true);
    expect(isMastered(3, 5)).toBe(false);
  });
});
