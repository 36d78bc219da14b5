// The end of a quiz: the score, a kind word, and where the result was saved. This is practice
// only; the official assessment is on binhdanhocvuso.gov.vn, so nothing here is called a
// certificate.
import { Button, useNavigate } from "zmp-ui";
import type { Lesson } from "@hocso/shared/content";
import { isPassing } from "@hocso/shared/learner";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { lessonMastered, progressStore } from "../../app/progress-store.ts";
import { useEventSaveState } from "../../app/save-state.ts";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { ShareLessonButton } from "../../components/share/share-lesson-button.tsx";

interface QuizResultProps {
  lesson: Lesson;
  correct: number;
  total: number;
  /** the quiz-finished event already in the outbox (quiz-page.tsx recorded it) */
  eventId: string | null;
}

export function QuizResult({ lesson, correct, total, eventId }: QuizResultProps) {
  const navigate = useNavigate();
  const saved = useEventSaveState(eventId ?? "");
  const mastered = lessonMastered(useDeviceStore(progressStore)[lesson.id]);
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
      {mastered && (
        <p className="mastered-badge">
          <CheckMark size={20} /> {strings.learning.mastered}
        </p>
      )}
      <p className={saved.kind === "saved" ? "card status-line status-saved" : "card status-line"} role="status">
        {saved.kind === "saving" && t.saving}
        {saved.kind === "saved" && (
          <>
            <CheckMark /> {t.saved}
          </>
        )}
        {saved.kind === "device" && t.onDevice}
        {saved.kind === "offline" && strings.learning.waitingForNetwork}
        {saved.kind === "failed" && t.notSent(saved.message)}
      </p>
      <p className="muted">{t.practiceNote}</p>
      <div className="stack">
        {lesson.module === "m5" && (
          <Button fullWidth onClick={() => navigate("/thi-chung-nhan")}>
            {strings.aids.certification}
          </Button>
        )}
        <ShareLessonButton lesson={lesson} />
      </div>
    </AppPage>
  );
}
