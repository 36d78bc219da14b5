// One quiz question asked to the room: the prompt and its options, numbered big so people can
// say or show the number; "Hiện đáp án" marks the right one with a ✓ and the words "Đáp án
// đúng" (never by colour alone) and shows why; then the facilitator records the counts.
import type { Ref } from "react";
import { Button } from "zmp-ui";
import type { Question } from "@hocso/shared/content";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { ReadAloud } from "../../components/read-aloud/read-aloud-lazy.tsx";
import { questionParts } from "../../components/read-aloud/read-aloud-text.ts";
import { CountForm } from "./count-form.tsx";
import type { ClassRecord } from "./use-class-record.ts";

interface QuestionSlideProps {
  question: Question;
  /** "Câu 2/5" */
  counter: string;
  revealed: boolean;
  onReveal: () => void;
  record: ClassRecord;
  headingRef: Ref<HTMLHeadingElement>;
}

export function QuestionSlide({ question, counter, revealed, onReveal, record, headingRef }: QuestionSlideProps) {
  const t = strings.classroom;
  const right = question.options[question.answer] ?? "";
  const parts = questionParts(question.prompt, question.options);
  if (revealed) parts.push(t.rightAnswerIs(question.answer + 1, right), question.explanation);
  return (
    <>
      <div className="screen-top">
        <p className="counter">{counter}</p>
        <ReadAloud key={revealed ? "revealed" : "asked"} parts={parts} />
      </div>
      <h1 ref={headingRef} tabIndex={-1} className="classroom-prompt">
        {question.prompt}
      </h1>
      <p className="classroom-ask">{t.askRoom}</p>
      <ol className="classroom-options" aria-label={t.optionsLabel}>
        {question.options.map((option, i) => {
          const isRight = revealed && i === question.answer;
          return (
            <li key={i} className={isRight ? "classroom-option is-right" : "classroom-option"}>
              <span className="classroom-option-number">{i + 1}</span>
              <span className="classroom-option-text">{option}</span>
              {isRight && (
                <span className="classroom-right-tag">
                  <CheckMark /> {t.rightAnswer}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <div aria-live="polite">
        {revealed && (
          <div className="classroom-explanation">
            <p>
              <strong>{t.rightAnswerIs(question.answer + 1, right)}</strong>
            </p>
            <p>{question.explanation}</p>
          </div>
        )}
      </div>
      {revealed ? (
        <CountForm
          key={question.id}
          questionId={question.id}
          counts={record.countsOf(question.id)}
          onChange={(fields) => record.change(question.id, fields)}
          onSave={() => void record.save(question.id)}
        />
      ) : (
        <Button fullWidth onClick={onReveal}>
          {t.reveal}
        </Button>
      )}
    </>
  );
}
