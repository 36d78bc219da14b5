// Home ("/" once onboarded): the "Học tiếp" card handed in by the app, then every module with
// its lessons: title, minutes and a mark for the ones done.
import type { ReactNode } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { LessonSummary } from "@hocso/shared/content";
import { useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { progressStore, type LessonProgress } from "../../app/progress-store.ts";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";

export function LessonsHome({ continueCard }: { continueCard?: ReactNode }) {
  const { catalog } = useCourse();
  const progress = useDeviceStore(progressStore);
  const navigate = useNavigate();
  const t = strings.home;
  return (
    <AppPage title={strings.appName}>
      <h1>{t.heading}</h1>
      <p>{t.intro}</p>
      {continueCard}
      {catalog.modules.map((module) => (
        <section key={module.id} className="module" aria-labelledby={`module-${module.id}`}>
          <h2 id={`module-${module.id}`}>{module.title}</h2>
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
              <CheckMark size={18} /> {t.done}
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
