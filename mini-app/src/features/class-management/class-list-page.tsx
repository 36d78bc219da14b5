// "/huong-dan/lop-hoc", Lớp học của tổ: the weekly classes of the TDPs (tổ dân phố) this
// person manages — weekday and time, place, topic — each with its next meeting dates to take
// attendance, cancel or restore; and "Tạo lớp học mới".
import { useCallback, useId } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { StaffMe } from "@hocso/shared/announcements";
import type { WeeklyClass } from "@hocso/shared/classes";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { FirstLoad } from "../facilitator/load-failed.tsx";
import { managedClassPath, NEW_CLASS_PATH, STAFF_HOME_PATH } from "../facilitator/paths.ts";
import { scopeText } from "../facilitator/scope-text.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { usePolled } from "../facilitator/use-polled.ts";
import { getStaffClasses } from "./api/get-staff-classes.ts";
import { slotText, upcomingDates, wardToday } from "./class-schedule.ts";
import { MeetingDates } from "./meeting-dates.tsx";
import "../facilitator/facilitator.css";
import "./class-management.css";

export function ClassListPage() {
  const t = strings.classManagement;
  return (
    <AppPage title={t.areaTitle} backTo={STAFF_HOME_PATH}>
      <h1>{t.listHeading}</h1>
      <StaffGate>{(staff) => <ClassList staff={staff} />}</StaffGate>
    </AppPage>
  );
}

function useStaffClasses() {
  const { data: classes, problem, setData, retry } = usePolled(getStaffClasses, () => false, 0, []);
  const replace = useCallback(
    (cls: WeeklyClass) => setData((list) => list && list.map((c) => (c.id === cls.id ? cls : c))),
    [setData],
  );
  return { classes, problem, replace, retry };
}

function ClassList({ staff }: { staff: StaffMe }) {
  const { classes, problem, replace, retry } = useStaffClasses();
  const navigate = useNavigate();
  const t = strings.classManagement;
  const today = wardToday();

  return (
    <>
      <p className="lead">{scopeText(staff)}</p>
      <Button fullWidth onClick={() => navigate(NEW_CLASS_PATH)}>
        {t.newClass}
      </Button>
      {classes === null ? (
        <FirstLoad problem={problem} onRetry={retry} />
      ) : (
        <>
          {classes.length === 0 && <p className="class-list-empty">{t.noClasses}</p>}
          {classes.map((cls) => (
            <ClassCard
              key={cls.id}
              cls={cls}
              tdpName={staff.tdps.length > 1 ? staff.tdps.find((g) => g.id === cls.tdpId)?.name : undefined}
              today={today}
              onChange={replace}
            />
          ))}
        </>
      )}
    </>
  );
}

function ClassCard({
  cls,
  tdpName,
  today,
  onChange,
}: {
  cls: WeeklyClass;
  /** shown when the facilitator has several TDPs */
  tdpName: string | undefined;
  today: string;
  onChange: (cls: WeeklyClass) => void;
}) {
  const navigate = useNavigate();
  const headingId = useId();
  const t = strings.classManagement;
  const dates = upcomingDates(cls, today);

  return (
    <section className="card class-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="class-card-heading">
        {slotText(cls)}
      </h2>
      {tdpName && <p className="meeting-tdp">{tdpName}</p>}
      <p>
        <strong>{t.place}:</strong> {cls.place}
        <br />
        <strong>{t.topic}:</strong> {cls.topic}
      </p>
      <Button variant="secondary" fullWidth aria-describedby={headingId} onClick={() => navigate(managedClassPath(cls.id))}>
        {t.openClass}
      </Button>
      <h3>{t.upcomingHeading}</h3>
      {dates.length === 0 ? <p>{t.noUpcoming}</p> : <MeetingDates cls={cls} dates={dates} onChange={onChange} />}
    </section>
  );
}
