// POST /api/v1/session: exchange a Zalo access token for a session (docs/API.md).
import { SessionRequestSchema } from "@hocso/shared/api";
import { Router } from "express";
import { rateLimit } from "express-rate-limit";
import { AppError } from "../../lib/errors.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody } from "../../lib/validate.ts";
import { startSession, type SessionDeps } from "./session-service.ts";

export interface SessionRouteDeps extends SessionDeps {
  rateLimit: { windowMs: number; limit: number };
}

export function sessionRoutes(deps: SessionRouteDeps): Router {
  const router = Router();
  // Each attempt costs a call to Zalo (20 per user per minute there); cap them per address.
  const limiter = rateLimit({
    windowMs: deps.rateLimit.windowMs,
    limit: deps.rateLimit.limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError("rate_limited", "Too many sign-in attempts; wait a minute")),
  });

  router
    .route("/session")
    .post(limiter, async (req, res) => {
      const { accessToken } = parseBody(SessionRequestSchema, req.body);
      const session = await startSession(deps, accessToken);
      req.log.info({ userId: session.userId, created: session.created }, "session started");
      res.status(session.created ? 201 : 200).json(session.response);
    })
    .all(onlyMethods("POST"));
  return router;
}
