// One group in the delivery report: its status in words, when it went or why it did not, and
// for an ordinary group "Chia sẻ vào nhóm" then "Tôi đã chia sẻ".
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import type { Announcement, Delivery } from "@hocso/shared/announcements";
import { isQuiet, nextSendableTime, type QuietHours } from "@hocso/shared/quiet-hours";
import { messageOf } from "../../app/api-client.ts";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { postShared } from "./api/post-shared.ts";
import { shareAnnouncement, type ShareOutcome } from "./share-by-hand.ts";
import { wardMoment } from "./ward-time.ts";

interface DeliveryCardProps {
  announcement: Announcement;
  delivery: Delivery;
  quiet: QuietHours;
  onChange: (a: Announcement) => void;
}

export function DeliveryCard({ announcement, delivery, quiet, onChange }: DeliveryCardProps) {
  const headingId = useId();
  const t = strings.report;
  return (
    <article className={`card delivery-card delivery-${delivery.status}`} aria-labelledby={headingId}>
      <h2 id={headingId} style={{ marginTop: 0 }}>
        {delivery.tdpName}
      </h2>
      <p className="status-line delivery-status">
        {delivery.status === "sent" ? <CheckMark /> : <span className="status-dot" aria-hidden="true" />}{" "}
        {t.status[delivery.status]}
      </p>
      {delivery.sentAt && delivery.status === "sent" && <p>{t.sentAt(wardMoment(delivery.sentAt))}</p>}
      {delivery.reason && <p>{t.reason(delivery.reason)}</p>}
      {delivery.status === "waiting" && <WaitingNote announcement={announcement} quiet={quiet} />}
      {delivery.status === "share-by-hand" && (
        <ShareByHand announcement={announcement} delivery={delivery} describedBy={headingId} onChange={onChange} />
      )}
    </article>
  );
}

/** Why it has not gone yet: a time still to come, or quiet hours holding it. */
function WaitingNote({ announcement, quiet }: { announcement: Pick<Announcement, "sendAt" | "urgent">; quiet: QuietHours }) {
  const t = strings.report;
  const now = new Date();
  const due = new Date(announcement.sendAt);
  if (due > now) return <p>{t.scheduled(wardMoment(due))}</p>;
  if (!announcement.urgent && isQuiet(now, quiet)) return <p>{t.heldUntil(wardMoment(nextSendableTime(now, quiet)))}</p>;
  return null;
}

function ShareByHand({
  announcement,
  delivery,
  describedBy,
  onChange,
}: {
  announcement: Announcement;
  delivery: Delivery;
  describedBy: string;
  onChange: (a: Announcement) => void;
}) {
  const [sharing, setSharing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const textId = useId();
  const t = strings.report;
  const text = delivery.messageText ?? "";

  async function onShare() {
    if (sharing) return;
    setSharing(true);
    setOutcome(await shareAnnouncement(text));
    setSharing(false);
  }

  async function onShared() {
    setSaving(true);
    setProblem(null);
    try {
      onChange(await withSession((token) => postShared(token, announcement.id, delivery.tdpId)));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="share-by-hand">
      <p>{t.byHandHelp}</p>
      <div className="stack">
        <Button fullWidth loading={sharing} aria-describedby={describedBy} onClick={() => void onShare()}>
          {t.share}
        </Button>
        <div role="status">
          {outcome?.kind === "copied" && <p className="status-line">{t.copied}</p>}
          {outcome?.kind === "manual" && (
            <>
              <label className="field-label" htmlFor={textId}>
                {t.manual}
              </label>
              <textarea id={textId} className="text-area" readOnly rows={6} value={text} />
            </>
          )}
        </div>
        <Button variant="secondary" fullWidth loading={saving} aria-describedby={describedBy} onClick={() => void onShared()}>
          {t.shared}
        </Button>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
