// "Kết quả của lớp", after the last question: for each question of the lesson, how many of the
// room answered right, as the server recorded it today (GET /api/v1/classroom/answers).
import type { Ref } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { Lesson } from "@hocso/shared/content";
import { formatWardDate } from "@hocso/shared/dates";
import { strings } from "../../app/strings.ts";
import { FirstLoad } from "../facilitator/load-failed.tsx";
import { STAFF_HOME_PATH } from "../facilitator/paths.ts";
import { usePolled } from "../facilitator/use-polled.ts";
import { getClassroomAnswers } from "./api/get-classroom-answers.ts";
import { startPath } from "./classroom-paths.ts";
import type { Tdp } from "./classroom-page.tsx";

interface SummarySlideProps {
  lesson: Lesson;
  tdp: Tdp;
  date: string;
  classId: string | null;
  headingRef: Ref<HTMLHeadingElement>;
}

export function SummarySlide({ lesson, tdp, date, classId, headingRef }: SummarySlideProps) {
  const navigate = useNavigate();
  const t = strings.classroom;
  const { data, problem, retry } = usePolled(
    (token) => getClassroomAnswers(token, tdp.id, date),
    () => false,
    0,
    [tdp.id, date],
  );
  const recorded = new Map(
    (data?.items ?? []).filter((a) => a.lessonId === lesson.id).map((a) => [a.questionId, a] as const),
  );
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {t.summaryHeading}
      </h1>
      <p className="classroom-summary-of">{t.summaryOf(tdp.name, formatWardDate(date))}</p>
      {data ? (
        <ol className="classroom-summary">
          {lesson.quiz.map((question, i) => {
            const answer = recorded.get(question.id);
            return (
              <li key={question.id}>
                <p className="classroom-summary-question">{t.questionLine(i + 1, question.prompt)}</p>
                <p className="classroom-summary-result">
                  {answer ? t.rightOf(answer.answeredRight, answer.present) : t.notRecorded}
                </p>
              </li>
            );
          })}
        </ol>
      ) : (
        <FirstLoad problem={problem} onRetry={retry} />
      )}
      <div className="stack classroom-gap">
        <Button
          variant="secondary"
          fullWidth
          onClick={() => navigate(startPath({ tdpId: tdp.id, classId }), { direction: "backward" })}
        >
          {t.chooseOther}
        </Button>
        <Button variant="secondary" fullWidth onClick={() => navigate(STAFF_HOME_PATH, { direction: "backward" })}>
          {t.toStaffHome}
        </Button>
      </div>
    </>
  );
}
