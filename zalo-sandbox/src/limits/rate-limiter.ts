// Zalo's rate limits as the sandbox enforces them (ZALO.md §1.6): calls to the OA API per app
// per minute (4,000 by default) and, optionally, per group per minute. Fixed one-minute
// windows by the sandbox clock, so a test moves its clock a minute on to see the limit lift.
import type { EndpointGuards } from "../endpoint-guards.ts";
import { isOaEndpoint } from "../endpoint-guards.ts";
import { requestTarget } from "../request-target.ts";
import type { SandboxStore } from "../store.ts";
import { sendZaloFailure, ZALO_FAILURES } from "../zalo-envelope.ts";

export interface RateLimits {
  appPerMinute: number;
  /** null: no per-group limit */
  groupPerMinute: number | null;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { appPerMinute: 4000, groupPerMinute: null };

const MINUTE_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remain: number;
}

export class RateLimiter {
  #limits: RateLimits;
  readonly #now: () => number;
  #window = Number.NaN;
  #appCalls = 0;
  readonly #groupCalls = new Map<string, number>();

  constructor(limits: RateLimits, now: () => number) {
    this.#limits = { ...limits };
    this.#now = now;
  }

  get limits(): RateLimits {
    return { ...this.#limits };
  }

  /** Changes the limits from now on; the calls already counted this minute still count. */
  setLimits(change: Partial<RateLimits>): RateLimits {
    this.#limits = { ...this.#limits, ...change };
    return this.limits;
  }

  /** Counts one call to the OA API, and one for its group when it names one. */
  take(groupId?: string): RateDecision {
    this.#roll();
    this.#appCalls += 1;
    const limit = this.#limits.appPerMinute;
    const decision = { allowed: this.#appCalls <= limit, limit, remain: Math.max(0, limit - this.#appCalls) };
    const perGroup = this.#limits.groupPerMinute;
    if (!decision.allowed || perGroup === null || groupId === undefined) return decision;
    const groupCalls = (this.#groupCalls.get(groupId) ?? 0) + 1;
    this.#groupCalls.set(groupId, groupCalls);
    return { ...decision, allowed: groupCalls <= perGroup };
  }

  /** For the web page: how much of this minute is used. */
  usage(): { appCalls: number; windowStartedAt: string } {
    this.#roll();
    return { appCalls: this.#appCalls, windowStartedAt: new Date(this.#window * MINUTE_MS).toISOString() };
  }

  #roll(): void {
    const window = Math.floor(this.#now() / MINUTE_MS);
    if (window === this.#window) return;
    this.#window = window;
    this.#appCalls = 0;
    this.#groupCalls.clear();
  }
}

/**
 * Every OA API answer carries X-RateLimit-Limit and X-RateLimit-Remain; a call over the
 * limit answers -32 on HTTP 200. Graph /me and OAuth are not counted.
 */
export function rateLimitGuards(limiter: RateLimiter, store: SandboxStore): EndpointGuards {
  return (endpoint) => {
    if (!isOaEndpoint(endpoint)) return [];
    return [
      (req, res, next) => {
        const decision = limiter.take(requestTarget(endpoint, req, store).groupId);
        res.set("X-RateLimit-Limit", String(decision.limit));
        res.set("X-RateLimit-Remain", String(decision.remain));
        if (!decision.allowed) return sendZaloFailure(res, ZALO_FAILURES.rateLimited);
        next();
      },
    ];
  };
}
