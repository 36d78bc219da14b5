// A class's meeting dates as rows: each with "Điểm danh" and, for a meeting still ahead,
// "Hủy buổi này" or "Khôi phục buổi này" behind a confirmation that says what residents will
// be told. A cancelled date reads "— buổi này nghỉ", in words and not by colour alone.
import { useId, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { WeeklyClass } from "@hocso/shared/classes";
import { ApiError, messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { meetingPath } from "../facilitator/paths.ts";
import { deleteCancellation } from "./api/delete-cancellation.ts";
import { putCancellation } from "./api/put-cancellation.ts";
import type { MeetingDate } from "./class-schedule.ts";

interface MeetingDatesProps {
  cls: WeeklyClass;
  dates: MeetingDate[];
  /** past meetings: attendance only, no cancelling */
  past?: boolean;
  /** the class as the server now has it, after a date was cancelled or restored */
  onChange: (cls: WeeklyClass) => void;
}

export function MeetingDates({ cls, dates, past = false, onChange }: MeetingDatesProps) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <ul className="meeting-dates">
        {dates.map((d) => (
          <MeetingDateRow
            key={d.date}
            cls={cls}
            meeting={d}
            past={past}
            onChange={(next, message) => {
              setDone(message);
              onChange(next);
            }}
          />
        ))}
      </ul>
      <p role="status" className={done ? "status-line" : "sr-only"}>
        {done}
      </p>
    </>
  );
}

function MeetingDateRow({
  cls,
  meeting,
  past,
  onChange,
}: {
  cls: WeeklyClass;
  meeting: MeetingDate;
  past: boolean;
  onChange: (cls: WeeklyClass, message: string) => void;
}) {
  const navigate = useNavigate();
  const labelId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const t = strings.classManagement;

  async function change() {
    setBusy(true);
    setProblem(null);
    try {
      if (meeting.cancelled) {
        const next = await withSession((token) => deleteCancellation(token, cls.id, meeting.date));
        onChange(next, t.restoredDone(meeting.label));
      } else {
        const result = await withSession((token) => putCancellation(token, cls.id, meeting.date));
        onChange(result.class, t.cancelledDone(meeting.label, result.noticesQueued));
      }
      setConfirming(false);
    } catch (error) {
      const started = error instanceof ApiError && error.code === "bad_request" && error.fields.some((f) => f.path === "date");
      setProblem(started ? t.tooLateToCancel : messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={meeting.cancelled ? "meeting-date meeting-date-off" : "meeting-date"}>
      <p id={labelId} className="meeting-date-label">
        {meeting.cancelled ? t.dateOff(meeting.label) : meeting.label}
      </p>
      <div className="meeting-date-actions">
        {!meeting.cancelled && (
          <Button variant="secondary" aria-describedby={labelId} onClick={() => navigate(meetingPath(cls.id, meeting.date))}>
            {t.takeAttendance}
          </Button>
        )}
        {!past && !confirming && (
          <Button variant="tertiary" aria-describedby={labelId} onClick={() => setConfirming(true)}>
            {meeting.cancelled ? t.restoreDate : t.cancelDate}
          </Button>
        )}
      </div>
      {confirming && (
        <div className="note confirm-box" role="group" aria-labelledby={labelId}>
          <p>{meeting.cancelled ? t.confirmRestore(meeting.label) : t.confirmCancel(meeting.label)}</p>
          <div className="stack">
            <Button fullWidth loading={busy} onClick={() => void change()}>
              {meeting.cancelled ? t.confirmRestoreYes : t.confirmCancelYes}
            </Button>
            <Button variant="secondary" fullWidth disabled={busy} onClick={() => setConfirming(false)}>
              {t.keep}
            </Button>
          </div>
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
