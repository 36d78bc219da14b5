// Requests a fault holds on to: a `timeout` that never answers, a `slow` answer that waits.
// Each is a timer, never a busy wait, so the sandbox keeps answering everyone else; closing
// the sandbox destroys them all at once instead of waiting for the timers.
import type { Response } from "express";

export class HeldRequests {
  readonly #held = new Map<Response, NodeJS.Timeout>();
  #closed = false;

  /** After `ms`, runs `then`, unless the client went away first or the sandbox closed. */
  hold(res: Response, ms: number, then: () => void): void {
    if (this.#closed) {
      res.socket?.destroy();
      return;
    }
    const timer = setTimeout(() => {
      this.#held.delete(res);
      then();
    }, ms);
    this.#held.set(res, timer);
    res.once("close", () => {
      clearTimeout(timer);
      this.#held.delete(res);
    });
  }

  get size(): number {
    return this.#held.size;
  }

  /** Destroys every held request's connection; later holds are destroyed at once. */
  releaseAll(): void {
    this.#closed = true;
    for (const [res, timer] of this.#held) {
      clearTimeout(timer);
      res.socket?.destroy();
    }
    this.#held.clear();
  }
}
