// Classroom-mode counts as stored (migration 008, classroom_answers): per TDP (tổ dân phố),
// ward date, lesson and question, how many were present and how many answered right. Counts
// only: no row names a resident.
import type { ClassroomAnswer } from "@hocso/shared/classroom";
import type { Db } from "./database.ts";

interface AnswerRow {
  tdp_id: string;
  date: string;
  class_id: string | null;
  lesson_id: string;
  question_id: string;
  present: number;
  answered_right: number;
  recorded_at: string;
}

const COLUMNS = "tdp_id, date, class_id, lesson_id, question_id, present, answered_right, recorded_at";

function toAnswer(row: AnswerRow): ClassroomAnswer {
  return {
    tdpId: row.tdp_id,
    date: row.date,
    classId: row.class_id,
    lessonId: row.lesson_id,
    questionId: row.question_id,
    present: row.present,
    answeredRight: row.answered_right,
    recordedAt: row.recorded_at,
  };
}

/** Stores the counts of one question asked on one day, replacing what was recorded for it. */
export function saveClassroomAnswer(
  db: Db,
  answer: Omit<ClassroomAnswer, "recordedAt"> & { recordedBy: number },
  now: Date,
): ClassroomAnswer {
  const row = db
    .prepare(
      `INSERT INTO classroom_answers
         (tdp_id, date, class_id, lesson_id, question_id, present, answered_right, recorded_by, recorded_at)
       VALUES (@tdpId, @date, @classId, @lessonId, @questionId, @present, @answeredRight, @recordedBy, @at)
       ON CONFLICT (tdp_id, date, lesson_id, question_id) DO UPDATE SET
         class_id = excluded.class_id, present = excluded.present, answered_right = excluded.answered_right,
         recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
       RETURNING ${COLUMNS}`,
    )
    .get({ ...answer, at: now.toISOString() }) as AnswerRow;
  return toAnswer(row);
}

/** One TDP's counts of one day, the one recorded longest ago first. */
export function listClassroomAnswers(db: Db, tdpId: string, date: string): ClassroomAnswer[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM classroom_answers WHERE tdp_id = ? AND date = ?
       ORDER BY recorded_at, lesson_id, question_id`,
    )
    .all(tdpId, date) as AnswerRow[];
  return rows.map(toAnswer);
}
