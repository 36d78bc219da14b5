// GET /api/v1/staff/needs-help (docs/API.md "Needs help"): the "cần hỗ trợ" list of the
// caller's TDPs. Needs a session and the "report:view" policy: a learner gets 403 before their
// input is read. Named learners' data: never cached, and the log carries counts only.
import { NeedsHelpQuerySchema } from "@hocso/shared/needs-help";
import { Router, type RequestHandler } from "express";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseInput } from "../../lib/validate.ts";
import { listNeedsHelp, needsHelpReader, type NeedsHelpDeps } from "./needs-help-service.ts";

export function needsHelpRoutes(deps: NeedsHelpDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  router
    .route("/staff/needs-help")
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      needsHelpReader(deps, userId);
      const query = parseInput(NeedsHelpQuerySchema, req.query);
      const list = listNeedsHelp(deps, userId, query);
      req.log.info(
        { userId, tdpId: query.tdpId ?? null, listed: list.learners.length, notSharing: list.notSharing },
        "needs-help list read",
      );
      res.set({ "Cache-Control": "private, no-store" }).json(list);
    })
    .all(onlyMethods("GET"));
  return router;
}
