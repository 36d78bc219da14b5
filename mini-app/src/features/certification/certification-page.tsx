// "/thi-chung-nhan": where the official assessment is (binhdanhocvuso.gov.vn, with VNeID), that
// Học Số's questions are practice and never a certificate, the lesson that prepares for it,
// and the learner's own "Tôi đã được xác nhận" with its date.
import { useEffect, useState, type FormEvent } from "react";
import { Button, useNavigate } from "zmp-ui";
import { formatWardDate, wardDate } from "@hocso/shared/dates";
import { allLessons, useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { learnerStore, mayUseServer } from "../../app/learner-store.ts";
import { strings } from "../../app/strings.ts";
import {
  certificationStore,
  PLATFORM_OPENED,
  recordCertification,
  sendCertificationIfAllowed,
  type SendOutcome,
} from "./certification-store.ts";

/** the m5 lesson that walks through the platform (content/lessons/m5) */
export const GUIDE_LESSON_ID = "chuan-bi-thi-chung-nhan";

type Status = { kind: "sending" } | { kind: "removed" } | SendOutcome;

/** Why a date cannot be recorded, or null when it can. */
export function dateProblem(date: string, today: string): string | null {
  const t = strings.certification;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return t.missingDate;
  if (date < PLATFORM_OPENED) return t.tooEarly;
  if (date > today) return t.inFuture;
  return null;
}

export function CertificationPage() {
  const { catalog } = useCourse();
  const navigate = useNavigate();
  const saved = useDeviceStore(certificationStore);
  const learner = useDeviceStore(learnerStore);
  const [date, setDate] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const today = wardDate(new Date());
  const guide = allLessons(catalog).find((l) => l.id === GUIDE_LESSON_ID);
  const t = strings.certification;

  // a date saved while offline (or before a failed request) goes now
  useEffect(() => {
    if (!certificationStore.get().synced) void sendCertificationIfAllowed();
  }, []);

  async function save(next: string | null) {
    setStatus({ kind: "sending" });
    const outcome = await recordCertification(next);
    setStatus(next === null && outcome.kind !== "failed" ? { kind: "removed" } : outcome);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = dateProblem(date, today);
    setProblem(found);
    if (found) return;
    setDate("");
    void save(date);
  }

  const onDeviceOnly = !mayUseServer(learner);
  return (
    <AppPage title={t.title} backTo="/">
      <h1>{t.heading}</h1>
      <p className="lead">{t.official}</p>
      <div className="note">
        <p>
          <strong>{t.practice}</strong>
        </p>
        <p>{t.onlyPlatform}</p>
      </div>

      {guide && (
        <>
          <h2>{t.lessonHeading}</h2>
          <p>{t.lessonText}</p>
          <Button variant="secondary" fullWidth onClick={() => navigate(`/bai/${guide.id}`)}>
            {t.openLesson(guide.title)}
          </Button>
        </>
      )}

      <h2>{saved.certifiedOn ? t.savedHeading : t.formHeading}</h2>
      {saved.certifiedOn ? (
        <div className="card">
          <p className="status-line">{t.savedOn(formatWardDate(saved.certifiedOn))}</p>
          <Button variant="secondary" fullWidth onClick={() => void save(null)}>
            {t.remove}
          </Button>
        </div>
      ) : (
        <form className="certified-form" noValidate onSubmit={onSubmit}>
          <p>{t.formIntro}</p>
          <label className="field-label" htmlFor="certified-on">
            {t.dateLabel}
          </label>
          <p id="certified-on-hint" className="muted field-hint">
            {t.dateHint}
          </p>
          <input
            id="certified-on"
            className="date-input"
            type="date"
            min={PLATFORM_OPENED}
            max={today}
            value={date}
            aria-invalid={problem !== null}
            aria-describedby={problem ? "certified-on-hint certified-on-problem" : "certified-on-hint"}
            onChange={(event) => {
              setDate(event.target.value);
              setProblem(null);
            }}
          />
          {problem && (
            <p id="certified-on-problem" className="form-error" role="alert">
              {problem}
            </p>
          )}
          <Button htmlType="submit" fullWidth>
            {t.confirm}
          </Button>
        </form>
      )}
      <div role="status">{status && <StatusLine status={status} />}</div>
      {onDeviceOnly && (
        <p className="muted certified-note">{learner.profile?.ageBand === "duoi-16" ? t.underSixteen : t.onDevice}</p>
      )}
    </AppPage>
  );
}

function StatusLine({ status }: { status: Status }) {
  const t = strings.certification;
  switch (status.kind) {
    case "sending":
      return <p className="card status-line">{t.saving}</p>;
    case "server":
      return <p className="card status-line status-saved">{t.sent}</p>;
    case "removed":
      return <p className="card status-line">{t.removed}</p>;
    case "failed":
      return <p className="card status-line">{t.notSent(status.message)}</p>;
    case "device":
      return null; // the note under the form already says where the date is kept
  }
}
