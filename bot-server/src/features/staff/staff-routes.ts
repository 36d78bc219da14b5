// GET /api/v1/staff/me: the signed-in facilitator's or ward officer's role, TDPs and policies
// (docs/API.md). A learner gets 403, which is how the mini app knows to hide staff screens.
import { Router, type RequestHandler } from "express";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { staffProfile, type StaffDeps } from "./staff-service.ts";

export function staffRoutes(deps: StaffDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  router
    .route("/staff/me")
    .get(deps.requireSession, (_req, res) => {
      const profile = staffProfile(deps, sessionUserId(res));
      res.set({ "Cache-Control": "private, no-store" }).json(profile);
    })
    .all(onlyMethods("GET"));
  return router;
}
