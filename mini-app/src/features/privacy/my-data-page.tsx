// "Dữ liệu của tôi": what the phone holds about the learner, their consent decisions (which
// they can give or withdraw here), a way to correct their details and to wipe this phone.
import { useState } from "react";
import { Button, Checkbox, useNavigate } from "zmp-ui";
import { useCourse } from "../../app/course.tsx";
import { useDeviceStore } from "../../app/device-store.ts";
import { AppPage } from "../../app/layout.tsx";
import { learnerStore } from "../../app/learner-store.ts";
import { progressStore } from "../../app/progress-store.ts";
import { recordConsents } from "../../app/sync.ts";
import { SANDBOX_USER_KEY, sessionStore } from "../../app/session-store.ts";
import { strings } from "../../app/strings.ts";
import { deviceStorage } from "../../app/zalo.ts";
import { PrivacyNotice } from "../../components/privacy-notice.tsx";

type CheckboxChange = { target: { checked: boolean } };

/** "Thứ Tư, 25/11/2026" (DESIGN.md "Configuration") */
const dateFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  weekday: "long",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

export function MyDataPage() {
  const { ward } = useCourse();
  const learner = useDeviceStore(learnerStore);
  const progress = useDeviceStore(progressStore);
  const navigate = useNavigate();
  const t = strings.privacy;

  const tdpName = ward.residentialGroups.find((g) => g.id === learner.profile?.tdpId)?.name;
  const done = Object.values(progress).filter((p) => p.completed).length;

  return (
    <AppPage title={t.title} backTo="/">
      <h1>{t.title}</h1>
      <section className="card" aria-labelledby="on-device">
        <h2 id="on-device" style={{ marginTop: 0 }}>
          {t.onDeviceHeading}
        </h2>
        <p>
          {t.tdp}: <strong>{tdpName ?? t.notGiven}</strong>
          <br />
          {t.audience}: <strong>{learner.profile ? strings.audiences[learner.profile.audience] : t.notGiven}</strong>
          <br />
          {t.ageBand}: <strong>{learner.profile ? strings.ageBands[learner.profile.ageBand] : t.notGiven}</strong>
          <br />
          {t.lessonsDone}: <strong>{done}</strong>
        </p>
        <Button variant="secondary" fullWidth onClick={() => navigate("/thong-tin")}>
          {t.editInfo}
        </Button>
      </section>
      <ConsentSection />
      <PrivacyNotice controller={ward.controller} />
      <DeleteSection controller={ward.controller} />
    </AppPage>
  );
}

function ConsentSection() {
  const learner = useDeviceStore(learnerStore);
  const [progress, setProgress] = useState(learner.consents?.progress ?? false);
  const [reminders, setReminders] = useState(learner.consents?.reminders ?? false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const t = strings.privacy;
  const consents = learner.consents;

  async function onSave() {
    setBusy(true);
    const outcome = await recordConsents({ progress, reminders });
    setBusy(false);
    setStatus(outcome.kind === "failed" ? `${outcome.message} ${strings.welcome.savedOnDeviceOnly}` : t.consentsSaved);
  }

  return (
    <section className="card" aria-labelledby="consents">
      <h2 id="consents" style={{ marginTop: 0 }}>
        {t.consentHeading}
      </h2>
      <p className="muted">
        {consents ? t.consentVersion(consents.version, dateFormat.format(new Date(consents.decidedAt))) : t.noDecision}
      </p>
      <div className="choice-list">
        <Checkbox
          className={progress ? "choice is-checked" : "choice"}
          value="progress"
          checked={progress}
          onChange={(e: CheckboxChange) => setProgress(e.target.checked)}
          label={strings.welcome.consentProgress}
        />
        <Checkbox
          className={reminders ? "choice is-checked" : "choice"}
          value="reminders"
          checked={reminders}
          onChange={(e: CheckboxChange) => setReminders(e.target.checked)}
          label={strings.welcome.consentReminders}
        />
      </div>
      <Button fullWidth loading={busy} onClick={() => void onSave()}>
        {t.saveConsents}
      </Button>
      {status && (
        <p className="status-line" role="status" style={{ marginTop: 12 }}>
          {status}
        </p>
      )}
    </section>
  );
}

function DeleteSection({ controller }: { controller: string }) {
  const [confirming, setConfirming] = useState(false);
  const navigate = useNavigate();
  const t = strings.privacy;

  function wipePhone() {
    progressStore.clear();
    sessionStore.clear();
    learnerStore.clear();
    deviceStorage.removeItem(SANDBOX_USER_KEY);
    navigate("/", { replace: true });
  }

  return (
    <section className="card" aria-labelledby="delete">
      <h2 id="delete" style={{ marginTop: 0 }}>
        {t.deleteHeading}
      </h2>
      <p>{t.deleteServer(controller)}</p>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="delete-confirm">
          <p id="delete-confirm" className="status-line">
            {t.deleteConfirm}
          </p>
          <div className="stack">
            <Button type="danger" fullWidth onClick={wipePhone}>
              {t.deleteYes}
            </Button>
            <Button variant="secondary" fullWidth onClick={() => setConfirming(false)}>
              {t.deleteNo}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" type="danger" fullWidth onClick={() => setConfirming(true)}>
          {t.deleteDevice}
        </Button>
      )}
    </section>
  );
}
