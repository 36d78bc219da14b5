// "/lop-hoc/nhac-lich", Nhận nhắc lịch qua Zalo: first why (what messages, how often, how to
// stop), then the two Zalo permissions: following the ward's OA (only when its id is
// configured) and letting the mini app send notifications. Both exist only inside Zalo.
import { useState } from "react";
import { Button } from "zmp-ui";
import { env } from "../../app/env.ts";
import { AppPage } from "../../app/layout.tsx";
import { strings } from "../../app/strings.ts";
import { allowNotifications, followWardOA, OutsideZaloError, ZaloDeniedError } from "../../app/zalo.ts";

type Outcome = { ok: boolean; text: string } | null;

function outcomeOf(error: unknown): Outcome {
  const t = strings.reminders;
  if (error instanceof OutsideZaloError) return { ok: false, text: t.outsideZalo };
  if (error instanceof ZaloDeniedError) return { ok: false, text: t.declined };
  console.warn("a Zalo permission request failed", error);
  return { ok: false, text: t.failed };
}

function PermissionButton({ label, done, ask }: { label: string; done: string; ask: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function onPress() {
    setBusy(true);
    try {
      await ask();
      setOutcome({ ok: true, text: done });
    } catch (error) {
      setOutcome(outcomeOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <Button fullWidth loading={busy} onClick={() => void onPress()}>
        {label}
      </Button>
      {outcome && (
        <p className={outcome.ok ? "status-line status-saved" : "note"} role="status">
          {outcome.text}
        </p>
      )}
    </div>
  );
}

export function RemindersPage() {
  const t = strings.reminders;
  const oaId = env.oaId;
  return (
    <AppPage title={t.title} backTo="/lop-hoc">
      <h1>{t.title}</h1>
      <h2>{t.whatHeading}</h2>
      <p>{t.what}</p>
      <h2>{t.howOftenHeading}</h2>
      <p>{t.howOften}</p>
      <h2>{t.stopHeading}</h2>
      <p>{t.stop}</p>
      <section className="card" aria-labelledby="reminder-actions">
        <h2 id="reminder-actions" style={{ marginTop: 0 }}>
          {t.actionsHeading}
        </h2>
        <div className="stack">
          {oaId && <PermissionButton label={t.followOA} done={t.followed} ask={() => followWardOA(oaId)} />}
          <PermissionButton label={t.allowNotifications} done={t.allowed} ask={allowNotifications} />
        </div>
      </section>
    </AppPage>
  );
}
