// Time as a dependency, so tests can stand at a chosen instant.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/**
 * A clock that reads `start` now and runs at real speed from there: CLOCK_START in sandbox
 * mode, to watch a class's reminders arrive without waiting for the day.
 */
export function startingClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
