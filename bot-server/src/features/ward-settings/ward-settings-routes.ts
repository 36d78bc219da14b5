// GET and PUT /api/v1/ward/settings (docs/API.md "Ward settings"): the reminder times and
// quiet hours the planner and the sender use. Any staff member may read them (every staff
// role holds "class:manage", and the times shape their classes' reminders); only an admin
// ("ward:configure") may change them.
import { WardSettingsSchema } from "@hocso/shared/reminders";
import { Router, type RequestHandler } from "express";
import type { Db } from "../../db/database.ts";
import { loadWardSettings, saveWardSettings } from "../../db/ward-settings.ts";
import { audit } from "../../lib/audit.ts";
import { sessionUserId } from "../../lib/authenticate.ts";
import type { Clock } from "../../lib/clock.ts";
import { onlyMethods } from "../../lib/http.ts";
import { authorize } from "../../lib/policies.ts";
import { parseBody } from "../../lib/validate.ts";

export interface WardSettingsDeps {
  db: Db;
  clock: Clock;
  requireSession: RequestHandler;
}

export function wardSettingsRoutes(deps: WardSettingsDeps): Router {
  const { db, clock } = deps;
  const router = Router();
  const noStore = { "Cache-Control": "private, no-store" };
  router
    .route("/ward/settings")
    .get(deps.requireSession, (_req, res) => {
      authorize(db, sessionUserId(res), "class:manage");
      res.set(noStore).json(loadWardSettings(db));
    })
    .put(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      const staff = authorize(db, userId, "ward:configure");
      const settings = parseBody(WardSettingsSchema, req.body);
      const now = clock.now();
      const stored = db.transaction(() => {
        const saved = saveWardSettings(db, settings, now);
        const details = {
          dayBeforeAt: settings.reminders.dayBeforeAt,
          hoursBefore: settings.reminders.hoursBefore,
          quietStart: settings.quietHours.start,
          quietEnd: settings.quietHours.end,
        };
        audit(db, staff, { action: "ward-settings.update", details }, now);
        return saved;
      })();
      req.log.info({ userId, ...settings }, "ward settings changed");
      res.set(noStore).json(stored);
    })
    .all(onlyMethods("GET", "PUT"));
  return router;
}
