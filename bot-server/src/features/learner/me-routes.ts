// /api/v1/me: the signed-in learner's profile and consents, their data export, and deleting
// the account (docs/API.md).
import { PatchMeRequestSchema } from "@hocso/shared/api";
import { Router, type RequestHandler } from "express";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { loadMe } from "../../lib/learner-view.ts";
import { parseBody } from "../../lib/validate.ts";
import { patchMe } from "./me-service.ts";
import { deleteLearner, exportLearnerData, type MyDataDeps } from "./my-data-service.ts";

export function meRoutes(deps: MyDataDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  router
    .route("/me")
    .get(deps.requireSession, (_req, res) => {
      res.json(loadMe(deps.db, sessionUserId(res)));
    })
    .patch(deps.requireSession, (req, res) => {
      const patch = parseBody(PatchMeRequestSchema, req.body);
      const userId = sessionUserId(res);
      const { me, forgotten } = patchMe(deps, userId, patch);
      if (forgotten) req.log.info({ userId, deleted: forgotten }, "progress consent withdrawn; its data deleted");
      res.json(me);
    })
    .delete(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      deleteLearner(deps, userId);
      req.log.info({ userId }, "learner deleted with all their data");
      res.status(204).end();
    })
    .all(onlyMethods("GET", "PATCH", "DELETE"));
  router
    .route("/me/export")
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      const { filename, data } = exportLearnerData(deps, userId);
      req.log.info({ userId }, "learner data exported");
      res
        .set({ "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" })
        .type("application/json")
        .send(JSON.stringify(data, null, 2));
    })
    .all(onlyMethods("GET"));
  return router;
}
