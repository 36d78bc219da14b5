// One group in the delivery report: its status in words, when it went or why it did not, and
// for an ordinary group "Chia sẻ vào nhóm" then "Tôi đã chia sẻ".
import { useId } from "react";
import type { Announcement, Delivery } from "@hocso/shared/announcements";
import { isQuiet, nextSendableTime, type QuietHours } from "@hocso/shared/quiet-hours";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { postShared } from "./api/post-shared.ts";
import { ShareByHandPanel } from "./share-by-hand-panel.tsx";
import { wardMoment } from "@hocso/shared/dates";

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
  const t = strings.report;
  return (
    <ShareByHandPanel
      text={delivery.messageText ?? ""}
      texts={{ help: t.byHandHelp, share: t.share, shared: t.shared, copied: t.copied, manual: t.manual }}
      describedBy={describedBy}
      onShared={async () => onChange(await withSession((token) => postShared(token, announcement.id, delivery.tdpId)))}
    />
  );
}
