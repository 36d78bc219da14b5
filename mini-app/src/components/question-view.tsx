// One question on its own screen, as the lesson quiz and the review ask it: the answers as big
// buttons; choosing one locks the question and explains the right answer at once. `aside`
// sits beside the counter (e.g. a "Nghe" button), `context` under it (e.g. the lesson's name).
import { useEffect, useRef, type ReactNode } from "react";
import type { Question } from "@hocso/shared/content";
import { strings } from "../app/strings.ts";
import { CheckMark } from "./check-mark.tsx";

interface QuestionViewProps {
  question: Question;
  /** "Câu 2/5" */
  counter: string;
  chosen: number | null;
  onChoose: (option: number) => void;
  aside?: ReactNode;
  context?: ReactNode;
}

export function QuestionView({ question, counter, chosen, onChoose, aside, context }: QuestionViewProps) {
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
      {aside ? (
        <div className="screen-top">
          <p className="counter">{counter}</p>
          {aside}
        </div>
      ) : (
        <p className="counter">{counter}</p>
      )}
      {context}
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
