// Staff manage their TDPs' (tổ dân phố) weekly classes (docs/API.md "Weekly classes: staff"):
// create, edit, cancel or restore one meeting date. Every check runs before anything is
// written; every change and what it means for the outbox commit in one transaction. An edit
// forgets the class's reminders that have not gone, so the planner writes them again from
// the class as it now is, and where a reminder already went out it queues an urgent notice of
// the new time or place; a cancelled date stops its reminders and, where a reminder already
// went out, queues an urgent notice so that nobody walks to a class that is not happening
// (meeting-notices.ts).
import {
  classIdFor,
  isMeetingDate,
  occurrencesBetween,
  type ClassCancellationResult,
  type CreateClassRequest,
  type PatchClassRequest,
  type WeeklyClass,
} from "@hocso/shared/classes";
import { wardDate } from "@hocso/shared/dates";
import { cancelManualReminders, forgetPlannedExpiries, reopenMeetingReminders } from "../../db/class-reminders.ts";
import type { Db } from "../../db/database.ts";
import { cancelUnsent, deleteUnsentOfClass } from "../../db/outbox.ts";
import { listResidentialGroups, residentialGroupExists } from "../../db/residential-groups.ts";
import {
  addCancelledDate,
  createWeeklyClass,
  findWeeklyClass,
  listWeeklyClassesOfTdps,
  removeCancelledDate,
  updateWeeklyClass,
  weeklyClassExists,
} from "../../db/weekly-classes.ts";
import { audit } from "../../lib/audit.ts";
import type { Clock } from "../../lib/clock.ts";
import type { FindLesson } from "../../lib/content.ts";
import { AppError, type FieldError } from "../../lib/errors.ts";
import { authorize, scopeOf, type Staff } from "../../lib/policies.ts";
import { queueCancellationNotices, queueChangeNotices } from "./meeting-notices.ts";

export interface ClassManagementDeps {
  db: Db;
  clock: Clock;
  findLesson: FindLesson;
}

/** What facilitators read on the outbox rows a class change stopped (Vietnamese). */
export const CLASS_CHANGE_REASONS = {
  dateCancelled: "Buổi học này được nghỉ",
  dateRestored: "Buổi học được học lại như lịch cũ",
} as const;

/** 403 unless the user holds "class:manage" for some TDP: asked before their input is read. */
export function classManager(deps: ClassManagementDeps, userId: number): void {
  authorize(deps.db, userId, "class:manage");
}

/**
 * Problems the schema cannot see: a TDP the ward does not have, lessons the course does not
 * have. Read from the raw body so that they are named together with the schema's own.
 */
export function classReferenceProblems(deps: ClassManagementDeps, body: unknown): FieldError[] {
  const problems: FieldError[] = [];
  if (typeof body !== "object" || body === null) return problems;
  const { tdpId, lessonIds } = body as { tdpId?: unknown; lessonIds?: unknown };
  if (typeof tdpId === "string" && tdpId !== "" && !residentialGroupExists(deps.db, tdpId)) {
    problems.push({ path: "tdpId", message: "no such tổ dân phố; pick one from GET /api/v1/config" });
  }
  if (Array.isArray(lessonIds)) {
    lessonIds.forEach((id, i) => {
      if (typeof id === "string" && id !== "" && !deps.findLesson(id)) {
        problems.push({ path: `lessonIds.${i}`, message: `no lesson "${id}" in the course` });
      }
    });
  }
  return problems;
}

export function createClass(deps: ClassManagementDeps, userId: number, request: CreateClassRequest): WeeklyClass {
  const { db, clock } = deps;
  const staff = authorize(db, userId, "class:manage", [request.tdpId]);
  const id = classIdFor(request.tdpId, request.weekday, request.startTime);
  if (weeklyClassExists(db, id)) {
    throw new AppError(
      "conflict",
      `Class "${id}" already exists: this tổ dân phố already has a class at that weekday and time ` +
        `(or had one moved from there); edit it with PATCH /api/v1/classes/${id}`,
    );
  }
  const now = clock.now();
  db.transaction(() => {
    createWeeklyClass(db, { id, ...request }, now);
    const details = { weekday: request.weekday, startTime: request.startTime, lessons: request.lessonIds.length };
    audit(db, staff, { action: "class.create", tdpId: request.tdpId, subject: id, details }, now);
  })();
  return findWeeklyClass(db, id)!;
}

/** The class, if the user may manage its TDP: 404 for an unknown class, 403 outside their scope. */
export function managedClass(deps: ClassManagementDeps, userId: number, classId: string): WeeklyClass {
  return classAndManager(deps, userId, classId).cls;
}

/** managedClass, with the staff member it checked (for the audit log). */
function classAndManager(
  deps: ClassManagementDeps,
  userId: number,
  classId: string,
): { cls: WeeklyClass; staff: Staff } {
  const cls = findWeeklyClass(deps.db, classId);
  if (!cls) throw new AppError("not_found", `There is no weekly class "${classId}"`);
  return { cls, staff: authorize(deps.db, userId, "class:manage", [cls.tdpId]) };
}

/**
 * Applies the changes. Cancelled dates the class no longer meets on (it moved to another
 * weekday or its dates shrank) are dropped; the class's reminders from today on that have
 * not gone are forgotten, for the planner to write again; a meeting whose reminder has gone
 * and whose time or place changed gets an urgent notice for those it reached.
 */
export function updateClass(
  deps: ClassManagementDeps,
  userId: number,
  classId: string,
  patch: PatchClassRequest,
): { cls: WeeklyClass; remindersForgotten: number; noticesQueued: number } {
  const { db, clock } = deps;
  const { cls: current, staff } = classAndManager(deps, userId, classId);
  const next: WeeklyClass = { ...current, ...patch };
  if (next.lastDate !== null && next.lastDate < next.firstDate) {
    const path = patch.lastDate !== undefined ? "lastDate" : "firstDate";
    throw AppError.field(path, `the class would end (${next.lastDate}) before it starts (${next.firstDate})`);
  }
  const now = clock.now();
  const today = wardDate(now);
  const { remindersForgotten, noticesQueued } = db
    .transaction(() => {
      updateWeeklyClass(db, next, now);
      for (const date of current.cancelledDates) {
        if (!isMeetingDate(next, date)) removeCancelledDate(db, classId, date);
      }
      const noticesQueued = queueChangeNotices(db, current, findWeeklyClass(db, classId)!, today, now);
      const forgotten = deleteUnsentOfClass(db, classId, today) + forgetPlannedExpiries(db, classId, today, now);
      const details = { fields: Object.keys(patch), remindersForgotten: forgotten, noticesQueued };
      audit(db, staff, { action: "class.update", tdpId: current.tdpId, subject: classId, details }, now);
      return { remindersForgotten: forgotten, noticesQueued };
    })
    .immediate();
  return { cls: findWeeklyClass(db, classId)!, remindersForgotten, noticesQueued };
}

/** 404 unless the class meets on `date` by its weekday and dates (cancelled or not). */
function meetingOf(cls: WeeklyClass, date: string) {
  if (!isMeetingDate(cls, date)) {
    throw new AppError(
      "not_found",
      `Class "${cls.id}" does not meet on ${date} (not its weekday, or outside its first and last date)`,
    );
  }
  return occurrencesBetween({ ...cls, cancelledDates: [] }, date, date)[0]!;
}

/**
 * Cancels one meeting. Idempotent: cancelling it again stops and queues nothing more. Refused
 * once the meeting has started: it is too late to tell anyone.
 */
export function cancelMeeting(
  deps: ClassManagementDeps,
  userId: number,
  classId: string,
  date: string,
): ClassCancellationResult {
  const { db, clock } = deps;
  const { cls, staff } = classAndManager(deps, userId, classId);
  const occurrence = meetingOf(cls, date);
  const now = clock.now();
  if (occurrence.startsAt <= now) {
    throw AppError.field("date", "this meeting has already started; it can no longer be cancelled");
  }
  const { remindersCancelled, noticesQueued } = db
    .transaction(() => {
      // Already cancelled: nothing more to stop or to tell (a repeated PUT).
      if (!addCancelledDate(db, classId, date)) return { remindersCancelled: 0, noticesQueued: 0 };
      const reason = CLASS_CHANGE_REASONS.dateCancelled;
      // Only this date's messages are unsent now: the next meeting's are not due for days. A
      // change notice not yet gone would only confuse: the cancellation notice replaces it.
      const cancelled =
        cancelUnsent(db, { classId, fromDate: date, kinds: ["reminder", "change"] }, reason, now) +
        cancelManualReminders(db, classId, date, reason, now);
      const after = findWeeklyClass(db, classId)!;
      const noticesQueued = queueCancellationNotices(db, after, occurrence, now);
      const details = { date, remindersCancelled: cancelled, noticesQueued };
      audit(db, staff, { action: "class.cancel-date", tdpId: cls.tdpId, subject: classId, details }, now);
      return { remindersCancelled: cancelled, noticesQueued };
    })
    .immediate();
  return { class: findWeeklyClass(db, classId)!, remindersCancelled, noticesQueued };
}

/**
 * Lets a cancelled meeting take place again. Idempotent. If it has not started, the reminders
 * its cancellation stopped are planned again and a notice that has not gone is stopped.
 */
export function restoreMeeting(deps: ClassManagementDeps, userId: number, classId: string, date: string): WeeklyClass {
  const { db, clock } = deps;
  const { cls, staff } = classAndManager(deps, userId, classId);
  const occurrence = meetingOf(cls, date);
  const now = clock.now();
  db.transaction(() => {
    const restored = removeCancelledDate(db, classId, date);
    if (occurrence.startsAt > now) reopenMeetingReminders(db, classId, date, CLASS_CHANGE_REASONS.dateRestored, now);
    // A date that was not cancelled (a repeated DELETE) changed nothing worth recording.
    if (restored) {
      audit(db, staff, { action: "class.restore-date", tdpId: cls.tdpId, subject: classId, details: { date } }, now);
    }
  })();
  return findWeeklyClass(db, classId)!;
}

/**
 * The classes of the TDPs the user manages (an admin: every TDP), by TDP in the ward file's
 * order; only `tdpId`'s when given, which must be in their scope.
 */
export function listManagedClasses(
  deps: ClassManagementDeps,
  userId: number,
  tdpId: string | undefined,
): WeeklyClass[] {
  const { db } = deps;
  if (tdpId !== undefined && !residentialGroupExists(db, tdpId)) {
    throw AppError.field("tdpId", "no such tổ dân phố; pick one from GET /api/v1/config");
  }
  const staff = authorize(db, userId, "class:manage", tdpId === undefined ? [] : [tdpId]);
  const allTdps = listResidentialGroups(db).map((g) => g.id);
  const tdps = tdpId === undefined ? scopeOf(staff, "class:manage", allTdps) : [tdpId];
  return listWeeklyClassesOfTdps(db, allTdps.filter((id) => tdps.includes(id)));
}
