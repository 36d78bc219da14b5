// What the "cần hỗ trợ" rule (shared/src/needs-help.ts) reads: the learners of some TDPs
// (tổ dân phố) who keep their progress with us, whether they share it with the facilitator,
// their last learning, and the lessons they answered wrongly often (answer_attempts).
import type { LessonRecord } from "@hocso/shared/needs-help";
import type { Db } from "./database.ts";

export interface NeedsHelpCandidate {
  userId: number;
  displayName: string | null;
  tdpId: string;
  /** the 'share-progress' consent is given */
  shares: boolean;
  /** the latest learning event, or the account's creation without any (ISO-8601 UTC) */
  lastActiveAt: string;
  lessons: LessonRecord[];
}

interface CandidateRow {
  id: number;
  display_name: string | null;
  tdp_id: string;
  shares: 0 | 1;
  last_active_at: string;
}

interface LessonRow {
  user_id: number;
  lesson_id: string;
  wrong: number;
  last_wrong_at: string;
  best_correct: number | null;
  total: number | null;
}

/** users of these TDPs with the progress consent given: everyone else has no learning data here */
const IN_SCOPE = `
  SELECT u.id FROM users u
    JOIN consents c ON c.user_id = u.id AND c.purpose = 'progress' AND c.granted = 1
   WHERE u.tdp_id IN (SELECT value FROM json_each(?))`;

/**
 * The learners of `tdpIds` with the progress consent, each with the lessons on which they
 * gave more than `minWrong` wrong answers (a prefilter: the shared rule decides).
 */
export function listNeedsHelpCandidates(db: Db, tdpIds: readonly string[], minWrong: number): NeedsHelpCandidate[] {
  const scope = JSON.stringify(tdpIds);
  const learners = db
    .prepare(
      `SELECT u.id, u.display_name, u.tdp_id,
              EXISTS (SELECT 1 FROM consents s
                       WHERE s.user_id = u.id AND s.purpose = 'share-progress' AND s.granted = 1) AS shares,
              COALESCE((SELECT max(e.at) FROM learning_events e WHERE e.user_id = u.id), u.created_at) AS last_active_at
         FROM users u
        WHERE u.id IN (${IN_SCOPE})
        ORDER BY u.id`,
    )
    .all(scope) as CandidateRow[];
  const lessons = db
    .prepare(
      `SELECT a.user_id, a.lesson_id, count(*) AS wrong, max(a.at) AS last_wrong_at, p.best_correct, p.total
         FROM answer_attempts a
         LEFT JOIN progress p ON p.user_id = a.user_id AND p.lesson_id = a.lesson_id
        WHERE a.correct = 0 AND a.user_id IN (${IN_SCOPE})
        GROUP BY a.user_id, a.lesson_id
       HAVING count(*) > ?`,
    )
    .all(scope, minWrong) as LessonRow[];
  const byUser = new Map<number, LessonRecord[]>();
  for (const r of lessons) {
    const record: LessonRecord = {
      lessonId: r.lesson_id,
      wrongAnswers: r.wrong,
      lastWrongAt: r.last_wrong_at,
      bestCorrect: r.best_correct,
      total: r.total,
    };
    byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), record]);
  }
  return learners.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    tdpId: r.tdp_id,
    shares: r.shares === 1,
    lastActiveAt: r.last_active_at,
    lessons: byUser.get(r.id) ?? [],
  }));
}
