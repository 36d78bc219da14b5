// "/bai/:lessonId": one step per screen, then the "Ghi nhớ" box and the way to the quiz. The
// learner's place is saved on every move, so the lesson reopens where they stopped.
import { useEffect, useRef, useState } from "react";
import { Button, useLocation, useNavigate, useParams } from "zmp-ui";
import type { Lesson } from "@hocso/shared/content";
import { useLesson } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { stepReached } from "../../app/learning-log.ts";
import { lessonMastered, progressStore } from "../../app/progress-store.ts";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { ReadAloud } from "../../components/read-aloud/read-aloud-lazy.tsx";
import { blocksToParts } from "../../components/read-aloud/read-aloud-text.ts";
import { ShareLesson } from "../../components/share/share-lesson-lazy.tsx";
import { BlockView } from "../../components/block-view.tsx";

export function LessonPlayerPage() {
  const { lessonId = "" } = useParams();
  const restart = (useLocation().state as { restart?: boolean } | null)?.restart === true;
  const state = useLesson(lessonId);
  const navigate = useNavigate();
  const t = strings.lesson;

  if (state.status === "ready") return <LessonPlayer key={lessonId} lesson={state.lesson} restart={restart} />;
  return (
    <AppPage title={strings.home.heading} backTo="/">
      {state.status === "loading" && <p role="status">{strings.loading}</p>}
      {state.status === "missing" && <h1>{t.notFound}</h1>}
      {state.status === "failed" && (
        <>
          <h1>{t.loadFailed}</h1>
          <Button fullWidth onClick={state.retry}>
            {t.retry}
          </Button>
        </>
      )}
      {state.status !== "loading" && (
        <Button variant="secondary" fullWidth onClick={() => navigate("/")} style={{ marginTop: 12 }}>
          {t.toHome}
        </Button>
      )}
    </AppPage>
  );
}

/** Where to open: where the learner stopped, unless the lesson is done or restarted. */
function openingStep(lesson: Lesson, restart: boolean): number {
  const saved = progressStore.get()[lesson.id];
  if (restart || !saved || saved.completed) return 0;
  return Math.min(saved.stepIndex, lesson.steps.length);
}

function saveStep(lessonId: string, stepIndex: number): void {
  stepReached(lessonId, stepIndex); // on the phone at once; the server hears of it when it can
}

function LessonPlayer({ lesson, restart }: { lesson: Lesson; restart: boolean }) {
  const navigate = useNavigate();
  const [index, setIndex] = useState(() => openingStep(lesson, restart));
  const top = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const stepCount = lesson.steps.length;
  const step = lesson.steps[index];
  const t = strings.lesson;

  useEffect(() => {
    const saved = progressStore.get()[lesson.id];
    if (!saved || restart) saveStep(lesson.id, openingStep(lesson, restart));
  }, [lesson, restart]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // a new step starts at the top, and screen readers read its title
    top.current?.scrollIntoView({ block: "start" });
    heading.current?.focus({ preventScroll: true });
  }, [index]);

  function go(next: number) {
    setIndex(next);
    saveStep(lesson.id, next);
  }

  const actions = step ? (
    <>
      <Button variant="secondary" onClick={() => (index === 0 ? navigate("/", { direction: "backward" }) : go(index - 1))}>
        {t.back}
      </Button>
      <Button onClick={() => go(index + 1)}>{t.next}</Button>
    </>
  ) : (
    <>
      <Button variant="secondary" onClick={() => go(stepCount - 1)}>
        {t.back}
      </Button>
      <Button onClick={() => navigate(`/bai/${lesson.id}/cau-hoi`)}>{t.startQuiz}</Button>
    </>
  );

  return (
    <AppPage title={lesson.title} backTo="/" actions={actions}>
      <div ref={top} />
      <div className="progress-dots" aria-hidden="true">
        {[...lesson.steps, null].map((_, i) => (
          <span key={i} className={i <= index ? "on" : undefined} />
        ))}
      </div>
      {step ? (
        <>
          <div className="screen-top">
            <p className="counter">{t.stepCounter(index + 1, stepCount)}</p>
            <ReadAloud key={index} parts={[step.title, ...blocksToParts(step.body)]} />
          </div>
          {index === 0 && lessonMastered(progressStore.get()[lesson.id]) && (
            <p className="mastered-badge">
              <CheckMark size={20} /> {strings.learning.mastered}
            </p>
          )}
          {index === 0 && (
            <p className="goal-box">
              <strong>{t.goal}:</strong> {lesson.goal}
            </p>
          )}
          <h1 ref={heading} tabIndex={-1}>
            {step.title}
          </h1>
          <BlockView blocks={step.body} />
          {index === 0 && <ShareLesson lesson={lesson} />}
        </>
      ) : (
        <section className="remember-box">
          <div className="screen-top">
            <h1 ref={heading} tabIndex={-1}>
              {t.remember}
            </h1>
            <ReadAloud key="remember" parts={[t.remember, ...blocksToParts(lesson.remember)]} />
          </div>
          <BlockView blocks={lesson.remember} />
        </section>
      )}
    </AppPage>
  );
}
