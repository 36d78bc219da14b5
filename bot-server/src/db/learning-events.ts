// Learning events synced from the mini app (learning_events) and the attempt log of answers
// (answer_attempts). Each event id is stored once per learner.
import type { Db } from "./database.ts";

interface EventBase {
  /** the UUID the phone made */
  id: string;
  lessonId: string;
  /** when it happened on the phone, ISO-8601 UTC */
  at: string;
}

export type LearningEvent =
  | (EventBase & { type: "step"; stepIndex: number })
  | (EventBase & {
      type: "answer";
      questionId: string;
      choice: number;
      /** computed on the server from the lesson content */
      correct: boolean;
      source: "quiz" | "review";
    })
  | (EventBase & { type: "quiz-finished"; correct: number; total: number });

export type StoredLearningEvent = LearningEvent & { receivedAt: string };

/**
 * Stores an event unless this learner already has one with its id; true when stored.
 * An answer also gets its row in the attempt log.
 */
export function insertLearningEvent(db: Db, userId: number, event: LearningEvent, receivedAt: string): boolean {
  const inserted = db
    .prepare(
      `INSERT INTO learning_events
         (user_id, event_id, type, lesson_id, at, received_at, step_index, quiz_correct, quiz_total)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, event_id) DO NOTHING`,
    )
    .run(
      userId,
      event.id,
      event.type,
      event.lessonId,
      event.at,
      receivedAt,
      event.type === "step" ? event.stepIndex : null,
      event.type === "quiz-finished" ? event.correct : null,
      event.type === "quiz-finished" ? event.total : null,
    );
  if (inserted.changes === 0) return false;
  if (event.type === "answer") {
    db.prepare(
      `INSERT INTO answer_attempts (user_id, event_id, lesson_id, question_id, choice, correct, source, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(userId, event.id, event.lessonId, event.questionId, event.choice, Number(event.correct), event.source, event.at);
  }
  return true;
}

interface EventRow {
  event_id: string;
  type: LearningEvent["type"];
  lesson_id: string;
  at: string;
  received_at: string;
  step_index: number | null;
  quiz_correct: number | null;
  quiz_total: number | null;
  question_id: string | null;
  choice: number | null;
  correct: 0 | 1 | null;
  source: "quiz" | "review" | null;
}

function toEvent(r: EventRow): StoredLearningEvent {
  const base = { id: r.event_id, lessonId: r.lesson_id, at: r.at, receivedAt: r.received_at };
  switch (r.type) {
    case "step":
      return { ...base, type: "step", stepIndex: r.step_index! };
    case "quiz-finished":
      return { ...base, type: "quiz-finished", correct: r.quiz_correct!, total: r.quiz_total! };
    case "answer":
      return {
        ...base,
        type: "answer",
        questionId: r.question_id!,
        choice: r.choice!,
        correct: r.correct === 1,
        source: r.source!,
      };
  }
}

/** Every event of a learner, oldest first. */
export function listLearningEvents(db: Db, userId: number): StoredLearningEvent[] {
  const rows = db
    .prepare(
      `SELECT e.event_id, e.type, e.lesson_id, e.at, e.received_at, e.step_index, e.quiz_correct, e.quiz_total,
              a.question_id, a.choice, a.correct, a.source
         FROM learning_events e
         LEFT JOIN answer_attempts a ON a.user_id = e.user_id AND a.event_id = e.event_id
        WHERE e.user_id = ?
        ORDER BY e.at, e.event_id`,
    )
    .all(userId) as EventRow[];
  return rows.map(toEvent);
}

/** Removes a learner's attempt log and events; returns how many events went. */
export function deleteLearningEventsOf(db: Db, userId: number): number {
  db.prepare("DELETE FROM answer_attempts WHERE user_id = ?").run(userId);
  return db.prepare("DELETE FROM learning_events WHERE user_id = ?").run(userId).changes;
}
