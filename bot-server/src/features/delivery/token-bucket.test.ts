// The sender's rate limits on their own: the app's bucket, one per group, and the pause a
// Zalo -32 imposes.
import { describe, expect, it } from "vitest";
import { burstOf, DeliveryRateLimits, TokenBucket } from "./token-bucket.ts";

describe("TokenBucket", () => {
  it("gives its burst at once, then one token per 60/rate seconds", () => {
    const bucket = new TokenBucket(20, 2, 0);
    expect(bucket.waitMs(0)).toBe(0);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.waitMs(0)).toBe(3_000);
    expect(bucket.waitMs(1_000)).toBe(2_000);
    expect(bucket.waitMs(3_000)).toBe(0);
  });

  it("never saves up more than its capacity while idle", () => {
    const bucket = new TokenBucket(60, 2, 0);
    expect(bucket.waitMs(3_600_000)).toBe(0);
    bucket.take(3_600_000);
    bucket.take(3_600_000);
    expect(bucket.waitMs(3_600_000)).toBe(1_000);
  });

  it("gives nothing while paused, even with tokens left", () => {
    const bucket = new TokenBucket(600, 60, 0);
    bucket.pauseUntil(60_000);
    expect(bucket.waitMs(10_000)).toBe(50_000);
    expect(bucket.waitMs(60_000)).toBe(0);
  });

  it("refuses a rate or a capacity that could never give a token", () => {
    expect(() => new TokenBucket(0, 1, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(10, 0, 0)).toThrow(RangeError);
  });
});

describe("burstOf", () => {
  it("is six seconds' worth, at least one", () => {
    expect(burstOf(3600)).toBe(360);
    expect(burstOf(20)).toBe(2);
    expect(burstOf(1)).toBe(1);
  });

  it("keeps a burst plus a minute of the default app rate under Zalo's 4,000 calls a minute", () => {
    expect(burstOf(3600) + 3600).toBeLessThan(4000);
  });
});

describe("DeliveryRateLimits", () => {
  it("limits each group on its own while the app has room", () => {
    const limits = new DeliveryRateLimits({ appCallsPerMinute: 3600, groupMessagesPerMinute: 10 }, 0);
    expect(limits.tryTake("group-a", 0)).toBe(0);
    expect(limits.tryTake("group-a", 0)).toBe(6_000);
    expect(limits.tryTake("group-b", 0)).toBe(0);
    expect(limits.tryTake("group-a", 6_000)).toBe(0);
  });

  it("takes neither token when the group has none, so the app's is not wasted", () => {
    const limits = new DeliveryRateLimits({ appCallsPerMinute: 10, groupMessagesPerMinute: 1 }, 0);
    expect(limits.tryTake("group-a", 0)).toBe(0);
    expect(limits.tryTake("group-a", 0)).toBeGreaterThan(0);
    // the app's one token of burst went to the first send only
    expect(limits.tryTake(null, 0)).toBe(6_000);
  });

  it("holds every call, group or not, while Zalo's -32 pause lasts", () => {
    const limits = new DeliveryRateLimits({ appCallsPerMinute: 3600, groupMessagesPerMinute: 20 }, 0);
    limits.pauseApp(60_000);
    expect(limits.tryTake("group-a", 1_000)).toBe(59_000);
    expect(limits.tryTake(null, 1_000)).toBe(59_000);
    expect(limits.tryTake("group-a", 60_000)).toBe(0);
  });
});
