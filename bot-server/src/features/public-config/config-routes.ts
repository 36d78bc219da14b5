// GET /api/v1/config: what the mini app needs before anyone signs in (docs/API.md).
import type { PublicConfig } from "@hocso/shared/api";
import { Router } from "express";
import type { Db } from "../../db/database.ts";
import { listResidentialGroups } from "../../db/residential-groups.ts";
import { onlyMethods } from "../../lib/http.ts";

export interface ConfigRouteDeps {
  db: Db;
  wardName: string;
  /** the Zalo sandbox the mini app asks for tokens in a desktop browser; null with real Zalo */
  sandboxUrl: string | null;
}

export function configRoutes(deps: ConfigRouteDeps): Router {
  const router = Router();
  router
    .route("/config")
    .get((_req, res) => {
      const body: PublicConfig = {
        wardName: deps.wardName,
        residentialGroups: listResidentialGroups(deps.db),
        sandbox: deps.sandboxUrl ? { url: deps.sandboxUrl } : null,
      };
      res.json(body);
    })
    .all(onlyMethods("GET"));
  return router;
}
