// "/huong-dan/che-do-lop-hoc[/:lessonId]", Chế độ lớp học: the facilitator picks their TDP
// (tổ dân phố) and a lesson, then shows it on a TV or projector at the weekly class, one step
// at a time, asks its questions to the room and records how many answered right. Counts only:
// nobody's name or account appears here (DOMAIN.md §4 "Assisted mode").
import { Button, useLocation, useNavigate, useParams } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import type { WeeklyClass } from "@hocso/shared/classes";
import { useLesson } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { FirstLoad } from "../facilitator/load-failed.tsx";
import { STAFF_HOME_PATH } from "../facilitator/paths.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { usePolled } from "../facilitator/use-polled.ts";
import { getClass } from "./api/get-class.ts";
import { choiceFromSearch, presentationPath, startPath, type ClassroomChoice } from "./classroom-paths.ts";
import { Presentation } from "./presentation.tsx";
import { StartScreen } from "./start-screen.tsx";
import "./classroom.css";

export type Tdp = StaffMe["tdps"][number];

export function ClassroomPage() {
  const { lessonId } = useParams();
  const choice = choiceFromSearch(useLocation().search);
  return (
    <AppPage title={strings.classroom.title} backTo={lessonId ? startPath(choice) : STAFF_HOME_PATH}>
      <StaffGate>
        {(staff) =>
          choice.classId ? (
            <FromClass staff={staff} lessonId={lessonId ?? null} choice={choice} classId={choice.classId} />
          ) : (
            <Classroom staff={staff} lessonId={lessonId ?? null} choice={choice} cls={null} />
          )
        }
      </StaffGate>
    </AppPage>
  );
}

/** Started from a weekly class (?lop=): its TDP and planned lessons come from the class. */
function FromClass(props: { staff: StaffMe; lessonId: string | null; choice: ClassroomChoice; classId: string }) {
  const { data, problem, retry } = usePolled(
    (token) => getClass(token, props.classId),
    () => false,
    0,
    [props.classId],
  );
  const navigate = useNavigate();
  if (!data) {
    const withoutClass = { tdpId: props.choice.tdpId, classId: null };
    return (
      <>
        <h1>{strings.classroom.title}</h1>
        <FirstLoad problem={problem} onRetry={retry} />
        {problem && (
          <Button
            variant="secondary"
            fullWidth
            className="classroom-gap"
            onClick={() =>
              navigate(props.lessonId ? presentationPath(props.lessonId, withoutClass) : startPath(withoutClass))
            }
          >
            {strings.classroom.withoutClass}
          </Button>
        )}
      </>
    );
  }
  return <Classroom {...props} cls={data} />;
}

/** The TDP the class is for: the one asked for if the facilitator has it, or their only one. */
function resolveTdp(staff: StaffMe, tdpId: string | null): Tdp | null {
  const asked = tdpId ? staff.tdps.find((tdp) => tdp.id === tdpId) : undefined;
  return asked ?? (staff.tdps.length === 1 ? staff.tdps[0]! : null);
}

function Classroom({
  staff,
  lessonId,
  choice,
  cls,
}: {
  staff: StaffMe;
  lessonId: string | null;
  choice: ClassroomChoice;
  cls: WeeklyClass | null;
}) {
  const tdp = resolveTdp(staff, choice.tdpId ?? cls?.tdpId ?? null);
  if (lessonId && tdp) {
    return <LessonOnScreen key={`${lessonId}/${tdp.id}`} lessonId={lessonId} tdp={tdp} classId={choice.classId} />;
  }
  return (
    <StartScreen
      staff={staff}
      tdp={tdp}
      lessonId={lessonId}
      classId={choice.classId}
      classLessonIds={cls && cls.tdpId === tdp?.id ? cls.lessonIds : []}
    />
  );
}

function LessonOnScreen({ lessonId, tdp, classId }: { lessonId: string; tdp: Tdp; classId: string | null }) {
  const state = useLesson(lessonId);
  const navigate = useNavigate();
  const t = strings.classroom;
  if (state.status === "ready") return <Presentation lesson={state.lesson} tdp={tdp} classId={classId} />;
  if (state.status === "loading") return <p role="status">{strings.loading}</p>;
  return (
    <>
      <h1>{state.status === "missing" ? t.lessonMissing : t.lessonFailed}</h1>
      {state.status === "failed" && (
        <Button fullWidth onClick={state.retry}>
          {t.retry}
        </Button>
      )}
      <Button
        variant="secondary"
        fullWidth
        className="classroom-gap"
        onClick={() => navigate(startPath({ tdpId: tdp.id, classId }), { direction: "backward" })}
      >
        {t.chooseOther}
      </Button>
    </>
  );
}
