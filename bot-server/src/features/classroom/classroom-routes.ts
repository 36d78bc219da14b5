// Classroom mode's routes (docs/API.md "Classroom mode"): PUT /api/v1/classroom/answers records
// how many of the room answered a lesson's question right; GET /api/v1/classroom/answers reads a
// TDP's (tổ dân phố) counts of one day. Both need a session and "class:manage": a learner gets
// 403 before their input is read.
import {
  ClassroomAnswerRequestSchema,
  ClassroomAnswersQuerySchema,
  type ClassroomAnswerRequest,
} from "@hocso/shared/classroom";
import { Router, type RequestHandler } from "express";
import { sessionUserId } from "../../lib/authenticate.ts";
import { AppError, fieldErrors, type FieldError } from "../../lib/errors.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody, parseInput } from "../../lib/validate.ts";
import {
  answerReferenceProblems,
  answersOfDay,
  classroomRunner,
  recordAnswer,
  type ClassroomDeps,
} from "./classroom-service.ts";

export function classroomRoutes(deps: ClassroomDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  const noStore = { "Cache-Control": "private, no-store" };

  router
    .route("/classroom/answers")
    .put(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      classroomRunner(deps, userId);
      const request = parseAnswerBody(deps, req.body);
      const answer = recordAnswer(deps, userId, request);
      req.log.info(
        { userId, tdpId: answer.tdpId, date: answer.date, lessonId: answer.lessonId, questionId: answer.questionId },
        "classroom answers recorded",
      );
      res.set(noStore).json(answer);
    })
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      classroomRunner(deps, userId);
      const { tdpId, date } = parseInput(ClassroomAnswersQuerySchema, req.query);
      res.set(noStore).json(answersOfDay(deps, userId, tdpId, date));
    })
    .all(onlyMethods("GET", "PUT"));

  return router;
}

/**
 * The body by its schema, plus what only the database and the course can check (TDP, class,
 * lesson, question, date): a 400 names every bad field at once, and nothing is written.
 */
function parseAnswerBody(deps: ClassroomDeps, body: unknown): ClassroomAnswerRequest {
  if (body === undefined) return parseBody(ClassroomAnswerRequestSchema, body);
  const parsed = ClassroomAnswerRequestSchema.safeParse(body);
  const problems: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
  const named = new Set(problems.map((p) => p.path));
  problems.push(...answerReferenceProblems(deps, body).filter((p) => !named.has(p.path)));
  if (problems.length > 0 || !parsed.success) {
    throw AppError.badRequest(`Invalid request: ${problems.map((p) => p.path).join(", ")}`, problems);
  }
  return parsed.data;
}
