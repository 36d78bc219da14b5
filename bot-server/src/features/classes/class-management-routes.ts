// Staff routes for weekly classes (docs/API.md "Weekly classes: staff"): POST /api/v1/classes,
// GET and PATCH /api/v1/classes/:classId, PUT and DELETE
// /api/v1/classes/:classId/cancellations/:date, GET /api/v1/staff/classes. Every route needs
// a session and the "class:manage" policy: a learner gets 403 before their input is read.
// Mounted before classes-routes.ts, which keeps the public GET /api/v1/classes.
import {
  CreateClassRequestSchema,
  PatchClassRequestSchema,
  type CreateClassRequest,
  type PatchClassRequest,
} from "@hocso/shared/classes";
import { IsoDateSchema } from "@hocso/shared/dates";
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { sessionUserId } from "../../lib/authenticate.ts";
import { AppError, fieldErrors, type FieldError } from "../../lib/errors.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody, parseInput } from "../../lib/validate.ts";
import {
  cancelMeeting,
  classManager,
  classReferenceProblems,
  createClass,
  listManagedClasses,
  managedClass,
  restoreMeeting,
  updateClass,
  type ClassManagementDeps,
} from "./class-management-service.ts";

const ClassParamsSchema = z.object({ classId: z.string().min(1).max(64) });
const MeetingParamsSchema = z.object({ classId: z.string().min(1).max(64), date: IsoDateSchema });
const StaffClassesQuerySchema = z.strictObject({
  /** TDP = tổ dân phố; omitted: every TDP the caller manages */
  tdpId: z.string().min(1).max(64).optional(),
});

export function classManagementRoutes(deps: ClassManagementDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  const noStore = { "Cache-Control": "private, no-store" };

  // Only POST here: GET /api/v1/classes (and the 405 for other methods) is classes-routes.ts's.
  router.post("/classes", deps.requireSession, (req, res) => {
    const userId = sessionUserId(res);
    classManager(deps, userId);
    const request = parseClassBody<CreateClassRequest>(deps, CreateClassRequestSchema, req.body);
    const cls = createClass(deps, userId, request);
    req.log.info({ userId, classId: cls.id, tdpId: cls.tdpId }, "class created");
    res.status(201).set(noStore).location(`/api/v1/classes/${encodeURIComponent(cls.id)}`).json(cls);
  });

  router
    .route("/classes/:classId")
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      classManager(deps, userId);
      const { classId } = parseInput(ClassParamsSchema, req.params);
      res.set(noStore).json(managedClass(deps, userId, classId));
    })
    .patch(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      classManager(deps, userId);
      const { classId } = parseInput(ClassParamsSchema, req.params);
      const patch = parseClassBody<PatchClassRequest>(deps, PatchClassRequestSchema, req.body);
      const { cls, remindersForgotten, noticesQueued } = updateClass(deps, userId, classId, patch);
      req.log.info({ userId, classId, fields: Object.keys(patch), remindersForgotten, noticesQueued }, "class changed");
      res.set(noStore).json(cls);
    })
    .all(onlyMethods("GET", "PATCH"));

  router
    .route("/classes/:classId/cancellations/:date")
    .put(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      classManager(deps, userId);
      const { classId, date } = parseInput(MeetingParamsSchema, req.params);
      const result = cancelMeeting(deps, userId, classId, date);
      req.log.info(
        { userId, classId, date, remindersCancelled: result.remindersCancelled, noticesQueued: result.noticesQueued },
        "class meeting cancelled",
      );
      res.set(noStore).json(result);
    })
    .delete(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      classManager(deps, userId);
      const { classId, date } = parseInput(MeetingParamsSchema, req.params);
      const cls = restoreMeeting(deps, userId, classId, date);
      req.log.info({ userId, classId, date }, "class meeting restored");
      res.set(noStore).json({ class: cls });
    })
    .all(onlyMethods("PUT", "DELETE"));

  router
    .route("/staff/classes")
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      classManager(deps, userId);
      const { tdpId } = parseInput(StaffClassesQuerySchema, req.query);
      res.set(noStore).json({ items: listManagedClasses(deps, userId, tdpId) });
    })
    .all(onlyMethods("GET"));

  return router;
}

/**
 * The body by its schema, plus the references only the database can check (TDP, lessons):
 * a 400 names every bad field at once, and nothing is written.
 */
function parseClassBody<T>(deps: ClassManagementDeps, schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined) return parseBody(schema, body);
  const parsed = schema.safeParse(body);
  const problems: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
  const named = new Set(problems.map((p) => p.path));
  problems.push(...classReferenceProblems(deps, body).filter((p) => !named.has(p.path)));
  if (problems.length > 0 || !parsed.success) {
    throw AppError.badRequest(`Invalid request: ${problems.map((p) => p.path).join(", ")}`, problems);
  }
  return parsed.data;
}
