// "/huong-dan/lop-hoc/:classId": one weekly class — when and where, topic, lessons, what to
// bring, its dates — with "Sửa", its next meetings (attendance, cancel or restore) and its
// recent ones (attendance).
import { Button, useNavigate, useParams } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import type { WeeklyClass } from "@hocso/shared/classes";
import { allLessons, useCourse } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { FirstLoad } from "../facilitator/load-failed.tsx";
import { editClassPath, MANAGED_CLASSES_PATH } from "../facilitator/paths.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { datesText, recentDates, slotText, upcomingDates, wardToday } from "./class-schedule.ts";
import { MeetingDates } from "./meeting-dates.tsx";
import { usePolled } from "../facilitator/use-polled.ts";
import { getClass } from "./api/get-class.ts";
import "../facilitator/facilitator.css";
import "./class-management.css";

export function ClassPage() {
  const { classId = "" } = useParams();
  const t = strings.classManagement;
  return (
    <AppPage title={t.classTitle} backTo={MANAGED_CLASSES_PATH}>
      <h1>{t.classTitle}</h1>
      <StaffGate>{(staff) => <LoadedClass staff={staff} classId={classId} />}</StaffGate>
    </AppPage>
  );
}

function LoadedClass({ staff, classId }: { staff: StaffMe; classId: string }) {
  const { data: cls, problem, retry, setData } = usePolled((token) => getClass(token, classId), () => false, 0, [classId]);
  if (!cls) return <FirstLoad problem={problem} onRetry={retry} />;
  return <ClassDetails staff={staff} cls={cls} onChange={(changed) => setData(() => changed)} />;
}

function ClassDetails({ staff, cls, onChange }: { staff: StaffMe; cls: WeeklyClass; onChange: (cls: WeeklyClass) => void }) {
  const navigate = useNavigate();
  const { catalog } = useCourse();
  const t = strings.classManagement;
  const today = wardToday();
  const lessons = allLessons(catalog).filter((l) => cls.lessonIds.includes(l.id));
  const upcoming = upcomingDates(cls, today);
  const recent = recentDates(cls, today);

  return (
    <>
      <p className="lead">
        <strong>{slotText(cls)}</strong>
        <br />
        {staff.tdps.find((g) => g.id === cls.tdpId)?.name ?? cls.tdpId}
      </p>
      <dl className="class-details">
        <dt>{t.place}</dt>
        <dd>{cls.place}</dd>
        <dt>{t.topic}</dt>
        <dd>{cls.topic}</dd>
        <dt>{t.lessons}</dt>
        <dd>{lessons.length > 0 ? lessons.map((l) => l.title).join("; ") : t.none}</dd>
        <dt>{t.bring}</dt>
        <dd>{cls.bring || t.none}</dd>
        <dt>{t.dates}</dt>
        <dd>{datesText(cls)}</dd>
      </dl>
      <Button fullWidth variant="secondary" onClick={() => navigate(editClassPath(cls.id))}>
        {t.edit}
      </Button>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t.upcomingHeading}</h2>
        {upcoming.length === 0 ? <p>{t.noUpcoming}</p> : <MeetingDates cls={cls} dates={upcoming} onChange={onChange} />}
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t.recentHeading}</h2>
        {recent.length === 0 ? <p>{t.noRecent}</p> : <MeetingDates cls={cls} dates={recent} past onChange={onChange} />}
      </section>
    </>
  );
}
