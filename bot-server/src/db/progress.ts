// Lesson progress rows: one per learner and lesson.
import type { Progress } from "@hocso/shared/api";
import type { Db } from "./database.ts";

interface ProgressRow {
  lesson_id: string;
  step_index: number;
  completed_at: string | null;
  best_correct: number | null;
  last_correct: number | null;
  total: number | null;
  updated_at: string;
}

const COLUMNS = "lesson_id, step_index, completed_at, best_correct, last_correct, total, updated_at";

function toProgress(row: ProgressRow): Progress {
  return {
    lessonId: row.lesson_id,
    stepIndex: row.step_index,
    completedAt: row.completed_at,
    bestCorrect: row.best_correct,
    lastCorrect: row.last_correct,
    total: row.total,
    updatedAt: row.updated_at,
  };
}

export function findProgress(db: Db, userId: number, lessonId: string): Progress | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM progress WHERE user_id = ? AND lesson_id = ?`)
    .get(userId, lessonId) as ProgressRow | undefined;
  return row && toProgress(row);
}

export function listProgress(db: Db, userId: number): Progress[] {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM progress WHERE user_id = ? ORDER BY lesson_id`)
    .all(userId) as ProgressRow[];
  return rows.map(toProgress);
}

export function saveProgress(db: Db, userId: number, p: Progress): void {
  db.prepare(
    `INSERT INTO progress (user_id, lesson_id, step_index, completed_at, best_correct, last_correct, total, updated_at)
     VALUES (@userId, @lessonId, @stepIndex, @completedAt, @bestCorrect, @lastCorrect, @total, @updatedAt)
     ON CONFLICT (user_id, lesson_id) DO UPDATE SET
       step_index = excluded.step_index, completed_at = excluded.completed_at, best_correct = excluded.best_correct,
       last_correct = excluded.last_correct, total = excluded.total, updated_at = excluded.updated_at`,
  ).run({ userId, ...p });
}
