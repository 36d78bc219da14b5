// First screen ("/" before onboarding): the privacy notice and two separate, unticked consent
// boxes. Lessons work whatever the learner decides; only the progress consent lets anything
// reach the server (DOMAIN.md §5.1).
import { useState } from "react";
import { Button, Checkbox, useNavigate } from "zmp-ui";
import { useCourse } from "../../app/course.tsx";
import { AppPage } from "../../app/layout.tsx";
import { learnerStore } from "../../app/learner-store.ts";
import { recordConsents } from "../../app/sync.ts";
import { strings } from "../../app/strings.ts";
import { PrivacyNotice } from "../../components/privacy-notice.tsx";

type CheckboxChange = { target: { checked: boolean } };

export function WelcomePage() {
  const { ward } = useCourse();
  const navigate = useNavigate();
  const [progress, setProgress] = useState(false);
  const [reminders, setReminders] = useState(false);
  const [busy, setBusy] = useState(false);
  const t = strings.welcome;

  async function onContinue() {
    if (busy) return;
    setBusy(true);
    const outcome = await recordConsents({ progress, reminders });
    setBusy(false);
    const notice = outcome.kind === "failed" ? `${outcome.message} ${t.savedOnDeviceOnly}` : null;
    navigate("/thong-tin", { state: { notice } });
  }

  function onLater() {
    // No decision is recorded: silence is not consent. The home screen replaces this one.
    learnerStore.set((learner) => ({ ...learner, onboarded: true }));
  }

  return (
    <AppPage
      title={strings.appName}
      // The buttons come after the notice and the boxes: reading them is the point of this screen.
      actionsAfterContent
      actions={
        <>
          <Button className="wide" loading={busy} onClick={() => void onContinue()}>
            {t.continue}
          </Button>
          <Button className="wide" variant="secondary" disabled={busy} onClick={onLater}>
            {t.later}
          </Button>
        </>
      }
    >
      <h1>{t.heading}</h1>
      <p className="lead">{t.intro}</p>
      <PrivacyNotice controller={ward.controller} />
      <div className="choice-list">
        <Checkbox
          className={progress ? "choice is-checked" : "choice"}
          value="progress"
          checked={progress}
          onChange={(e: CheckboxChange) => setProgress(e.target.checked)}
          label={t.consentProgress}
        />
        <Checkbox
          className={reminders ? "choice is-checked" : "choice"}
          value="reminders"
          checked={reminders}
          onChange={(e: CheckboxChange) => setReminders(e.target.checked)}
          label={t.consentReminders}
        />
      </div>
      {reminders && !progress && <p className="muted">{t.remindersNeedAccount}</p>}
    </AppPage>
  );
}
