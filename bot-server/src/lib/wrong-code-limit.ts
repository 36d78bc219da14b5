// A limit on wrong guesses of a short code (a class check-in code, a staff invitation code),
// per signed-in account rather than per address: a class's phones may share one network.
// Only refused attempts count, so a person who mistypes once is not held up. Mounted after
// requireSession, which sets the account the limit is kept for.
import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { sessionUserId } from "./authenticate.ts";
import { AppError } from "./errors.ts";

export interface WrongCodeLimit {
  windowMs: number;
  /** refused attempts allowed per account within the window */
  limit: number;
}

export function wrongCodeLimiter({ windowMs, limit }: WrongCodeLimit, message: string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: true,
    keyGenerator: (_req, res) => `user:${sessionUserId(res)}`,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError("rate_limited", message)),
  });
}
