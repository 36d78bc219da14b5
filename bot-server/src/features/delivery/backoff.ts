// When a transiently failed message is tried again: capped exponential backoff with full
// jitter, so a hundred reminders refused together by a Zalo hiccup do not return together.

export const BACKOFF = {
  baseMs: 5_000,
  factor: 2,
  capMs: 15 * 60_000,
  /** never sooner than this, even when the jitter draws close to zero */
  minMs: 1_000,
} as const;

/** A message with no deadline gives up after this many attempts. */
export const MAX_ATTEMPTS = 12;

/**
 * random() × min(cap, base × 2^(attempts − 1)), at least a second. `attempts` counts the
 * attempt that just failed (1 after the first). `random` returns [0, 1), like Math.random.
 */
export function retryDelayMs(attempts: number, random: () => number): number {
  const exponent = Math.max(0, attempts - 1);
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * BACKOFF.factor ** exponent);
  return Math.max(BACKOFF.minMs, Math.floor(random() * ceiling));
}
