// "/huong-dan/nhac-lich", Tin nhắc lịch học: the upcoming meetings of the facilitator's TDPs,
// newest first, each with the reminders and notices sent to the TDP's Zalo group — Đã gửi,
// Đang chờ gửi, Không gửi được, Đã hết hạn, Cần chia sẻ thủ công — asking the server again
// every few seconds while one is waiting.
import { Button, useNavigate } from "zmp-ui";
import type { StaffReminder, StaffReminders } from "@hocso/shared/staff-reminders";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { getStaffReminders } from "./api/get-staff-reminders.ts";
import { MeetingCard } from "./class-reminder-card.tsx";
import { ANNOUNCEMENTS_PATH } from "./paths.ts";
import { FirstLoad, LoadFailed } from "./load-failed.tsx";
import { StaffGate } from "./staff-gate.tsx";
import { usePolled } from "./use-polled.ts";
import "./facilitator.css";

/** how often the page asks again while a message is waiting */
export const REFRESH_MS = 5_000;
/** how far ahead the page looks (the server's default) */
export const DAYS_AHEAD = 14;

export function ClassRemindersPage({ refreshMs = REFRESH_MS }: { refreshMs?: number }) {
  const t = strings.classReminders;
  return (
    <AppPage title={t.title} backTo={ANNOUNCEMENTS_PATH}>
      <h1>{t.heading}</h1>
      <StaffGate>{() => <ClassReminders refreshMs={refreshMs} />}</StaffGate>
    </AppPage>
  );
}

const hasWaiting = (r: StaffReminders) => r.items.some((i) => i.status === "waiting");

function useStaffReminders(refreshMs: number) {
  const { data, problem, setData, retry } = usePolled(
    (token) => getStaffReminders(token, DAYS_AHEAD),
    hasWaiting,
    refreshMs,
    [],
  );
  /** one message as the server now has it (after "Tôi đã chia sẻ") */
  const replace = (item: StaffReminder) =>
    setData((d) => d && { ...d, items: d.items.map((i) => (i.id === item.id ? item : i)) });
  return { data, problem, replace, retry };
}

function ClassReminders({ refreshMs }: { refreshMs: number }) {
  const { data, problem, replace, retry } = useStaffReminders(refreshMs);
  const navigate = useNavigate();
  const t = strings.classReminders;

  if (!data) {
    return <FirstLoad problem={problem} onRetry={retry} />;
  }

  const toShare = data.items.filter((i) => i.status === "share-by-hand").length;
  return (
    <>
      <p className="lead">{t.intro(DAYS_AHEAD)}</p>
      {toShare > 0 && <p className="note">{t.toShare(toShare)}</p>}
      {problem && <LoadFailed reason={problem} />}
      {data.meetings.length === 0 && <p>{t.none(DAYS_AHEAD)}</p>}
      {data.meetings.map((meeting) => (
        <MeetingCard
          key={`${meeting.classId}|${meeting.date}`}
          meeting={meeting}
          items={data.items.filter((i) => i.classId === meeting.classId && i.date === meeting.date)}
          onChange={replace}
        />
      ))}
      {hasWaiting(data) && <p className="muted">{t.autoRefresh}</p>}
      <div className="stack composer-actions">
        <Button variant="secondary" fullWidth onClick={() => navigate(ANNOUNCEMENTS_PATH, { direction: "backward" })}>
          {t.toAnnouncements}
        </Button>
      </div>
    </>
  );
}
