// "/huong-dan/lop-hoc/:classId/buoi/:date", Điểm danh: one meeting of a class. On the day,
// "Mở điểm danh bằng mã QR" shows a very large QR of the check-in link and its six-digit code
// for residents to scan or type; the TDP's learners who share their progress can be ticked by
// name; people without the app are a number with − and +. "Có mặt: N người" is asked again
// every few seconds while check-in is open.
import { useState } from "react";
import { Button, Checkbox, useParams } from "zmp-ui";
import { MAX_GUESTS, type MeetingAttendance } from "@hocso/shared/attendance";
import { formatWardDate, IsoDateSchema } from "@hocso/shared/dates";
import { messageOf } from "../../app/api-client.ts";
import { AppPage } from "../../app/layout.tsx";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { FirstLoad, LoadFailed } from "../facilitator/load-failed.tsx";
import { managedClassPath } from "../facilitator/paths.ts";
import { StaffGate } from "../facilitator/staff-gate.tsx";
import { usePolled } from "../facilitator/use-polled.ts";
import { getMeeting } from "./api/get-meeting.ts";
import { postCheckin } from "./api/post-checkin.ts";
import { putAttendance } from "./api/put-attendance.ts";
import { putGuests } from "./api/put-guests.ts";
import { CheckinPanel } from "./checkin-panel.tsx";
import { wardToday } from "./class-schedule.ts";
import "../facilitator/facilitator.css";
import "./class-management.css";

/** how often the count is asked again while check-in is open */
export const REFRESH_MS = 4_000;

export function MeetingPage() {
  return <MeetingScreen />;
}

/** The page, asking again every `refreshMs` while check-in is open (tests pass a short one). */
export function MeetingScreen({ refreshMs = REFRESH_MS }: { refreshMs?: number }) {
  const { classId = "", date = "" } = useParams();
  const t = strings.classManagement;
  const validDate = IsoDateSchema.safeParse(date).success;
  return (
    <AppPage title={t.meetingTitle} backTo={managedClassPath(classId)}>
      <h1>{validDate ? t.meetingHeading(formatWardDate(date)) : t.meetingTitle}</h1>
      <StaffGate>{() => <Meeting classId={classId} date={date} refreshMs={refreshMs} />}</StaffGate>
    </AppPage>
  );
}

type Setter = (update: (current: MeetingAttendance | null) => MeetingAttendance | null) => void;

function Meeting({ classId, date, refreshMs }: { classId: string; date: string; refreshMs: number }) {
  const { data, problem, setData, retry } = usePolled(
    (token) => getMeeting(token, classId, date),
    (m) => m.checkin !== null,
    refreshMs,
    [classId, date],
  );
  const t = strings.classManagement;
  if (!data) return <FirstLoad problem={problem} onRetry={retry} />;

  const today = wardToday();
  const replace = (next: MeetingAttendance) => setData(() => next);
  if (data.cancelled) return <p className="note">{t.meetingOff}</p>;
  if (data.date > today) return <p className="note">{t.meetingAhead}</p>;

  return (
    <>
      {problem && <LoadFailed reason={problem} />}
      {data.date === today ? (
        <CheckinPanel
          meeting={data}
          onOpen={async () => {
            replace(await withSession((token) => postCheckin(token, classId, date)));
            retry(); // ask again every few seconds from now on
          }}
        />
      ) : (
        <p className="note">{t.qrOnlyOnTheDay}</p>
      )}
      <PresentCount meeting={data} />
      <Roster meeting={data} setData={setData} />
      <Guests meeting={data} onSaved={replace} />
    </>
  );
}

function PresentCount({ meeting }: { meeting: MeetingAttendance }) {
  const t = strings.classManagement;
  return (
    <div className="card">
      <p className="present-total" role="status">
        {t.present(meeting.presentTotal)}
      </p>
      <p className="muted">{t.presentParts(meeting.attendees.length, meeting.otherAttendees, meeting.guests)}</p>
      {meeting.checkin && <p className="muted">{t.autoRefresh}</p>}
    </div>
  );
}

type CheckboxChange = { target: { checked: boolean } };

function Roster({ meeting, setData }: { meeting: MeetingAttendance; setData: Setter }) {
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const t = strings.classManagement;

  async function mark(userId: number, present: boolean) {
    setBusy((b) => new Set(b).add(userId));
    setProblem(null);
    try {
      const next = await withSession((token) => putAttendance(token, meeting, userId, present));
      setData(() => next);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy((b) => {
        const left = new Set(b);
        left.delete(userId);
        return left;
      });
    }
  }

  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t.rosterHeading}</h2>
      {meeting.roster.length === 0 ? (
        <p>{t.rosterEmpty}</p>
      ) : (
        <fieldset className="choice-list" aria-describedby="roster-intro">
          <legend className="sr-only">{t.rosterHeading}</legend>
          <p id="roster-intro">{t.rosterIntro}</p>
          {meeting.roster.map((learner) => (
            <Checkbox
              key={learner.userId}
              className={learner.present ? "choice is-checked" : "choice"}
              value={String(learner.userId)}
              checked={learner.present}
              disabled={busy.has(learner.userId)}
              onChange={(e: CheckboxChange) => void mark(learner.userId, e.target.checked)}
              label={learner.displayName ?? t.unnamed(learner.userId)}
            />
          ))}
        </fieldset>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function Guests({ meeting, onSaved }: { meeting: MeetingAttendance; onSaved: (m: MeetingAttendance) => void }) {
  /** what the facilitator typed and has not saved; null shows the server's count */
  const [typed, setTyped] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const t = strings.classManagement;

  async function save(guests: number) {
    if (!Number.isInteger(guests) || guests < 0 || guests > MAX_GUESTS) return setProblem(t.guestsInvalid);
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await withSession((token) => putGuests(token, meeting, guests)));
      setTyped(null);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  const shown = typed ?? String(meeting.guests);
  const unsaved = typed !== null && typed !== String(meeting.guests);
  return (
    <section aria-labelledby="guests-heading">
      <h2 id="guests-heading">
        <label htmlFor="guests">{t.guestsLabel}</label>
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save(Number(shown));
        }}
      >
        <p id="guests-hint" className="muted">
          {t.guestsHint}
        </p>
        <div className="guests-row">
          <Button
            variant="secondary"
            aria-label={t.guestsMinus}
            disabled={busy || meeting.guests <= 0}
            onClick={() => void save(meeting.guests - 1)}
          >
            −
          </Button>
          <input
            id="guests"
            className="text-input"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_GUESTS}
            value={shown}
            aria-describedby="guests-hint"
            aria-invalid={problem !== null}
            onChange={(e) => setTyped(e.target.value)}
          />
          <Button
            variant="secondary"
            aria-label={t.guestsPlus}
            disabled={busy || meeting.guests >= MAX_GUESTS}
            onClick={() => void save(meeting.guests + 1)}
          >
            +
          </Button>
        </div>
        {unsaved && (
          <Button fullWidth htmlType="submit" loading={busy}>
            {t.guestsSave}
          </Button>
        )}
      </form>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
