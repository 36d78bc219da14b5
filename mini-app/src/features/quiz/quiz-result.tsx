// The end of a quiz: the score, a kind word, and where the result was saved. This is practice
// only; the official assessment is on binhdanhocvuso.gov.vn, so nothing here is called a
// certificate.
import { useEffect, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { Lesson } from "@hocso/shared/content";
import { isPassing } from "@hocso/shared/learner";
import { AppPage } from "../../app/layout.tsx";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";
import { recordQuiz } from "../../app/progress-store.ts";
import { syncLesson, type SaveOutcome } from "../../app/sync.ts";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";

type SaveState = { kind: "saving" } | SaveOutcome;

function useSaveResult(lesson: Lesson, correct: number, total: number): SaveState {
  const [state, setState] = useState<SaveState>(() =>
    mayUseServer(learnerStore.get()) ? { kind: "saving" } : { kind: "device" },
  );
  useEffect(() => {
    let current = true;
    recordQuiz(lesson.id, lesson.steps.length, correct, total);
    syncLesson(lesson.id).then((outcome) => {
      if (!current) return;
      setState(outcome);
    });
    return () => {
      current = false;
    };
  }, [lesson, correct, total]);
  return state;
}

export function QuizResult({ lesson, correct, total }: { lesson: Lesson; correct: number; total: number }) {
  const navigate = useNavigate();
  const saved = useSaveResult(lesson, correct, total);
  const passed = isPassing(correct, total);
  const t = strings.result;

  return (
    <AppPage
      title={`${t.title}: ${lesson.title}`}
      backTo="/"
      actions={
        <>
          <Button variant="secondary" onClick={() => navigate(`/bai/${lesson.id}`, { state: { restart: true } })}>
            {t.again}
          </Button>
          <Button onClick={() => navigate("/", { direction: "backward" })}>{t.home}</Button>
        </>
      }
    >
      {passed && (
        <p className="result-mark" aria-hidden="true">
          <CheckMark size={44} />
        </p>
      )}
      <h1 className="result-score">{t.score(correct, total)}</h1>
      <p className="lead">{passed ? t.passed : t.notYet}</p>
      <p className={saved.kind === "server" ? "card status-line status-saved" : "card status-line"} role="status">
        {saved.kind === "saving" && t.saving}
        {saved.kind === "server" && (
          <>
            <CheckMark /> {t.saved}
          </>
        )}
        {saved.kind === "device" && t.onDevice}
        {saved.kind === "failed" && t.notSent(saved.message)}
      </p>
      <p className="muted">{t.practiceNote}</p>
    </AppPage>
  );
}
