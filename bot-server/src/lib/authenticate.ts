// `Authorization: Bearer <session token>` → the learner's internal id, or 401.
import type { RequestHandler, Response } from "express";
import type { Db } from "../db/database.ts";
import { findLiveSession } from "../db/sessions.ts";
import type { Clock } from "./clock.ts";
import { AppError } from "./errors.ts";
import { hashToken } from "./tokens.ts";

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;

export function requireSession({ db, clock }: { db: Db; clock: Clock }): RequestHandler {
  return (req, res, next) => {
    const match = BEARER.exec(req.get("authorization") ?? "");
    const session = match?.[1] ? findLiveSession(db, hashToken(match[1]), clock.now()) : undefined;
    if (!session) {
      res.set("WWW-Authenticate", 'Bearer realm="hocso"');
      const why = match ? "This session is unknown or has expired" : "Send Authorization: Bearer <session token>";
      throw new AppError("unauthorized", `${why}; start one with POST /api/v1/session`);
    }
    res.locals.userId = session.userId;
    next();
  };
}

/** The learner requireSession let through. */
export function sessionUserId(res: Response): number {
  const id: unknown = res.locals.userId;
  if (typeof id !== "number") throw new Error("sessionUserId used on a route without requireSession");
  return id;
}
