// GET /healthz: the process answers and its database can run a query.
import { Router } from "express";
import { pingDatabase, type Db } from "../../db/database.ts";
import { onlyMethods } from "../../lib/http.ts";

export function healthRoutes(deps: { db: Db; zaloMode: "sandbox" | "live" }): Router {
  const router = Router();
  router
    .route("/healthz")
    .get((req, res) => {
      try {
        pingDatabase(deps.db);
      } catch (err) {
        req.log.error({ err }, "health check: database unavailable");
        res.status(503).json({ status: "unavailable", zalo: deps.zaloMode });
        return;
      }
      res.set("Cache-Control", "no-store").json({ status: "ok", zalo: deps.zaloMode });
    })
    .all(onlyMethods("GET"));
  return router;
}
