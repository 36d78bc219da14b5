// The retry schedule: exponential, capped at 15 minutes, jittered over the whole range, never
// under a second.
import { describe, expect, it } from "vitest";
import { BACKOFF, retryDelayMs } from "./backoff.ts";

const almostOne = () => 0.999_999;

describe("retryDelayMs", () => {
  it("doubles its ceiling with each attempt, from 5 s", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, almostOne))).toEqual([4_999, 9_999, 19_999, 39_999, 79_999]);
  });

  it("never waits longer than 15 minutes however many attempts failed", () => {
    expect(retryDelayMs(9, almostOne)).toBe(BACKOFF.capMs - 1);
    expect(retryDelayMs(40, almostOne)).toBe(BACKOFF.capMs - 1);
  });

  it("spreads retries over the whole range (full jitter)", () => {
    expect(retryDelayMs(4, () => 0.5)).toBe(20_000);
    expect(retryDelayMs(4, () => 0.25)).toBe(10_000);
  });

  it("waits at least a second even when the jitter draws zero", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_000);
    expect(retryDelayMs(12, () => 0)).toBe(1_000);
  });

  it("treats a first attempt counted as 0 like the first", () => {
    expect(retryDelayMs(0, almostOne)).toBe(4_999);
  });
});
