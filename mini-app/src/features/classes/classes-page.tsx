// "/lop-hoc", Lớp học của tổ: the next meetings of the learner's TDP (tổ dân phố) with date,
// time, place, topic, what to bring and the lesson, and "Tôi sẽ tham gia". The list works
// without an account; answering needs the progress consent. Offline, the last list fetched is
// shown with the time it was fetched. Below, the way to Zalo reminders.
import { useEffect, useId, useState } from "react";
import { Button, useLocation, useNavigate } from "zmp-ui";
import type { ClassOccurrenceView } from "@hocso/shared/api";
import { formatWardDate, wardClock, wardMoment } from "@hocso/shared/dates";
import { ApiError, messageOf } from "../../app/api-client.ts";
import { allLessons, useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { recordConsents } from "../../app/sync.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { getClasses } from "./api/get-classes.ts";
import { putRsvp } from "./api/put-rsvp.ts";
import { classesCache, rememberAnswer } from "./classes-cache.ts";

export function ClassesPage() {
  const { ward } = useCourse();
  const learner = useDeviceStore(learnerStore);
  const navigate = useNavigate();
  const tdp = ward.residentialGroups.find((g) => g.id === learner.profile?.tdpId);
  const t = strings.classes;

  return (
    <AppPage title={t.title} backTo="/">
      <h1>{t.title}</h1>
      {tdp ? (
        <Meetings tdpId={tdp.id} tdpName={tdp.name} />
      ) : (
        <>
          <p>{t.noTdp}</p>
          <Button fullWidth onClick={() => navigate("/thong-tin")}>
            {t.chooseTdp}
          </Button>
        </>
      )}
      <Button variant="secondary" fullWidth style={{ marginTop: 20 }} onClick={() => navigate("/diem-danh")}>
        {strings.classManagement.checkInEntry}
      </Button>
      <section className="card" aria-labelledby="reminders-heading" style={{ marginTop: 28 }}>
        <h2 id="reminders-heading" style={{ marginTop: 0 }}>
          {t.remindersHeading}
        </h2>
        <p>{t.remindersIntro}</p>
        <Button variant="secondary" fullWidth onClick={() => navigate("/lop-hoc/nhac-lich")}>
          {t.remindersOpen}
        </Button>
      </section>
    </AppPage>
  );
}

/** With a session when the learner allows one (then `going` is filled in), else without. */
async function fetchClasses(tdpId: string): Promise<ClassOccurrenceView[]> {
  if (mayUseServer(learnerStore.get())) {
    try {
      return await withSession((token) => getClasses(tdpId, token));
    } catch (error) {
      if (error instanceof ApiError && error.code === "network") throw error;
      // signing in failed for another reason: the list itself needs no account
    }
  }
  return getClasses(tdpId);
}

type ListState = { kind: "loading" } | { kind: "fresh" } | { kind: "stale"; note: string } | { kind: "failed"; message: string };

function useMeetings(tdpId: string) {
  const cached = useDeviceStore(classesCache);
  const [state, setState] = useState<ListState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  // zmp-ui may hand a quick return to this screen the page that was still leaving: every visit
  // (a new location key) fetches again
  const visit = useLocation().key;
  const t = strings.classes;

  useEffect(() => {
    let current = true;
    setState({ kind: "loading" });
    fetchClasses(tdpId).then(
      (items) => {
        classesCache.set({ tdpId, fetchedAt: new Date().toISOString(), items });
        if (current) setState({ kind: "fresh" });
      },
      (error: unknown) => {
        if (!current) return;
        const last = classesCache.get();
        const offline = error instanceof ApiError && error.code === "network";
        if (last?.tdpId === tdpId) {
          const when = wardMoment(last.fetchedAt);
          setState({ kind: "stale", note: offline ? t.offlineNote(when) : `${messageOf(error)} ${t.cachedAt(when)}` });
        } else {
          setState({ kind: "failed", message: offline ? t.loadFailed : messageOf(error) });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [tdpId, attempt, visit, t]);

  const meetings = cached?.tdpId === tdpId ? cached.items : [];
  return { state, meetings, retry: () => setAttempt((n) => n + 1) };
}

function Meetings({ tdpId, tdpName }: { tdpId: string; tdpName: string }) {
  const { state, meetings, retry } = useMeetings(tdpId);
  const t = strings.classes;
  return (
    <>
      <p className="lead">{t.intro(tdpName)}</p>
      {state.kind === "loading" && <p role="status">{strings.loading}</p>}
      {state.kind === "stale" && (
        <p className="note" role="status">
          {state.note}
        </p>
      )}
      {state.kind === "failed" && (
        <>
          <p className="note" role="alert">
            {state.message}
          </p>
          <Button fullWidth onClick={retry}>
            {t.retry}
          </Button>
        </>
      )}
      {state.kind === "fresh" && meetings.length === 0 && <p>{t.none}</p>}
      {state.kind !== "failed" && meetings.map((m) => <MeetingCard key={`${m.classId}/${m.date}`} meeting={m} />)}
    </>
  );
}

function MeetingCard({ meeting }: { meeting: ClassOccurrenceView }) {
  const { catalog } = useCourse();
  const navigate = useNavigate();
  const headingId = useId();
  const t = strings.classes;
  const lessons = allLessons(catalog).filter((l) => meeting.lessonIds.includes(l.id));

  return (
    <article className="card class-card" aria-labelledby={headingId}>
      <h2 id={headingId} style={{ marginTop: 0 }}>
        {formatWardDate(meeting.date)}
      </h2>
      <p className="class-time">{t.time(wardClock(meeting.startsAt), wardClock(meeting.endsAt))}</p>
      <p>
        <strong>{t.place}:</strong> {meeting.place}
        <br />
        <strong>{t.topic}:</strong> {meeting.topic}
      </p>
      {meeting.bring && <p>{t.bring(meeting.bring)}</p>}
      {lessons.map((lesson) => (
        <Button key={lesson.id} variant="tertiary" fullWidth className="link-button" onClick={() => navigate(`/bai/${lesson.id}`)}>
          {t.openLesson(lesson.title)}
        </Button>
      ))}
      <Rsvp meeting={meeting} describedBy={headingId} />
    </article>
  );
}

function Rsvp({ meeting, describedBy }: { meeting: ClassOccurrenceView; describedBy: string }) {
  const learner = useDeviceStore(learnerStore);
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [askConsent, setAskConsent] = useState(false);
  const t = strings.classes;
  const underSixteen = learner.profile?.ageBand === "duoi-16";

  async function answer(going: boolean) {
    if (!mayUseServer(learnerStore.get())) {
      setAskConsent(true);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      rememberAnswer(await withSession((token) => putRsvp(token, meeting, going)));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  async function consentAndAnswer() {
    setBusy(true);
    const outcome = await recordConsents({ progress: true, reminders: learnerStore.get().consents?.reminders ?? false });
    setBusy(false);
    if (outcome.kind === "failed") {
      setProblem(outcome.message);
      return;
    }
    setAskConsent(false);
    await answer(true);
  }

  return (
    <div className="rsvp">
      {meeting.going === true ? (
        <>
          <p className="status-line status-saved" role="status">
            <CheckMark /> {t.saidGoing}
          </p>
          <Button variant="secondary" fullWidth loading={busy} aria-describedby={describedBy} onClick={() => void answer(false)}>
            {t.notGoing}
          </Button>
        </>
      ) : (
        <Button fullWidth loading={busy} aria-describedby={describedBy} onClick={() => void answer(true)}>
          {t.going}
        </Button>
      )}
      {askConsent && (
        <div className="note" role="note">
          {underSixteen ? (
            <p>{t.underSixteen}</p>
          ) : (
            <>
              <p>{t.needConsent}</p>
              <div className="stack">
                <Button fullWidth loading={busy} onClick={() => void consentAndAnswer()}>
                  {t.giveConsent}
                </Button>
                <Button variant="tertiary" fullWidth onClick={() => navigate("/du-lieu-cua-toi")}>
                  {t.readNotice}
                </Button>
              </div>
            </>
          )}
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
