// POST /api/v1/sync: the mini app's offline queue of learning events (docs/API.md).
import { SyncRequestSchema } from "@hocso/shared/api";
import { Router, type RequestHandler } from "express";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody } from "../../lib/validate.ts";
import type { ProgressDeps } from "./progress-service.ts";
import { syncEvents } from "./sync-service.ts";

/** 200 events of up to ~280 bytes each; app.ts parses this route's bodies with this limit. */
export const SYNC_BODY_LIMIT = "64kb";

export function syncRoutes(deps: ProgressDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  router
    .route("/sync")
    .post(deps.requireSession, (req, res) => {
      const body = parseBody(SyncRequestSchema, req.body);
      const userId = sessionUserId(res);
      const result = syncEvents(deps, userId, body);
      req.log.info({ userId, accepted: result.accepted.length, duplicates: result.duplicates.length }, "sync stored");
      res.json(result);
    })
    .all(onlyMethods("POST"));
  return router;
}
