// "/bai/:lessonId/cau-hoi": one question per screen, no timer. Choosing an answer locks the
// question and explains the right one at once; after the last question comes the result.
import { useState } from "react";
import { Button, useNavigate, useParams } from "zmp-ui";
import type { Lesson } from "@hocso/shared/content";
import { useLesson } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { questionAnswered, quizFinished } from "../../app/learning-log.ts";
import { strings } from "../../app/strings.ts";
import { QuestionView } from "../../components/question-view.tsx";
import { ReadAloud } from "../../components/read-aloud/read-aloud-lazy.tsx";
import { questionParts } from "../../components/read-aloud/read-aloud-text.ts";
import { QuizResult } from "./quiz-result.tsx";

export function QuizPage() {
  const { lessonId = "" } = useParams();
  const state = useLesson(lessonId);
  const navigate = useNavigate();
  if (state.status === "ready") return <Quiz key={lessonId} lesson={state.lesson} />;
  return (
    <AppPage title={strings.quiz.title} backTo="/">
      {state.status === "loading" && <p role="status">{strings.loading}</p>}
      {state.status === "missing" && <h1>{strings.lesson.notFound}</h1>}
      {state.status === "failed" && (
        <>
          <h1>{strings.lesson.loadFailed}</h1>
          <Button fullWidth onClick={state.retry}>
            {strings.lesson.retry}
          </Button>
        </>
      )}
      {state.status !== "loading" && (
        <Button variant="secondary" fullWidth onClick={() => navigate("/")} style={{ marginTop: 12 }}>
          {strings.lesson.toHome}
        </Button>
      )}
    </AppPage>
  );
}

function Quiz({ lesson }: { lesson: Lesson }) {
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<Array<number | null>>(() => lesson.quiz.map(() => null));
  /** the quiz-finished event, once the learner asked for the result */
  const [finishedEvent, setFinishedEvent] = useState<string | null>(null);
  const question = lesson.quiz[index];
  const correct = lesson.quiz.filter((q, i) => chosen[i] === q.answer).length;

  if (finishedEvent !== null || !question) {
    return <QuizResult lesson={lesson} correct={correct} total={lesson.quiz.length} eventId={finishedEvent} />;
  }

  const answered = chosen[index] ?? null;
  const isLast = index === lesson.quiz.length - 1;
  const t = strings.quiz;

  function onChoose(option: number) {
    if (!question || answered !== null) return;
    questionAnswered(lesson.id, question, option, "quiz");
    setChosen((all) => all.map((c, i) => (i === index ? option : c)));
  }

  function onFinish() {
    // recorded here, in the click, so that it happens exactly once
    setFinishedEvent(quizFinished(lesson.id, lesson.steps.length, correct, lesson.quiz.length));
  }

  return (
    <AppPage
      title={`${t.title}: ${lesson.title}`}
      backTo={`/bai/${lesson.id}`}
      actions={
        answered !== null && (
          <Button className="wide" onClick={() => (isLast ? onFinish() : setIndex(index + 1))}>
            {isLast ? t.seeResult : t.next}
          </Button>
        )
      }
    >
      <QuestionView
        key={question.id}
        question={question}
        counter={t.counter(index + 1, lesson.quiz.length)}
        aside={<ReadAloud parts={questionParts(question.prompt, question.options)} />}
        chosen={answered}
        onChoose={onChoose}
      />
    </AppPage>
  );
}
