// `Authorization: Bearer <session token>` → the learner's internal id, or 401.
import type { RequestHandler, Response } from "express";
import type { Db } from "../db/database.ts";
import { findLiveSession } from "../db/sessions.ts";
import type { Clock } from "./clock.ts";
import { AppError } from "./errors.ts";
import { hashToken } from "./tokens.ts";

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;

/** Whether a well-formed bearer token was sent, and its live session if there is one. */
function liveSession(db: Db, clock: Clock, header: string | undefined) {
  const match = BEARER.exec(header ?? "");
  const session = match?.[1] ? findLiveSession(db, hashToken(match[1]), clock.now()) : undefined;
  return { tokenSent: match !== null, session };
}

export function requireSession({ db, clock }: { db: Db; clock: Clock }): RequestHandler {
  return (req, res, next) => {
    const { tokenSent, session } = liveSession(db, clock, req.get("authorization"));
    if (!session) {
      res.set("WWW-Authenticate", 'Bearer realm="hocso"');
      const why = tokenSent ? "This session is unknown or has expired" : "Send Authorization: Bearer <session token>";
      throw new AppError("unauthorized", `${why}; start one with POST /api/v1/session`);
    }
    res.locals.userId = session.userId;
    next();
  };
}

/**
 * For public routes that say more to a signed-in learner: a live session sets the learner,
 * anything else (no header, an unknown or expired token) leaves the request anonymous, so a
 * stale token never hides public information.
 */
export function optionalSession({ db, clock }: { db: Db; clock: Clock }): RequestHandler {
  return (req, res, next) => {
    const { session } = liveSession(db, clock, req.get("authorization"));
    if (session) res.locals.userId = session.userId;
    next();
  };
}

/** The learner optionalSession found, if any. */
export function optionalSessionUserId(res: Response): number | undefined {
  const id: unknown = res.locals.userId;
  return typeof id === "number" ? id : undefined;
}

/** The learner requireSession let through. */
export function sessionUserId(res: Response): number {
  const id: unknown = res.locals.userId;
  if (typeof id !== "number") throw new Error("sessionUserId used on a route without requireSession");
  return id;
}
