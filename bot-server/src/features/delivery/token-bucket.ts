// Rate limits the sender keeps to (DESIGN.md "Delivery guarantees"): one bucket for the whole
// app (Zalo counts OA API calls per app per minute, ZALO.md §1.6) and one per group, so one
// busy TDP's announcements do not arrive as a burst. In memory: one process sends.

/** A bucket refilled continuously at `perMinute`, holding at most `capacity` tokens. */
export class TokenBucket {
  readonly #msPerToken: number;
  readonly #capacity: number;
  #tokens: number;
  #updatedAt: number;
  #pausedUntil = 0;

  constructor(perMinute: number, capacity: number, now: number) {
    if (perMinute <= 0 || capacity < 1) throw new RangeError("a bucket needs a positive rate and room for a token");
    this.#msPerToken = 60_000 / perMinute;
    this.#capacity = capacity;
    this.#tokens = capacity;
    this.#updatedAt = now;
  }

  /** Milliseconds until a token is free: 0 when one is free now. */
  waitMs(now: number): number {
    this.#refill(now);
    const paused = Math.max(0, this.#pausedUntil - now);
    // the epsilon keeps float dust (0.333… tokens) from adding a millisecond
    const short = Math.max(0, Math.ceil((1 - this.#tokens) * this.#msPerToken - 1e-6));
    return Math.max(paused, short);
  }

  /** Takes a token; call only when waitMs(now) is 0. */
  take(now: number): void {
    this.#refill(now);
    this.#tokens -= 1;
  }

  /** No token until `until` (Zalo answered -32: it decides how fast, not our guess). */
  pauseUntil(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.#capacity, this.#tokens + elapsed / this.#msPerToken);
    this.#updatedAt = Math.max(this.#updatedAt, now);
  }
}

/**
 * A bucket's burst: six seconds' worth of its rate, at least one. Small enough that a burst
 * plus a minute's steady rate stays under the per-minute figure it was given with room to
 * spare (3,600/min configured → 360 + 3,600 < Zalo's 4,000), and that a group gets at most a
 * couple of messages at once.
 */
export function burstOf(perMinute: number): number {
  return Math.max(1, Math.ceil(perMinute / 10));
}

export interface RateLimitSettings {
  appCallsPerMinute: number;
  groupMessagesPerMinute: number;
}

export class DeliveryRateLimits {
  readonly #settings: RateLimitSettings;
  readonly #app: TokenBucket;
  readonly #groups = new Map<string, TokenBucket>();

  constructor(settings: RateLimitSettings, now: number) {
    this.#settings = settings;
    this.#app = new TokenBucket(settings.appCallsPerMinute, burstOf(settings.appCallsPerMinute), now);
  }

  /**
   * Takes an app token, and a token of `groupId`'s bucket when it is given, both or neither.
   * Answers 0 when taken, else the milliseconds until both could be.
   */
  tryTake(groupId: string | null, now: number): number {
    const group = groupId === null ? null : this.#group(groupId, now);
    const wait = Math.max(this.#app.waitMs(now), group?.waitMs(now) ?? 0);
    if (wait > 0) return wait;
    this.#app.take(now);
    group?.take(now);
    return 0;
  }

  /** Zalo said -32: no call at all until `until`. */
  pauseApp(until: number): void {
    this.#app.pauseUntil(until);
  }

  #group(groupId: string, now: number): TokenBucket {
    let bucket = this.#groups.get(groupId);
    if (!bucket) {
      const perMinute = this.#settings.groupMessagesPerMinute;
      bucket = new TokenBucket(perMinute, burstOf(perMinute), now);
      this.#groups.set(groupId, bucket);
    }
    return bucket;
  }
}
