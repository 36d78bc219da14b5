// Attendance routes (docs/API.md "Attendance"). Staff, with "class:manage" for the class's TDP:
// GET /api/v1/classes/:classId/meetings/:date, POST …/checkin, PUT and DELETE
// …/attendance/:userId, PUT …/guests; a learner gets 403 before their input is read. Any
// signed-in learner with the progress consent: POST /api/v1/attendance/check-in, its wrong
// codes capped per account so that six digits cannot be guessed.
import { CheckInRequestSchema, GuestsRequestSchema } from "@hocso/shared/attendance";
import { IsoDateSchema } from "@hocso/shared/dates";
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody, parseInput } from "../../lib/validate.ts";
import { wrongCodeLimiter } from "../../lib/wrong-code-limit.ts";
import {
  attendanceManager,
  checkIn,
  getMeeting,
  markAttendance,
  openCheckin,
  setMeetingGuests,
  type AttendanceDeps,
} from "./attendance-service.ts";

export interface AttendanceRouteDeps extends AttendanceDeps {
  requireSession: RequestHandler;
  /** wrong check-in codes allowed per account per window (default 10 per 15 minutes) */
  checkInLimit?: { windowMs: number; limit: number };
}

const MeetingParamsSchema = z.object({ classId: z.string().min(1).max(64), date: IsoDateSchema });
const LearnerParamsSchema = MeetingParamsSchema.extend({
  userId: z.coerce.number({ error: "an account id (a whole number)" }).int().positive(),
});

const DEFAULT_CHECK_IN_LIMIT = { windowMs: 15 * 60_000, limit: 10 };

export function attendanceRoutes(deps: AttendanceRouteDeps): Router {
  const router = Router();
  const noStore = { "Cache-Control": "private, no-store" };
  const meeting = "/classes/:classId/meetings/:date";

  router
    .route(meeting)
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      attendanceManager(deps, userId);
      const { classId, date } = parseInput(MeetingParamsSchema, req.params);
      res.set(noStore).json(getMeeting(deps, userId, classId, date));
    })
    .all(onlyMethods("GET"));

  router
    .route(`${meeting}/checkin`)
    .post(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      attendanceManager(deps, userId);
      const { classId, date } = parseInput(MeetingParamsSchema, req.params);
      const view = openCheckin(deps, userId, classId, date);
      req.log.info({ userId, classId, date }, "check-in opened");
      res.set(noStore).json(view);
    })
    .all(onlyMethods("POST"));

  const mark = (present: boolean): RequestHandler => (req, res) => {
    const userId = sessionUserId(res);
    attendanceManager(deps, userId);
    const { classId, date, userId: learnerId } = parseInput(LearnerParamsSchema, req.params);
    const { meeting: view, changed } = markAttendance(deps, userId, { classId, date, learnerId }, present);
    req.log.info({ userId, classId, date, learnerId, present, changed }, "attendance ticked");
    res.set(noStore).json(view);
  };
  router
    .route(`${meeting}/attendance/:userId`)
    .put(deps.requireSession, mark(true))
    .delete(deps.requireSession, mark(false))
    .all(onlyMethods("PUT", "DELETE"));

  router
    .route(`${meeting}/guests`)
    .put(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      attendanceManager(deps, userId);
      const { classId, date } = parseInput(MeetingParamsSchema, req.params);
      const { guests } = parseBody(GuestsRequestSchema, req.body);
      const view = setMeetingGuests(deps, userId, { classId, date }, guests);
      req.log.info({ userId, classId, date, guests }, "guests counted");
      res.set(noStore).json(view);
    })
    .all(onlyMethods("PUT"));

  const wrongCodes = wrongCodeLimiter(
    deps.checkInLimit ?? DEFAULT_CHECK_IN_LIMIT,
    "Too many wrong check-in codes; wait a few minutes and try again",
  );

  router
    .route("/attendance/check-in")
    .post(deps.requireSession, wrongCodes, (req, res) => {
      const userId = sessionUserId(res);
      const { code } = parseBody(CheckInRequestSchema, req.body);
      const result = checkIn(deps, userId, code);
      req.log.info({ userId, classId: result.classId, date: result.date, already: result.already }, "checked in");
      res.set(noStore).json(result);
    })
    .all(onlyMethods("POST"));

  return router;
}
