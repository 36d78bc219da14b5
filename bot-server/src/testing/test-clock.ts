// A clock tests move by hand.
import type { Clock } from "../lib/clock.ts";

export class TestClock implements Clock {
  #now: number;

  constructor(start = "2026-11-28T01:00:00.000Z") {
    this.#now = Date.parse(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}
