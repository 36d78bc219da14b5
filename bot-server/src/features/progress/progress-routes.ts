// GET /api/v1/progress and PUT /api/v1/progress/:lessonId (docs/API.md).
import { ProgressPutSchema } from "@hocso/shared/api";
import { Router, type RequestHandler } from "express";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody } from "../../lib/validate.ts";
import { listLearnerProgress, putProgress, type ProgressDeps } from "./progress-service.ts";

export function progressRoutes(deps: ProgressDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  router
    .route("/progress")
    .get(deps.requireSession, (_req, res) => {
      res.json({ items: listLearnerProgress(deps, sessionUserId(res)) });
    })
    .all(onlyMethods("GET"));
  router
    .route("/progress/:lessonId")
    .put(deps.requireSession, (req, res) => {
      const put = parseBody(ProgressPutSchema, req.body);
      res.json(putProgress(deps, sessionUserId(res), req.params.lessonId, put));
    })
    .all(onlyMethods("PUT"));
  return router;
}
