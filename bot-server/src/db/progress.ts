// Lesson progress rows: one per learner and lesson.
import type { Progress } from "@hocso/shared/api";
import type { Db } from "./database.ts";

/**
 * A progress row as stored: the API's Progress plus when its resume point and its last quiz
 * score happened, so that an older event arriving late cannot move either back.
 */
export interface StoredProgress extends Progress {
  /** when the learner reached stepIndex (the phone's time for a synced event); null if unknown */
  stepAt: string | null;
  /** when the attempt behind lastCorrect/total finished; null if unknown or no attempt */
  quizAt: string | null;
}

interface ProgressRow {
  lesson_id: string;
  step_index: number;
  step_at: string | null;
  completed_at: string | null;
  best_correct: number | null;
  last_correct: number | null;
  total: number | null;
  quiz_at: string | null;
  updated_at: string;
}

const COLUMNS = "lesson_id, step_index, step_at, completed_at, best_correct, last_correct, total, quiz_at, updated_at";

function toStored(row: ProgressRow): StoredProgress {
  return {
    lessonId: row.lesson_id,
    stepIndex: row.step_index,
    stepAt: row.step_at,
    completedAt: row.completed_at,
    bestCorrect: row.best_correct,
    lastCorrect: row.last_correct,
    total: row.total,
    quizAt: row.quiz_at,
    updatedAt: row.updated_at,
  };
}

/** The API's view of a stored row. */
export function toProgress(p: StoredProgress): Progress {
  return {
    lessonId: p.lessonId,
    stepIndex: p.stepIndex,
    completedAt: p.completedAt,
    bestCorrect: p.bestCorrect,
    lastCorrect: p.lastCorrect,
    total: p.total,
    updatedAt: p.updatedAt,
  };
}

export function findProgress(db: Db, userId: number, lessonId: string): StoredProgress | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM progress WHERE user_id = ? AND lesson_id = ?`)
    .get(userId, lessonId) as ProgressRow | undefined;
  return row && toStored(row);
}

export function listProgress(db: Db, userId: number): StoredProgress[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM progress WHERE user_id = ? ORDER BY lesson_id`)
    .all(userId) as ProgressRow[];
  return rows.map(toStored);
}

export function saveProgress(db: Db, userId: number, p: StoredProgress): void {
  db.prepare(
    `INSERT INTO progress
       (user_id, lesson_id, step_index, step_at, completed_at, best_correct, last_correct, total, quiz_at, updated_at)
     VALUES
       (@userId, @lessonId, @stepIndex, @stepAt, @completedAt, @bestCorrect, @lastCorrect, @total, @quizAt, @updatedAt)
     ON CONFLICT (user_id, lesson_id) DO UPDATE SET
       step_index = excluded.step_index, step_at = excluded.step_at, completed_at = excluded.completed_at,
       best_correct = excluded.best_correct, last_correct = excluded.last_correct, total = excluded.total,
       quiz_at = excluded.quiz_at, updated_at = excluded.updated_at`,
  ).run({ userId, ...p });
}

export function deleteProgressOf(db: Db, userId: number): number {
  return db.prepare("DELETE FROM progress WHERE user_id = ?").run(userId).changes;
}
