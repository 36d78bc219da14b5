// GET /api/v1/classes and PUT /api/v1/classes/:classId/occurrences/:date/rsvp (docs/API.md).
import { RsvpRequestSchema } from "@hocso/shared/api";
import { IsoDateSchema } from "@hocso/shared/dates";
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { optionalSessionUserId, sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody, parseInput } from "../../lib/validate.ts";
import { answerMeeting, listUpcomingMeetings, type ClassesDeps } from "./classes-service.ts";

const DAYS_ERROR = "a whole number of days from 1 to 90";

const ClassListQuerySchema = z.strictObject({
  /** TDP = tổ dân phố, an id from GET /api/v1/config */
  tdpId: z.string({ error: "required: a TDP id from GET /api/v1/config" }).min(1).max(64),
  days: z.coerce
    .number({ error: DAYS_ERROR })
    .int({ error: DAYS_ERROR })
    .min(1, { error: DAYS_ERROR })
    .max(90, { error: DAYS_ERROR })
    .default(28),
});

const MeetingParamsSchema = z.object({ classId: z.string().min(1).max(64), date: IsoDateSchema });

export function classesRoutes(
  deps: ClassesDeps & { requireSession: RequestHandler; optionalSession: RequestHandler },
): Router {
  const router = Router();
  router
    .route("/classes")
    .get(deps.optionalSession, (req, res) => {
      const query = parseInput(ClassListQuerySchema, req.query);
      const items = listUpcomingMeetings(deps, query, optionalSessionUserId(res));
      // `going` differs per learner: never let a shared cache keep one learner's answers.
      res.set({ "Cache-Control": "private, no-store", Vary: "Authorization" }).json({ items });
    })
    // POST (staff create a class) is class-management-routes.ts's, mounted before this router.
    .all(onlyMethods("GET", "POST"));
  router
    .route("/classes/:classId/occurrences/:date/rsvp")
    .put(deps.requireSession, (req, res) => {
      const meeting = parseInput(MeetingParamsSchema, req.params);
      const { going } = parseBody(RsvpRequestSchema, req.body);
      const userId = sessionUserId(res);
      const view = answerMeeting(deps, userId, meeting, going);
      req.log.info({ userId, classId: meeting.classId, date: meeting.date }, "rsvp recorded");
      res.json(view);
    })
    .all(onlyMethods("PUT"));
  return router;
}
