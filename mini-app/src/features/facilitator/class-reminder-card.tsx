// One meeting on "Tin nhắc lịch học": its date, time and TDP, then each message about it in the
// TDP's group with its status in plain words, and for an ordinary group "Chia sẻ vào nhóm" and
// "Tôi đã chia sẻ". Residents' own reminders appear only as numbers.
import { useId } from "react";
import { formatWardDate, wardMoment } from "@hocso/shared/dates";
import type { DeliveryCounts } from "@hocso/shared/delivery-status";
import type { StaffMeeting, StaffReminder } from "@hocso/shared/staff-reminders";
import { withSession } from "../../app/session.ts";
import { strings } from "../../app/strings.ts";
import { CheckMark } from "../../components/check-mark.tsx";
import { postReminderShared } from "./api/post-reminder-shared.ts";
import { ShareByHandPanel } from "./share-by-hand-panel.tsx";

interface MeetingCardProps {
  meeting: StaffMeeting;
  items: readonly StaffReminder[];
  onChange: (item: StaffReminder) => void;
}

export function MeetingCard({ meeting, items, onChange }: MeetingCardProps) {
  const headingId = useId();
  const t = strings.classReminders;
  return (
    <section className={`card meeting-card meeting-${meeting.state}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="meeting-heading">
        <span className="meeting-when">
          {t.meeting(formatWardDate(meeting.date), meeting.startTime, meeting.endTime)}
        </span>
        <span className="sr-only">. </span>
        <span className="meeting-tdp">{meeting.tdpName}</span>
      </h2>
      {meeting.state === "cancelled" && <p className="status-line">{t.cancelledMeeting}</p>}
      {meeting.state === "moved" && <p className="status-line">{t.movedMeeting}</p>}
      {items.length === 0 && meeting.state === "meets" && (
        <p className="muted">{meeting.nextReminderAt ? t.firstAt(wardMoment(meeting.nextReminderAt)) : t.noneYet}</p>
      )}
      {items.map((item) => (
        <ReminderRow key={item.id} item={item} meetingHeadingId={headingId} onChange={onChange} />
      ))}
      <PersonalLine counts={meeting.personal} />
    </section>
  );
}

function kindLabel(item: StaffReminder): string {
  const t = strings.classReminders.kind;
  if (item.kind === "reminder") return item.offset ? t[item.offset] : t.reminder;
  return t[item.kind];
}

/** The status in words: when it went or should go, or why it did not. */
export function statusText(item: StaffReminder): string {
  const t = strings.classReminders;
  switch (item.status) {
    case "sent":
      return item.sentAt ? t.sentAt(wardMoment(item.sentAt)) : strings.report.status.sent;
    case "waiting":
      return t.waiting(wardMoment(item.nextAttemptAt ?? item.dueAt));
    case "failed":
      return item.reason ? t.reason(t.failed, item.reason) : t.failed;
    case "expired":
      return item.reason ? t.expiredBecause(item.reason) : t.expired;
    case "cancelled":
      return item.reason ? t.reason(t.cancelled, item.reason) : t.cancelled;
    case "share-by-hand":
      return t.byHand;
  }
}

function ReminderRow({
  item,
  meetingHeadingId,
  onChange,
}: {
  item: StaffReminder;
  meetingHeadingId: string;
  onChange: (item: StaffReminder) => void;
}) {
  const headingId = useId();
  const t = strings.classReminders;
  return (
    <article className={`reminder-row delivery-${item.status}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{kindLabel(item)}</h3>
      <p className="status-line delivery-status">
        {item.status === "sent" ? <CheckMark /> : <span className="status-dot" aria-hidden="true" />} {statusText(item)}
      </p>
      {item.status === "share-by-hand" && (
        <ShareByHandPanel
          text={item.messageText ?? ""}
          texts={{ help: t.byHandHelp, share: t.share, shared: t.shared, copied: t.copied, manual: t.manual }}
          describedBy={`${meetingHeadingId} ${headingId}`}
          onShared={async () => onChange(await withSession((token) => postReminderShared(token, item.id)))}
        />
      )}
    </article>
  );
}

function PersonalLine({ counts }: { counts: DeliveryCounts }) {
  const t = strings.classReminders;
  const parts = (Object.keys(t.personalParts) as Array<keyof DeliveryCounts>)
    .filter((status) => counts[status] > 0)
    .map((status) => t.personalParts[status](counts[status]));
  return parts.length > 0 ? <p className="muted">{t.personal(parts.join(", "))}</p> : null;
}
