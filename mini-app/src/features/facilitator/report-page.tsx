// "/huong-dan/thong-bao/:id", Báo cáo gửi: for each of the facilitator's groups, Đã gửi /
// Đang chờ gửi / Không gửi được + lý do / Cần chia sẻ thủ công. It asks the server again every
// few seconds while a group is waiting, and lets the facilitator cancel what has not gone.
import { useEffect, useRef, useState } from "react";
import { Button, useNavigate, useParams } from "zmp-ui";
import { countDeliveries, type Announcement, type StaffMe } from "@hocso/shared/announcements";
import { messageOf } from "../../app/api-client.ts";
import { AppPage } from "../../app/layout.tsx";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { getAnnouncement } from "./api/get-announcement.ts";
import { postCancelAnnouncement } from "./api/post-cancel-announcement.ts";
import { DeliveryCard } from "./delivery-card.tsx";
import { summaryLine } from "./delivery-summary.ts";
import { ANNOUNCEMENTS_PATH } from "./paths.ts";
import { FirstLoad, LoadFailed } from "./load-failed.tsx";
import { StaffGate } from "./staff-gate.tsx";
import { usePolled } from "./use-polled.ts";
import { wardMoment } from "@hocso/shared/dates";
import "./facilitator.css";

/** how often the report asks again while a group is waiting */
export const REFRESH_MS = 5_000;

export function ReportPage({ refreshMs = REFRESH_MS }: { refreshMs?: number }) {
  const { id } = useParams();
  const t = strings.report;
  const announcementId = /^[1-9]\d{0,14}$/.test(id ?? "") ? Number(id) : null;
  return (
    <AppPage title={t.title} backTo={ANNOUNCEMENTS_PATH}>
      <h1>{t.heading}</h1>
      {announcementId === null ? (
        <p>{strings.errors.notFound}</p>
      ) : (
        <StaffGate>{(staff) => <Report id={announcementId} staff={staff} refreshMs={refreshMs} />}</StaffGate>
      )}
    </AppPage>
  );
}

const hasWaiting = (a: Announcement) => a.deliveries.some((d) => d.status === "waiting");

function useAnnouncement(id: number, refreshMs: number) {
  const { data, problem, setData, retry } = usePolled(
    (token) => getAnnouncement(token, id),
    hasWaiting,
    refreshMs,
    [id],
  );
  const setAnnouncement = (a: Announcement) => setData(() => a);
  return { announcement: data, setAnnouncement, problem, retry };
}

function Report({ id, staff, refreshMs }: { id: number; staff: StaffMe; refreshMs: number }) {
  const { announcement, setAnnouncement, problem, retry } = useAnnouncement(id, refreshMs);
  const navigate = useNavigate();
  const t = strings.report;

  if (!announcement) {
    return <FirstLoad problem={problem} onRetry={retry} />;
  }

  const scheduled = Date.parse(announcement.sendAt) > Date.parse(announcement.createdAt) + 60_000;
  const when = wardMoment(announcement.sendAt);
  const cancellable =
    announcement.cancelledAt === null &&
    announcement.deliveries.some((d) => d.status === "waiting" || d.status === "share-by-hand");
  return (
    <>
      <p className="lead report-summary" role="status">
        {summaryLine(countDeliveries(announcement.deliveries))}
      </p>
      <section className="card" aria-labelledby="announcement-content">
        <h2 id="announcement-content" style={{ marginTop: 0 }}>
          {strings.composer.contentLabel}
        </h2>
        <p className="announcement-text">{announcement.text}</p>
        <p className="muted">
          {announcement.urgent && <span className="tag tag-urgent">{strings.facilitator.urgentTag}</span>}
          {announcement.urgent && " "}
          {scheduled ? strings.facilitator.scheduledFor(when) : strings.facilitator.sentOn(when)}
        </p>
        {announcement.cancelledAt && <p className="status-line">{t.cancelledOn(wardMoment(announcement.cancelledAt))}</p>}
      </section>
      {problem && <LoadFailed reason={problem} />}
      {announcement.deliveries.map((delivery) => (
        <DeliveryCard
          key={delivery.tdpId}
          announcement={announcement}
          delivery={delivery}
          quiet={staff.quietHours}
          onChange={setAnnouncement}
        />
      ))}
      {hasWaiting(announcement) && <p className="muted">{t.autoRefresh}</p>}
      {cancellable && <CancelSection id={announcement.id} onCancelled={setAnnouncement} />}
      <div className="stack composer-actions">
        <Button variant="secondary" fullWidth onClick={() => navigate(ANNOUNCEMENTS_PATH, { direction: "backward" })}>
          {t.toList}
        </Button>
      </div>
    </>
  );
}

function CancelSection({ id, onCancelled }: { id: number; onCancelled: (a: Announcement) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const t = strings.report;

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  async function onCancel() {
    setBusy(true);
    setProblem(null);
    try {
      onCancelled(await withSession((token) => postCancelAnnouncement(token, id)));
    } catch (error) {
      setProblem(messageOf(error));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="cancel-section">
      {confirming ? (
        <div role="alertdialog" aria-labelledby="cancel-confirm" className="confirm-box">
          <p id="cancel-confirm" ref={question} tabIndex={-1}>
            {t.cancelConfirm}
          </p>
          <div className="stack">
            <Button type="danger" fullWidth loading={busy} onClick={() => void onCancel()}>
              {t.cancelYes}
            </Button>
            <Button variant="secondary" fullWidth disabled={busy} onClick={() => setConfirming(false)}>
              {t.cancelNo}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" type="danger" fullWidth onClick={() => setConfirming(true)}>
          {t.cancel}
        </Button>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
