// Class reminders as facilitators follow them (docs/API.md "Class reminders: staff"):
// GET /api/v1/staff/reminders and POST /api/v1/staff/reminders/:id/shared. Both need a session
// and the "class:manage" policy: a learner gets 403 before their input is read.
import { StaffRemindersQuerySchema } from "@hocso/shared/staff-reminders";
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseInput } from "../../lib/validate.ts";
import {
  listStaffReminders,
  markReminderShared,
  reminderReader,
  type StaffRemindersDeps,
} from "./staff-reminders-service.ts";

const SharedParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, { error: "a reminder id (a whole number) from GET /api/v1/staff/reminders" })
    .transform(Number),
});

export function staffRemindersRoutes(deps: StaffRemindersDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  const noStore = { "Cache-Control": "private, no-store" };

  router
    .route("/staff/reminders")
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      reminderReader(deps, userId);
      const query = parseInput(StaffRemindersQuerySchema, req.query);
      res.set(noStore).json(listStaffReminders(deps, userId, query));
    })
    .all(onlyMethods("GET"));

  router
    .route("/staff/reminders/:id/shared")
    .post(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      reminderReader(deps, userId);
      const { id } = parseInput(SharedParamsSchema, req.params);
      const item = markReminderShared(deps, userId, id);
      req.log.info({ userId, outboxId: id, tdpId: item.tdpId, classId: item.classId }, "class reminder shared by hand");
      res.set(noStore).json(item);
    })
    .all(onlyMethods("POST"));

  return router;
}
