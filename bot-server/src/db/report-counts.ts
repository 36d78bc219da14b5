// The counts the quarterly report is built from (docs/REPORTS.md): learners grouped by TDP
// (tổ dân phố), audience group and age band, lesson results, meetings held with their
// attendance, and classroom-mode answers. Aggregates only: no query here returns a name,
// and the one returning per-learner lesson results (for module mastery) keys them by an
// internal id that never leaves the service.
import type { AgeBand, Audience } from "@hocso/shared/learner";
import type { Db } from "./database.ts";

/** The quarter as the queries need it: instants as stored (ISO-8601 UTC) and ward dates. */
export interface CountWindow {
  /** the quarter's first instant, inclusive */
  startIso: string;
  /** the instant after the quarter, exclusive */
  endIso: string;
  /** the quarter's first and last ward dates */
  from: string;
  to: string;
  /** only learners of these TDPs (a facilitator's dashboard); absent: the whole ward */
  tdpIds?: readonly string[];
}

/** The SQL condition and parameter that keep a query to `window.tdpIds`, if any. */
function tdpFilter(window: Pick<CountWindow, "tdpIds">): { sql: string; params: { tdps?: string } } {
  return window.tdpIds
    ? { sql: "AND u.tdp_id IN (SELECT value FROM json_each(@tdps))", params: { tdps: JSON.stringify(window.tdpIds) } }
    : { sql: "", params: {} };
}

/** The learners of one TDP with one audience group and age band (either may be unset). */
export interface LearnerGroupCounts {
  tdpId: string;
  audience: Audience | null;
  ageBand: AgeBand | null;
  registeredLearners: number;
  newLearners: number;
  certified: number;
  lessonsCompleted: number;
  learnersCompletedLesson: number;
}

interface TdpRow {
  id: string;
  name: string;
  adult_population: number;
}

/** Every TDP with its adult population, in the ward file's order. */
export function listTdpPopulations(db: Db): Array<{ id: string; name: string; adultPopulation: number }> {
  const rows = db.prepare("SELECT id, name, adult_population FROM residential_groups ORDER BY rowid").all() as TdpRow[];
  return rows.map((r) => ({ id: r.id, name: r.name, adultPopulation: r.adult_population }));
}

/**
 * Learners with a TDP, by (TDP, audience, age band): accounts made before the quarter's end
 * and within it, self-reported certifications dated up to its last day, lessons first
 * finished within it, and learners who had finished a lesson before its end.
 */
export function countLearnerGroups(db: Db, window: CountWindow): LearnerGroupCounts[] {
  const only = tdpFilter(window);
  const rows = db
    .prepare(
      `WITH lessons AS (
         SELECT user_id,
                sum(completed_at >= @startIso AND completed_at < @endIso) AS in_quarter,
                max(completed_at < @endIso) AS any_before_end
         FROM progress WHERE completed_at IS NOT NULL GROUP BY user_id
       )
       SELECT u.tdp_id AS tdpId, u.audience, u.age_band AS ageBand,
              sum(u.created_at < @endIso) AS registeredLearners,
              sum(u.created_at >= @startIso AND u.created_at < @endIso) AS newLearners,
              sum(u.certified_on IS NOT NULL AND u.certified_on <= @to) AS certified,
              coalesce(sum(l.in_quarter), 0) AS lessonsCompleted,
              coalesce(sum(l.any_before_end), 0) AS learnersCompletedLesson
       FROM users u LEFT JOIN lessons l ON l.user_id = u.id
       WHERE u.tdp_id IS NOT NULL ${only.sql}
       GROUP BY u.tdp_id, u.audience, u.age_band`,
    )
    .all({ startIso: window.startIso, endIso: window.endIso, to: window.to, ...only.params }) as LearnerGroupCounts[];
  return rows;
}

/** One learner's lesson with a quiz result, first finished before the quarter's end. */
export interface FinishedLesson {
  /** internal id, only to group a learner's lessons */
  userId: number;
  tdpId: string;
  audience: Audience | null;
  ageBand: AgeBand | null;
  lessonId: string;
  bestCorrect: number;
  total: number;
}

export function listFinishedLessons(db: Db, window: Pick<CountWindow, "endIso" | "tdpIds">): FinishedLesson[] {
  const only = tdpFilter(window);
  return db
    .prepare(
      `SELECT p.user_id AS userId, u.tdp_id AS tdpId, u.audience, u.age_band AS ageBand, p.lesson_id AS lessonId,
              p.best_correct AS bestCorrect, p.total
       FROM progress p JOIN users u ON u.id = p.user_id
       WHERE u.tdp_id IS NOT NULL AND p.completed_at < @endIso ${only.sql}
         AND p.best_correct IS NOT NULL AND p.total IS NOT NULL
       ORDER BY p.user_id`,
    )
    .all({ endIso: window.endIso, ...only.params }) as FinishedLesson[];
}

export interface MeetingCounts {
  tdpId: string;
  meetingsHeld: number;
  guests: number;
  checkIns: number;
}

/**
 * Meetings of each TDP's classes first recorded as held within the quarter (held_at), with
 * their guests and the learners checked in. TDPs without such a meeting are absent.
 */
export function countHeldMeetings(db: Db, window: Pick<CountWindow, "startIso" | "endIso">): MeetingCounts[] {
  return db
    .prepare(
      `SELECT c.tdp_id AS tdpId, count(*) AS meetingsHeld, sum(m.guests) AS guests,
              sum((SELECT count(*) FROM attendance a WHERE a.class_id = m.class_id AND a.date = m.date)) AS checkIns
       FROM meeting_records m JOIN weekly_classes c ON c.id = m.class_id
       WHERE m.held_at >= @startIso AND m.held_at < @endIso
       GROUP BY c.tdp_id`,
    )
    .all(window) as MeetingCounts[];
}

export interface ClassroomCounts {
  tdpId: string;
  questions: number;
  present: number;
  answeredRight: number;
}

/** Classroom-mode questions asked in each TDP on a ward date within the quarter. */
export function countClassroomAnswers(db: Db, window: Pick<CountWindow, "from" | "to">): ClassroomCounts[] {
  return db
    .prepare(
      `SELECT tdp_id AS tdpId, count(*) AS questions, sum(present) AS present, sum(answered_right) AS answeredRight
       FROM classroom_answers WHERE date >= @from AND date <= @to
       GROUP BY tdp_id`,
    )
    .all(window) as ClassroomCounts[];
}
