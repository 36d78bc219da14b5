// What a resident chose in the OA chat, keyed by their OA-scoped user id (chat_residents),
// and where they are in the chat quiz (chat_quizzes).
import type { Db } from "./database.ts";

export interface ChatResident {
  oaUserId: string;
  /** the TDP (tổ dân phố) they picked in the chat */
  tdpId: string | null;
  /** their "nhắc lịch" / "dừng" decision in the chat, or null if they never made one */
  reminders: { granted: boolean; textVersion: string; decidedAt: string } | null;
}

interface ResidentRow {
  oa_user_id: string;
  tdp_id: string | null;
  reminders_granted: 0 | 1 | null;
  reminders_text_version: string | null;
  reminders_decided_at: string | null;
}

export function findChatResident(db: Db, oaUserId: string): ChatResident | undefined {
  const row = db
    .prepare(
      `SELECT oa_user_id, tdp_id, reminders_granted, reminders_text_version, reminders_decided_at
         FROM chat_residents WHERE oa_user_id = ?`,
    )
    .get(oaUserId) as ResidentRow | undefined;
  if (!row) return undefined;
  return {
    oaUserId: row.oa_user_id,
    tdpId: row.tdp_id,
    reminders:
      row.reminders_granted === null
        ? null
        : {
            granted: row.reminders_granted === 1,
            textVersion: row.reminders_text_version!,
            decidedAt: row.reminders_decided_at!,
          },
  };
}

export function saveChatTdp(db: Db, oaUserId: string, tdpId: string, now: Date): void {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO chat_residents (oa_user_id, tdp_id, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (oa_user_id) DO UPDATE SET tdp_id = excluded.tdp_id, updated_at = excluded.updated_at`,
  ).run(oaUserId, tdpId, at, at);
}

/** Records a reminders decision; the same decision on the same wording keeps its first time. */
export function saveChatReminders(
  db: Db,
  oaUserId: string,
  decision: { granted: boolean; textVersion: string; decidedAt: string },
): void {
  db.prepare(
    `INSERT INTO chat_residents
       (oa_user_id, reminders_granted, reminders_text_version, reminders_decided_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (oa_user_id) DO UPDATE SET
       reminders_granted = excluded.reminders_granted,
       reminders_text_version = excluded.reminders_text_version,
       reminders_decided_at = excluded.reminders_decided_at,
       updated_at = excluded.updated_at
     WHERE chat_residents.reminders_granted IS NOT excluded.reminders_granted
        OR chat_residents.reminders_text_version IS NOT excluded.reminders_text_version`,
  ).run(
    oaUserId,
    Number(decision.granted),
    decision.textVersion,
    decision.decidedAt,
    decision.decidedAt,
    decision.decidedAt,
  );
}

/** Everything the chat kept about one OA user (after an unfollow): true if anything went. */
export function forgetChatResident(db: Db, oaUserId: string): boolean {
  const a = db.prepare("DELETE FROM chat_residents WHERE oa_user_id = ?").run(oaUserId).changes;
  const b = db.prepare("DELETE FROM chat_quizzes WHERE oa_user_id = ?").run(oaUserId).changes;
  return a + b > 0;
}

export interface ChatQuiz {
  lessonId: string;
  /** the question waiting for an answer, or null once the lesson's quiz is finished */
  questionIndex: number | null;
  correctCount: number;
}

export function findChatQuiz(db: Db, oaUserId: string): ChatQuiz | undefined {
  const row = db
    .prepare("SELECT lesson_id, question_index, correct_count FROM chat_quizzes WHERE oa_user_id = ?")
    .get(oaUserId) as { lesson_id: string; question_index: number | null; correct_count: number } | undefined;
  return row && { lessonId: row.lesson_id, questionIndex: row.question_index, correctCount: row.correct_count };
}

export function startChatQuiz(db: Db, oaUserId: string, lessonId: string, now: Date): void {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO chat_quizzes (oa_user_id, lesson_id, question_index, correct_count, started_at, updated_at)
     VALUES (?, ?, 0, 0, ?, ?)
     ON CONFLICT (oa_user_id) DO UPDATE SET lesson_id = excluded.lesson_id, question_index = 0, correct_count = 0,
       started_at = excluded.started_at, updated_at = excluded.updated_at`,
  ).run(oaUserId, lessonId, at, at);
}

export function saveChatQuizPosition(
  db: Db,
  oaUserId: string,
  position: { questionIndex: number | null; correctCount: number },
  now: Date,
): void {
  db.prepare(
    "UPDATE chat_quizzes SET question_index = ?, correct_count = ?, updated_at = ? WHERE oa_user_id = ?",
  ).run(position.questionIndex, position.correctCount, now.toISOString(), oaUserId);
}
