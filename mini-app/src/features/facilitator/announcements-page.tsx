// "/huong-dan/thong-bao", Gửi thông báo: the facilitator's announcements, newest first, each
// with a one-line delivery summary leading to its report, "Viết thông báo mới", and the way to
// "Tin nhắc lịch học" (the class reminders of their TDPs).
import { useEffect, useState } from "react";
import { Button, useLocation, useNavigate } from "zmp-ui";
import type { AnnouncementSummary, StaffMe } from "@hocso/shared/announcements";
import { messageOf } from "../../app/api-client.ts";
import { AppPage } from "../../app/layout.tsx";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { LoadFailed } from "./load-failed.tsx";
import { getAnnouncements } from "./api/get-announcements.ts";
import { summaryLine } from "./delivery-summary.ts";
import { CLASS_REMINDERS_PATH, COMPOSER_PATH, reportPath, STAFF_HOME_PATH } from "./paths.ts";
import { scopeText } from "./scope-text.ts";
import { StaffGate } from "./staff-gate.tsx";
import { wardMoment } from "@hocso/shared/dates";
import "./facilitator.css";

export function AnnouncementsPage() {
  const t = strings.facilitator;
  return (
    <AppPage title={t.areaTitle} backTo={STAFF_HOME_PATH}>
      <h1>{t.listHeading}</h1>
      <StaffGate>{(staff) => <Announcements staff={staff} />}</StaffGate>
    </AppPage>
  );
}

type ListState = { kind: "loading" } | { kind: "ready"; items: AnnouncementSummary[] } | { kind: "failed"; message: string };

function Announcements({ staff }: { staff: StaffMe }) {
  const navigate = useNavigate();
  const [state, setState] = useState<ListState>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  // every visit fetches again: a report just read may have changed the counts
  const visit = useLocation().key;
  const t = strings.facilitator;

  useEffect(() => {
    let current = true;
    withSession((token) => getAnnouncements(token)).then(
      (items) => current && setState({ kind: "ready", items }),
      (error: unknown) => current && setState({ kind: "failed", message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt, visit]);

  return (
    <>
      <p className="lead">{scopeText(staff)}</p>
      <div className="stack">
        <Button fullWidth onClick={() => navigate(COMPOSER_PATH)}>
          {t.newAnnouncement}
        </Button>
        <Button variant="secondary" fullWidth onClick={() => navigate(CLASS_REMINDERS_PATH)}>
          {strings.classReminders.entry}
        </Button>
      </div>
      <h2>{t.pastHeading}</h2>
      {state.kind === "loading" && <p role="status">{strings.loading}</p>}
      {state.kind === "failed" && (
        <LoadFailed reason={state.message} onRetry={() => setAttempt((n) => n + 1)} variant="secondary" />
      )}
      {state.kind === "ready" && state.items.length === 0 && <p>{t.none}</p>}
      {state.kind === "ready" &&
        state.items.map((item) => (
          <AnnouncementTile key={item.id} item={item} onOpen={() => navigate(reportPath(item.id))} />
        ))}
    </>
  );
}

/** The first words of the text, on one line. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length <= 90 ? line : `${chars.slice(0, 89).join("")}…`;
}

function AnnouncementTile({ item, onOpen }: { item: AnnouncementSummary; onOpen: () => void }) {
  const t = strings.facilitator;
  const scheduled = Date.parse(item.sendAt) > Date.parse(item.createdAt) + 60_000;
  const when = wardMoment(item.sendAt);
  return (
    <button type="button" className="tile announcement-tile" onClick={onOpen}>
      <span className="tile-text">
        <span className="tile-title">{excerpt(item.text)}</span>
        <span className="sr-only">. </span>
        <span className="tile-meta">
          {item.urgent && <span className="tag tag-urgent">{t.urgentTag}</span>}
          {item.urgent && " "}
          {item.cancelledAt && <span className="tag">{t.cancelledTag}</span>}
          {item.cancelledAt && " "}
          {scheduled ? t.scheduledFor(when) : t.sentOn(when)}
        </span>
        <span className="sr-only">. </span>
        <span className="tile-meta">{summaryLine(item.counts)}</span>
      </span>
      <span className="tile-arrow" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
