// "Sự đồng ý của bác": each purpose on its own, given with one tap (the notice is on the same
// screen) and withdrawn only after a confirmation that says what will happen. Progress and
// reminders are decided on the phone first (app/sync.ts); sharing progress with the
// facilitator lives on the server only (share-progress-row.tsx).
import { useState } from "react";
import { Button } from "zmp-ui";
import { formatWardDate, wardDate } from "@hocso/shared/dates";
import { useDeviceStore } from "../../app/device-store.ts";
import { learnerStore } from "../../app/learner-store.ts";
import { strings } from "../../app/strings.ts";
import { recordConsents } from "../../app/sync.ts";
import { ShareProgressRow } from "./share-progress-row.tsx";
import type { ServerData } from "./use-server-data.ts";

type Purpose = "progress" | "reminders";

export function ConsentSection({ server }: { server: ServerData }) {
  const { consents } = useDeviceStore(learnerStore);
  const [confirming, setConfirming] = useState<Purpose | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const p = strings.privacy;
  const t = strings.myData;
  const sharing = server.state.kind === "ready" && server.state.me.consents["share-progress"]?.granted === true;

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
      confirm: sharing ? `${t.withdrawProgressConfirm} ${strings.needsHelp.consent.alsoStopsSharing}` : t.withdrawProgressConfirm,
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
      <ShareProgressRow server={server} />
      {status && (
        <p className="status-line" role="status" style={{ marginTop: 12 }}>
          {status}
        </p>
      )}
    </section>
  );
}
