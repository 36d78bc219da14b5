// "Sự đồng ý của bác": each purpose on its own, given with one tap (the notice is on the same
// screen) and withdrawn only after a confirmation that says what will happen.
import { useState } from "react";
import { Button } from "zmp-ui";
import { formatWardDate, wardDate } from "@hocso/shared/dates";
import { useDeviceStore } from "../../app/device-store.ts";
import { learnerStore } from "../../app/learner-store.ts";
import { strings } from "../../app/strings.ts";
import { recordConsents } from "../../app/sync.ts";

type Purpose = "progress" | "reminders";

export function ConsentSection() {
  const { consents } = useDeviceStore(learnerStore);
  const [confirming, setConfirming] = useState<Purpose | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const p = strings.privacy;
  const t = strings.myData;

  async function decide(purpose: Purpose, given: boolean) {
    setBusy(true);
    const current = { progress: consents?.progress ?? false, reminders: consents?.reminders ?? false };
    const outcome = await recordConsents({ ...current, [purpose]: given });
    setBusy(false);
    setConfirming(null);
    if (outcome.kind === "failed") setStatus(`${outcome.message} ${strings.welcome.savedOnDeviceOnly}`);
    else if (given) setStatus(t.given);
    else setStatus(purpose === "progress" && outcome.kind === "server" ? t.withdrawnProgress : t.withdrawn);
  }

  const rows: Array<{ purpose: Purpose; heading: string; given: string; not: string; give: string; withdraw: string; confirm: string }> = [
    {
      purpose: "progress",
      heading: t.progressConsent,
      given: t.progressGiven,
      not: t.progressNot,
      give: t.giveProgress,
      withdraw: t.withdrawProgress,
      confirm: t.withdrawProgressConfirm,
    },
    {
      purpose: "reminders",
      heading: t.remindersConsent,
      given: t.remindersGiven,
      not: t.remindersNot,
      give: t.giveReminders,
      withdraw: t.withdrawReminders,
      confirm: t.withdrawRemindersConfirm,
    },
  ];

  return (
    <section className="card" aria-labelledby="consents">
      <h2 id="consents" style={{ marginTop: 0 }}>
        {p.consentHeading}
      </h2>
      <p className="muted">
        {consents ? p.consentVersion(consents.version, formatWardDate(wardDate(new Date(consents.decidedAt)))) : p.noDecision}
      </p>
      {rows.map((row) => {
        const given = consents?.[row.purpose] === true;
        const confirmId = `withdraw-${row.purpose}`;
        return (
          <div key={row.purpose} className="consent-row">
            <h3>{row.heading}</h3>
            <p>{given ? row.given : row.not}</p>
            {!given && (
              <Button fullWidth loading={busy} onClick={() => void decide(row.purpose, true)}>
                {row.give}
              </Button>
            )}
            {given && confirming !== row.purpose && (
              <Button variant="secondary" fullWidth disabled={busy} onClick={() => setConfirming(row.purpose)}>
                {row.withdraw}
              </Button>
            )}
            {given && confirming === row.purpose && (
              <div role="alertdialog" aria-labelledby={confirmId} className="confirm-box">
                <p id={confirmId}>{row.confirm}</p>
                <div className="stack">
                  <Button type="danger" fullWidth loading={busy} onClick={() => void decide(row.purpose, false)}>
                    {t.withdrawYes}
                  </Button>
                  <Button variant="secondary" fullWidth disabled={busy} onClick={() => setConfirming(null)}>
                    {t.withdrawNo}
                  </Button>
                </div>
              </div>
            )}
          </div>
        );
      })}
      {status && (
        <p className="status-line" role="status" style={{ marginTop: 12 }}>
          {status}
        </p>
      )}
    </section>
  );
}
