// Classroom mode (chế độ lớp học, docs/API.md "Classroom mode"): the facilitator asks a
// lesson's quiz questions to the room at the weekly class and records how many answered right.
// Counts only, per TDP (tổ dân phố) and ward date; asking a question again replaces its counts.
import {
  classroomDateProblem,
  type ClassroomAnswer,
  type ClassroomAnswerList,
  type ClassroomAnswerRequest,
} from "@hocso/shared/classroom";
import { wardDate } from "@hocso/shared/dates";
import { listClassroomAnswers, saveClassroomAnswer } from "../../db/classroom-answers.ts";
import type { Db } from "../../db/database.ts";
import { residentialGroupExists } from "../../db/residential-groups.ts";
import { findWeeklyClass } from "../../db/weekly-classes.ts";
import { audit } from "../../lib/audit.ts";
import type { Clock } from "../../lib/clock.ts";
import type { FindLesson } from "../../lib/content.ts";
import { AppError, type FieldError } from "../../lib/errors.ts";
import { authorize } from "../../lib/policies.ts";

export interface ClassroomDeps {
  db: Db;
  clock: Clock;
  findLesson: FindLesson;
}

const NO_SUCH_TDP = "no such tổ dân phố; pick one from GET /api/v1/config";

/** 403 unless the user holds "class:manage" for some TDP: asked before their input is read. */
export function classroomRunner(deps: ClassroomDeps, userId: number): void {
  authorize(deps.db, userId, "class:manage");
}

/**
 * Problems the schema cannot see, read from the raw body so that they are named together
 * with the schema's own: a TDP the ward does not have, a class of another TDP, a lesson or
 * question the course does not have, a date in the future or too long ago.
 */
export function answerReferenceProblems(deps: ClassroomDeps, body: unknown): FieldError[] {
  if (typeof body !== "object" || body === null) return [];
  const { tdpId, classId, lessonId, questionId, date } = body as Record<string, unknown>;
  const problems: FieldError[] = [];
  const knownTdp = typeof tdpId === "string" && residentialGroupExists(deps.db, tdpId);
  if (typeof tdpId === "string" && tdpId !== "" && !knownTdp) problems.push({ path: "tdpId", message: NO_SUCH_TDP });
  if (typeof classId === "string" && classId !== "") {
    const cls = findWeeklyClass(deps.db, classId);
    if (!cls) problems.push({ path: "classId", message: `there is no weekly class "${classId}"` });
    else if (knownTdp && cls.tdpId !== tdpId) {
      problems.push({ path: "classId", message: `class "${classId}" belongs to ${cls.tdpId}, not to ${tdpId}` });
    }
  }
  const lesson = typeof lessonId === "string" && lessonId !== "" ? deps.findLesson(lessonId) : undefined;
  if (typeof lessonId === "string" && lessonId !== "" && !lesson) {
    problems.push({ path: "lessonId", message: `no lesson "${lessonId}" in the course` });
  }
  if (lesson && typeof questionId === "string" && !lesson.quiz.some((q) => q.id === questionId)) {
    problems.push({ path: "questionId", message: `lesson "${lesson.id}" has no question "${questionId}"` });
  }
  if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const problem = classroomDateProblem(date, wardDate(deps.clock.now()));
    if (problem) problems.push({ path: "date", message: problem });
  }
  return problems;
}

/** Stores the counts (replacing any for that question that day) and audits it, in one transaction. */
export function recordAnswer(deps: ClassroomDeps, userId: number, request: ClassroomAnswerRequest): ClassroomAnswer {
  const { db, clock } = deps;
  const staff = authorize(db, userId, "class:manage", [request.tdpId]);
  const now = clock.now();
  return db.transaction(() => {
    const stored = saveClassroomAnswer(
      db,
      {
        tdpId: request.tdpId,
        date: request.date,
        classId: request.classId ?? null,
        lessonId: request.lessonId,
        questionId: request.questionId,
        present: request.present,
        answeredRight: request.answeredRight,
        recordedBy: userId,
      },
      now,
    );
    audit(
      db,
      staff,
      {
        action: "classroom.record",
        tdpId: request.tdpId,
        subject: request.lessonId,
        details: { questionId: request.questionId, present: request.present, answeredRight: request.answeredRight },
      },
      now,
    );
    return stored;
  })();
}

/** One TDP's counts of one day: 400 for a TDP the ward does not have, 403 outside the caller's scope. */
export function answersOfDay(deps: ClassroomDeps, userId: number, tdpId: string, date: string): ClassroomAnswerList {
  if (!residentialGroupExists(deps.db, tdpId)) throw AppError.field("tdpId", NO_SUCH_TDP);
  authorize(deps.db, userId, "class:manage", [tdpId]);
  return { tdpId, date, items: listClassroomAnswers(deps.db, tdpId, date) };
}
