import { describe, expect, it } from "vitest";
import { PatchMeRequestSchema, ProgressPutSchema } from "./api.ts";
import { isPassing } from "./learner.ts";

describe("the progress contract", () => {
  it("accepts a finished lesson with its quiz score", () => {
    const r = ProgressPutSchema.safeParse({ stepIndex: 5, completed: true, quiz: { correct: 4, total: 5 } });
    expect(r.success).toBe(true);
  });

  it("names quiz as the problem when a completed lesson has no score", () => {
    const r = ProgressPutSchema.safeParse({ stepIndex: 5, completed: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["quiz"]);
  });

  it("refuses more right answers than questions", () => {
    const r = ProgressPutSchema.safeParse({ stepIndex: 5, completed: true, quiz: { correct: 6, total: 5 } });
    expect(r.error?.issues[0]?.path).toEqual(["quiz", "correct"]);
  });

  it("refuses fields it does not know, so a typo is reported instead of ignored", () => {
    const r = ProgressPutSchema.safeParse({ stepIndex: 1, completed: false, stepindex: 2 });
    expect(r.success).toBe(false);
  });
});

describe("the profile contract", () => {
  it("requires the notice version whenever consents change", () => {
    const r = PatchMeRequestSchema.safeParse({ consents: { progress: true } });
    expect(r.error?.issues[0]?.path).toEqual(["consentVersion"]);
  });

  it("accepts a partial update of the TDP alone", () => {
    expect(PatchMeRequestSchema.safeParse({ tdpId: "giai-phong" }).success).toBe(true);
  });
});

describe("passing a lesson", () => {
  it("passes at two thirds right and not below", () => {
    expect(isPassing(2, 3)).toBe(true);
    expect(isPassing(4, 6)).toBe(true);
    expect(isPassing(3, 5)).toBe(false);
    expect(isPassing(0, 0)).toBe(false);
  });
});
