// GET and PATCH /api/v1/me: the signed-in learner's profile and consents (docs/API.md).
import { PatchMeRequestSchema } from "@hocso/shared/api";
import { Router, type RequestHandler } from "express";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { loadMe } from "../../lib/learner-view.ts";
import { parseBody } from "../../lib/validate.ts";
import { patchMe, type MeDeps } from "./me-service.ts";

export function meRoutes(deps: MeDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  router
    .route("/me")
    .get(deps.requireSession, (_req, res) => {
      res.json(loadMe(deps.db, sessionUserId(res)));
    })
    .patch(deps.requireSession, (req, res) => {
      const patch = parseBody(PatchMeRequestSchema, req.body);
      res.json(patchMe(deps, sessionUserId(res), patch));
    })
    .all(onlyMethods("GET", "PATCH"));
  return router;
}
