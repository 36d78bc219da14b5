// Home ("/" once onboarded): the "Học tiếp" card handed in by the app, then every module with
// its lessons: title, minutes and a mark for the ones done.
import type { ReactNode } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { LessonSummary } from "@hocso/shared/content";
import { useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { lessonMastered, progressStore, type LessonProgress } from "../../app/progress-store.ts";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";

interface LessonsHomeProps {
  continueCard?: ReactNode;
  /** the placement check's offer (features/placement), handed in by the app */
  placementOffer?: ReactNode;
  /** the module the placement check suggested starting from */
  suggestedModule?: string | null;
  /** "Dành cho người hướng dẫn" (features/facilitator), handed in by the app; it shows only for staff */
  staffEntry?: ReactNode;
}

export function LessonsHome({ continueCard, placementOffer, suggestedModule = null, staffEntry }: LessonsHomeProps) {
  const { catalog } = useCourse();
  const progress = useDeviceStore(progressStore);
  const navigate = useNavigate();
  const t = strings.home;
  return (
    <AppPage title={strings.appName}>
      <h1>{t.heading}</h1>
      <p>{t.intro}</p>
      {continueCard}
      {placementOffer}
      {catalog.modules.map((module) => (
        <section
          key={module.id}
          className={module.id === suggestedModule ? "module module-suggested" : "module"}
          aria-labelledby={`module-${module.id}`}
        >
          <h2 id={`module-${module.id}`}>{module.title}</h2>
          {module.id === suggestedModule && <p className="suggested-badge">{strings.placement.suggestedBadge}</p>}
          {module.lessons.length === 0 && <p className="muted">{t.comingSoon}</p>}
          {module.lessons.map((lesson) => (
            <LessonTile
              key={lesson.id}
              lesson={lesson}
              progress={progress[lesson.id]}
              onOpen={() => navigate(`/bai/${lesson.id}`)}
            />
          ))}
        </section>
      ))}
      <div className="stack" style={{ marginTop: 28 }}>
        {staffEntry}
        <Button variant="secondary" fullWidth onClick={() => navigate("/lop-hoc")}>
          {strings.classes.title}
        </Button>
        <Button variant="secondary" fullWidth onClick={() => navigate("/kiem-tra-nhanh")}>
          {strings.aids.placement}
        </Button>
        <Button variant="secondary" fullWidth onClick={() => navigate("/thi-chung-nhan")}>
          {strings.aids.certification}
        </Button>
        <Button variant="secondary" fullWidth onClick={() => navigate("/co-chu-va-mau")}>
          {strings.aids.display}
        </Button>
        <Button variant="secondary" fullWidth onClick={() => navigate("/thong-tin")}>
          {t.myInfo}
        </Button>
        <Button variant="secondary" fullWidth onClick={() => navigate("/du-lieu-cua-toi")}>
          {t.myData}
        </Button>
      </div>
    </AppPage>
  );
}

function LessonTile({ lesson, progress, onOpen }: { lesson: LessonSummary; progress?: LessonProgress; onOpen: () => void }) {
  const t = strings.home;
  return (
    <button type="button" className="tile" onClick={onOpen}>
      <span className="tile-text">
        <span className="tile-title">{lesson.title}</span>
        <span className="sr-only">. </span>
        <span className="tile-meta">
          {t.minutes(lesson.minutes)}
          {progress?.completed ? (
            <span className="tile-done">
              {" · "}
              <CheckMark size={18} /> {lessonMastered(progress) ? strings.learning.mastered : t.done}
              {progress.bestCorrect !== null && progress.total !== null && `, ${t.score(progress.bestCorrect, progress.total)}`}
            </span>
          ) : (
            progress && ` · ${t.inProgress}`
          )}
        </span>
      </span>
      <span className="tile-arrow" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
