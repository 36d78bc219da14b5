// The "Học tiếp" card on the home screen: one tap back to the lesson in progress, at the step
// where the learner stopped. Its accessible name is just "Học tiếp" (the lesson and step are its
// description) so that the lesson's own tile stays the one control named by the lesson title.
import { useId } from "react";
import { useNavigate } from "zmp-ui";
import { allLessons, useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { lessonInProgress, progressStore } from "../../app/progress-store.ts";
import { strings } from "../../app/strings.ts";

export function ContinueCard() {
  const { catalog } = useCourse();
  const progress = useDeviceStore(progressStore);
  const navigate = useNavigate();
  const descriptionId = useId();
  const lessonId = lessonInProgress(progress);
  const lesson = lessonId ? allLessons(catalog).find((l) => l.id === lessonId) : undefined;
  const saved = lessonId ? progress[lessonId] : undefined;
  if (!lesson || !saved) return null;

  const t = strings.home;
  const where = saved.stepIndex < lesson.stepCount ? t.atStep(saved.stepIndex + 1, lesson.stepCount) : t.atRemember;
  return (
    <button
      type="button"
      className="tile tile-continue"
      aria-label={t.continueLabel}
      aria-describedby={descriptionId}
      onClick={() => navigate(`/bai/${lesson.id}`)}
    >
      <span className="tile-text">
        <span className="tile-label" aria-hidden="true">
          {t.continueLabel}
        </span>
        <span id={descriptionId} className="tile-desc">
          <span className="tile-title">{lesson.title}</span>
          <span className="sr-only">. </span>
          <span className="tile-meta">{where}</span>
        </span>
      </span>
      <span className="tile-arrow" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
