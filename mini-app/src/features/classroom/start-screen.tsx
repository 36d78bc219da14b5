// The start of classroom mode: which TDP's (tổ dân phố) class this is, when the facilitator has
// several, and which lesson to show: the class's planned lessons first when they came from a
// class, then the whole course by module.
import { useEffect, useRef, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import type { LessonSummary } from "@hocso/shared/content";
import { allLessons, useCourse } from "../../app/course.tsx";
import { strings } from "../../app/strings.ts";
import { ChoiceGroup } from "../../components/choice-group.tsx";
import { presentationPath } from "./classroom-paths.ts";
import type { Tdp } from "./classroom-page.tsx";

interface StartScreenProps {
  staff: StaffMe;
  /** the TDP already known (from the link, the class, or the facilitator's only one) */
  tdp: Tdp | null;
  /** a lesson already chosen by the link, waiting only for the TDP */
  lessonId: string | null;
  classId: string | null;
  /** the weekly class's planned lessons, offered first */
  classLessonIds: readonly string[];
}

export function StartScreen({ staff, tdp, lessonId, classId, classLessonIds }: StartScreenProps) {
  const { catalog } = useCourse();
  const navigate = useNavigate();
  const [tdpId, setTdpId] = useState<string | null>(tdp?.id ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const tdpField = useRef<HTMLDivElement>(null);
  const t = strings.classroom;
  const lessons = allLessons(catalog);
  const chosen = lessonId ? lessons.find((l) => l.id === lessonId) : undefined;

  useEffect(() => {
    if (problem) tdpField.current?.scrollIntoView({ block: "center" });
  }, [problem]);

  if (staff.tdps.length === 0) {
    return (
      <>
        <h1>{t.title}</h1>
        <p className="note">{t.noTdps}</p>
      </>
    );
  }

  function open(id: string) {
    if (!tdpId) {
      setProblem(t.pickTdpFirst);
      return;
    }
    navigate(presentationPath(id, { tdpId, classId }));
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <p>{t.noNames}</p>
      <div ref={tdpField}>
        {staff.tdps.length > 1 ? (
          <ChoiceGroup
            question={t.tdpQuestion}
            level={2}
            name="classroom-tdp"
            options={staff.tdps.map((x) => ({ value: x.id, label: x.name }))}
            value={tdpId}
            onChange={(value) => {
              setTdpId(value);
              setProblem(null);
            }}
            error={problem}
          />
        ) : (
          <p className="lead">{t.tdpOne(staff.tdps[0]!.name)}</p>
        )}
      </div>
      {chosen ? (
        <>
          <h2>{t.chosenLesson(chosen.title)}</h2>
          <Button fullWidth onClick={() => open(chosen.id)}>
            {t.start}
          </Button>
        </>
      ) : (
        <LessonChoice lessons={lessons} classLessonIds={classLessonIds} onOpen={open} />
      )}
    </>
  );
}

function LessonChoice({
  lessons,
  classLessonIds,
  onOpen,
}: {
  lessons: LessonSummary[];
  classLessonIds: readonly string[];
  onOpen: (lessonId: string) => void;
}) {
  const { catalog } = useCourse();
  const t = strings.classroom;
  const planned = classLessonIds.flatMap((id) => lessons.filter((l) => l.id === id));
  const button = (lesson: LessonSummary) => (
    <Button key={lesson.id} variant="secondary" fullWidth onClick={() => onOpen(lesson.id)}>
      {t.lessonButton(lesson.order, lesson.title)}
    </Button>
  );
  return (
    <>
      {planned.length > 0 && (
        <section aria-labelledby="classroom-planned">
          <h2 id="classroom-planned">{t.classLessons}</h2>
          <div className="stack">{planned.map(button)}</div>
        </section>
      )}
      <h2>{t.lessonsHeading}</h2>
      {catalog.modules.map((m) => (
        <section key={m.id} aria-labelledby={`classroom-module-${m.id}`}>
          <h3 id={`classroom-module-${m.id}`}>{m.title}</h3>
          <div className="stack">{m.lessons.map(button)}</div>
        </section>
      ))}
    </>
  );
}
