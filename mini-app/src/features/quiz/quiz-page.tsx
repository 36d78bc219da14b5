// "/bai/:lessonId/cau-hoi": one question per screen, no timer. Choosing an answer locks the
// question and explains the right one at once; after the last question comes the result.
import { useEffect, useRef, useState } from "react";
import { Button, useNavigate, useParams } from "zmp-ui";
import type { Lesson, Question } from "@hocso/shared/content";
import { useLesson } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";
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
  const [finished, setFinished] = useState(false);
  const question = lesson.quiz[index];

  if (finished || !question) {
    const correct = lesson.quiz.filter((q, i) => chosen[i] === q.answer).length;
    return <QuizResult lesson={lesson} correct={correct} total={lesson.quiz.length} />;
  }

  const answered = chosen[index] ?? null;
  const isLast = index === lesson.quiz.length - 1;
  const t = strings.quiz;

  return (
    <AppPage
      title={`${t.title}: ${lesson.title}`}
      backTo={`/bai/${lesson.id}`}
      actions={
        answered !== null && (
          <Button className="wide" onClick={() => (isLast ? setFinished(true) : setIndex(index + 1))}>
            {isLast ? t.seeResult : t.next}
          </Button>
        )
      }
    >
      <QuestionView
        key={question.id}
        question={question}
        number={index + 1}
        total={lesson.quiz.length}
        chosen={answered}
        onChoose={(option) => setChosen((all) => all.map((c, i) => (i === index ? option : c)))}
      />
    </AppPage>
  );
}

interface QuestionViewProps {
  question: Question;
  number: number;
  total: number;
  chosen: number | null;
  onChoose: (option: number) => void;
}

function QuestionView({ question, number, total, chosen, onChoose }: QuestionViewProps) {
  const t = strings.quiz;
  const locked = chosen !== null;
  const right = chosen === question.answer;
  const top = useRef<HTMLDivElement>(null);
  const feedback = useRef<HTMLDivElement>(null);

  useEffect(() => {
    top.current?.scrollIntoView({ block: "start" }); // each question starts at the top
  }, []);

  useEffect(() => {
    if (locked) feedback.current?.scrollIntoView({ block: "nearest" });
  }, [locked]);

  return (
    <>
      <div ref={top} />
      <p className="counter">{t.counter(number, total)}</p>
      <h1>{question.prompt}</h1>
      <div className="answers" role="group" aria-label={t.optionsLabel}>
        {question.options.map((option, i) => {
          const state = !locked ? "" : i === question.answer ? " is-right" : i === chosen ? " is-wrong" : "";
          return (
            <button key={i} type="button" className={`answer${state}`} disabled={locked} onClick={() => onChoose(i)}>
              <span className="answer-mark" aria-hidden="true">
                {locked && i === question.answer ? <CheckMark /> : locked && i === chosen ? "✕" : null}
              </span>
              <span>{option}</span>
            </button>
          );
        })}
      </div>
      <div ref={feedback} aria-live="polite">
        {locked && (
          <div className={`feedback ${right ? "feedback-right" : "feedback-wrong"}`}>
            <p className="feedback-title">{right ? t.correct : t.wrong}</p>
            {!right && (
              <p>
                <strong>{t.rightAnswer(question.options[question.answer] ?? "")}</strong>
              </p>
            )}
            <p>{question.explanation}</p>
          </div>
        )}
      </div>
    </>
  );
}
