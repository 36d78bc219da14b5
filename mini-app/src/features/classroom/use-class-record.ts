// The counts the facilitator types for each question of the lesson on screen, and saving them
// (PUT /api/v1/classroom/answers). "Số người có mặt" carries over to the next question; what
// was already recorded today (GET …?tdpId=&date=) fills the fields when the lesson reopens.
import { useCallback, useEffect, useState } from "react";
import type { ClassroomAnswer } from "@hocso/shared/classroom";
import type { Lesson } from "@hocso/shared/content";
import { messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";
import { getClassroomAnswers } from "./api/get-classroom-answers.ts";
import { putClassroomAnswer } from "./api/put-classroom-answer.ts";
import { checkCounts } from "./counts.ts";

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "failed"; reason: string };

export interface QuestionCounts {
  /** what the fields hold, as typed */
  present: string;
  right: string;
  save: SaveState;
  /** what the server holds for this question today */
  saved: ClassroomAnswer | null;
}

interface ClassRecordInput {
  lesson: Lesson;
  tdpId: string;
  /** the class's ward date */
  date: string;
  classId: string | null;
}

export interface ClassRecord {
  countsOf(questionId: string): QuestionCounts;
  change(questionId: string, fields: Partial<Pick<QuestionCounts, "present" | "right">>): void;
  /** saves the question's counts; false when they are not valid (nothing is sent) */
  save(questionId: string): Promise<boolean>;
}

export function useClassRecord({ lesson, tdpId, date, classId }: ClassRecordInput): ClassRecord {
  const [byQuestion, setByQuestion] = useState<Record<string, QuestionCounts>>({});
  /** the last "present" typed or recorded: the next question starts from it */
  const [lastPresent, setLastPresent] = useState("");

  useEffect(() => {
    let current = true;
    // Only a help for a reload: if it fails the fields start empty and saving still works.
    withSession((token) => getClassroomAnswers(token, tdpId, date)).then(
      ({ items }) => {
        if (!current || items.length === 0) return;
        setByQuestion((now) => withRecorded(now, items.filter((i) => i.lessonId === lesson.id)));
        setLastPresent((typed) => typed || String(items[items.length - 1]!.present));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [lesson.id, tdpId, date]);

  const countsOf = useCallback(
    (questionId: string): QuestionCounts =>
      byQuestion[questionId] ?? { present: lastPresent, right: "", save: { kind: "idle" }, saved: null },
    [byQuestion, lastPresent],
  );

  const update = useCallback(
    (questionId: string, next: (counts: QuestionCounts) => QuestionCounts) =>
      setByQuestion((now) => ({ ...now, [questionId]: next(now[questionId] ?? countsOf(questionId)) })),
    [countsOf],
  );

  const change = useCallback(
    (questionId: string, fields: Partial<Pick<QuestionCounts, "present" | "right">>) => {
      if (fields.present !== undefined) setLastPresent(fields.present);
      update(questionId, (counts) => ({ ...counts, ...fields, save: { kind: "idle" } }));
    },
    [update],
  );

  const save = useCallback(
    async (questionId: string): Promise<boolean> => {
      const counts = countsOf(questionId);
      const checked = checkCounts(counts.present, counts.right);
      if (!checked.ok) return false;
      update(questionId, (c) => ({ ...c, save: { kind: "saving" } }));
      const body = {
        tdpId,
        date,
        ...(classId ? { classId } : {}),
        lessonId: lesson.id,
        questionId,
        present: checked.present,
        answeredRight: checked.right,
      };
      try {
        const saved = await withSession((token) => putClassroomAnswer(token, body));
        update(questionId, (c) => ({ ...c, saved, save: { kind: "idle" } }));
      } catch (error) {
        update(questionId, (c) => ({ ...c, save: { kind: "failed", reason: messageOf(error) } }));
      }
      return true;
    },
    [countsOf, update, tdpId, date, classId, lesson.id],
  );

  return { countsOf, change, save };
}

/** The recorded counts fill the questions the facilitator has not touched yet. */
function withRecorded(
  now: Record<string, QuestionCounts>,
  recorded: readonly ClassroomAnswer[],
): Record<string, QuestionCounts> {
  const next = { ...now };
  for (const answer of recorded) {
    next[answer.questionId] ??= {
      present: String(answer.present),
      right: String(answer.answeredRight),
      save: { kind: "idle" },
      saved: answer,
    };
  }
  return next;
}

/** Whether the fields hold exactly what the server has. */
export function isSaved(counts: QuestionCounts): boolean {
  const { saved } = counts;
  return saved !== null && String(saved.present) === counts.present && String(saved.answeredRight) === counts.right;
}
