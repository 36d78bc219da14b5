// A facilitator's announcements to their TDP (tổ dân phố) groups (issue 6): written as one
// announcement and one outbox row per group in a transaction, before anything reaches Zalo;
// the outbox sender delivers the rows. The delivery report is read back from those rows, and
// a facilitator only ever sees the groups of their own scope (policy "broadcast:send").
import { deliveryStatusOf, STATUSES_WITH_REASON } from "@hocso/shared/delivery-status";
import {
  announcementChannelOf,
  emptyCounts,
  renderAnnouncement,
  SEND_AT_GRACE_MS,
  SEND_AT_MAX_DAYS,
  type Announcement,
  type AnnouncementSummary,
  type Delivery,
  type NewAnnouncement,
} from "@hocso/shared/announcements";
import type { Db } from "../../db/database.ts";
import {
  cancelUnsent,
  enqueueOutbox,
  listOutboxOfAnnouncement,
  type OutboxRow,
} from "../../db/outbox.ts";
import { audit } from "../../lib/audit.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError, type FieldError } from "../../lib/errors.ts";
import { authorize, scopeOf, type Staff } from "../../lib/policies.ts";
import {
  countStatesOf,
  findAnnouncement,
  insertAnnouncement,
  listAnnouncementsReaching,
  markAnnouncementCancelled,
  type StoredAnnouncement,
} from "../../db/announcements.ts";
import { markSharedByHand } from "../../db/outbox.ts";
import { listTdpChannels, type TdpChannel } from "../../db/residential-groups.ts";

export interface BroadcastsDeps {
  db: Db;
  clock: Clock;
}

const POLICY = "broadcast:send";
/** the most announcements GET /announcements lists */
export const ANNOUNCEMENT_LIST_LIMIT = 100;
/** what a cancelled group's row says, for the facilitator's report */
export const CANCELLED_REASON = "Người hướng dẫn đã hủy thông báo này trước khi gửi.";

/** The caller if they may send announcements at all; 403 for anyone else (a learner). */
export function broadcaster({ db }: BroadcastsDeps, userId: number): Staff {
  return authorize(db, userId, POLICY);
}

/**
 * Stores the announcement and one outbox row per group, in one transaction. Refused with 400
 * naming each field (a time out of range, TDPs the ward does not have), then with 403 naming
 * the TDPs outside the caller's scope; nothing is written then.
 */
export function createAnnouncement(
  deps: BroadcastsDeps,
  userId: number,
  request: NewAnnouncement,
): Announcement {
  const { db, clock } = deps;
  const now = clock.now();
  const sendAt = request.sendAt === null ? now : new Date(request.sendAt);
  const targets = new Map(listTdpChannels(db).map((t) => [t.id, t]));
  const problems: FieldError[] = [];
  const timeProblem = sendAtProblem(sendAt, now);
  if (timeProblem) problems.push({ path: "sendAt", message: timeProblem });
  const unknown = request.tdpIds.filter((id) => !targets.has(id));
  if (unknown.length > 0) {
    problems.push({ path: "tdpIds", message: `no such tổ dân phố: ${unknown.join(", ")}` });
  }
  if (problems.length > 0) {
    throw AppError.badRequest(`Invalid request: ${problems.map((p) => p.path).join(", ")}`, problems);
  }
  const staff = authorize(db, userId, POLICY, request.tdpIds);

  const text = request.text.normalize("NFC");
  const urgent = request.urgent;
  const id = db.transaction(() => {
    const announcementId = insertAnnouncement(db, { authorId: userId, text, urgent, sendAt, createdAt: now });
    for (const tdpId of request.tdpIds) {
      enqueueGroup(db, announcementId, targets.get(tdpId)!, { text, urgent, sendAt }, now);
    }
    // Never the text: who sent what to which groups, by ids.
    const details = { tdpIds: request.tdpIds, urgent, scheduled: request.sendAt !== null };
    audit(db, staff, { action: "announcement.send", tdpId: request.tdpIds, subject: announcementId, details }, now);
    return announcementId;
  })();
  return readAnnouncement(deps, userId, id);
}

function sendAtProblem(sendAt: Date, now: Date): string | null {
  if (sendAt.getTime() < now.getTime() - SEND_AT_GRACE_MS) {
    return "is in the past; send null to send now, or a time from now on";
  }
  if (sendAt.getTime() > now.getTime() + SEND_AT_MAX_DAYS * 86_400_000) {
    return `is more than ${SEND_AT_MAX_DAYS} days ahead`;
  }
  return null;
}

function enqueueGroup(
  db: Db,
  announcementId: number,
  tdp: TdpChannel,
  a: { text: string; urgent: boolean; sendAt: Date },
  now: Date,
): void {
  const channel = announcementChannelOf(tdp);
  const byHand = channel === "share";
  enqueueOutbox(
    db,
    {
      dedupeKey: `broadcast:${announcementId}:${tdp.id}`,
      kind: "broadcast",
      channel,
      recipient: byHand ? null : tdp.zaloGroupId,
      tdpId: tdp.id,
      announcementId,
      message: { text: renderAnnouncement({ text: a.text, groupName: tdp.name, urgent: a.urgent }) },
      urgent: a.urgent,
      dueAt: a.sendAt,
      expiresAt: null,
      state: byHand ? "manual" : "pending",
    },
    now,
  );
}

/** The caller's announcements (at least one group in their scope), newest first, with counts. */
export function listAnnouncements(deps: BroadcastsDeps, userId: number): AnnouncementSummary[] {
  const { db } = deps;
  const scope = scopeOfCaller(db, userId);
  const announcements = listAnnouncementsReaching(db, scope, ANNOUNCEMENT_LIST_LIMIT);
  const counts = new Map(announcements.map((a) => [a.id, emptyCounts()]));
  for (const { announcementId, state, n } of countStatesOf(db, [...counts.keys()], scope)) {
    counts.get(announcementId)![deliveryStatusOf(state)] += n;
  }
  return announcements.map((a) => {
    const c = counts.get(a.id)!;
    return { ...fieldsOf(a), counts: c, total: Object.values(c).reduce((x, y) => x + y, 0) };
  });
}

/** One announcement with the delivery of each of the caller's groups; 404 if none is theirs. */
export function readAnnouncement(deps: BroadcastsDeps, userId: number, id: number): Announcement {
  const { announcement, rows } = visibleAnnouncement(deps.db, userId, id);
  return viewOf(deps.db, announcement, rows);
}

/**
 * Stops the groups that have not received it yet. The caller needs "broadcast:send" for every
 * group of the announcement (403 names the others). 409 when nothing is left to stop;
 * cancelling an announcement already cancelled answers as it stands.
 */
export function cancelAnnouncement(deps: BroadcastsDeps, userId: number, id: number): Announcement {
  const { db, clock } = deps;
  const { announcement } = visibleAnnouncement(db, userId, id);
  const allTdps = listOutboxOfAnnouncement(db, id).flatMap((r) => (r.tdpId ? [r.tdpId] : []));
  const staff = authorize(db, userId, POLICY, allTdps);
  if (announcement.cancelledAt === null) {
    const now = clock.now();
    db.transaction(() => {
      const stopped = cancelUnsent(db, { announcementId: id }, CANCELLED_REASON, now);
      if (stopped === 0) {
        throw new AppError(
          "conflict",
          `Nothing of announcement ${id} is left to cancel: every group has received it, finished, or is being sent to right now`,
        );
      }
      markAnnouncementCancelled(db, id, now);
      const tdpId = [...new Set(allTdps)];
      audit(db, staff, { action: "announcement.cancel", tdpId, subject: id, details: { groupsStopped: stopped } }, now);
    })();
  }
  return readAnnouncement(deps, userId, id);
}

/**
 * The facilitator shared the message into a group the OA cannot post in: that group's row
 * becomes sent. Saying it again changes nothing. 409 for a group the OA posts to itself, or
 * one whose delivery was cancelled.
 */
export function markShared(deps: BroadcastsDeps, userId: number, id: number, tdpId: string): Announcement {
  const { db, clock } = deps;
  const { rows } = visibleAnnouncement(db, userId, id);
  const staff = authorize(db, userId, POLICY, [tdpId]);
  const row = rows.find((r) => r.tdpId === tdpId);
  if (!row) throw new AppError("not_found", `Announcement ${id} was not sent to tổ dân phố "${tdpId}"`);
  if (row.channel !== "share") {
    throw new AppError("conflict", `The OA posts announcement ${id} into "${tdpId}" itself; there is nothing to share by hand`);
  }
  if (row.state === "cancelled") {
    throw new AppError("conflict", `Announcement ${id} was cancelled for "${tdpId}"; there is nothing to share`);
  }
  if (row.state === "manual") {
    const now = clock.now();
    db.transaction(() => {
      if (!markSharedByHand(db, row.id, now)) return;
      const details = { outboxId: row.id };
      audit(db, staff, { action: "announcement.shared-by-hand", tdpId, subject: id, details }, now);
    })();
  }
  return readAnnouncement(deps, userId, id);
}

function scopeOfCaller(db: Db, userId: number): string[] {
  const staff = authorize(db, userId, POLICY);
  return scopeOf(
    staff,
    POLICY,
    listTdpChannels(db).map((t) => t.id),
  );
}

/**
 * The announcement and its rows in the caller's scope. An announcement to none of the
 * caller's groups answers 403 naming its TDPs, as every other TDP's data does (issue 7);
 * one that does not exist answers 404.
 */
function visibleAnnouncement(db: Db, userId: number, id: number): { announcement: StoredAnnouncement; rows: OutboxRow[] } {
  const scope = new Set(scopeOfCaller(db, userId));
  const announcement = findAnnouncement(db, id);
  if (!announcement) throw new AppError("not_found", `There is no announcement ${id}`);
  const all = listOutboxOfAnnouncement(db, id);
  const rows = all.filter((r) => r.tdpId !== null && scope.has(r.tdpId));
  if (rows.length === 0) authorize(db, userId, POLICY, all.flatMap((r) => (r.tdpId ? [r.tdpId] : [])));
  return { announcement, rows };
}

function viewOf(db: Db, announcement: StoredAnnouncement, rows: OutboxRow[]): Announcement {
  const names = new Map(listTdpChannels(db).map((t) => [t.id, t.name]));
  const deliveries = rows.map((r) => toDelivery(r, names.get(r.tdpId ?? "") ?? r.tdpId ?? ""));
  return { ...fieldsOf(announcement), deliveries };
}

function fieldsOf(a: StoredAnnouncement) {
  return {
    id: a.id,
    text: a.text,
    urgent: a.urgent,
    sendAt: a.sendAt,
    createdAt: a.createdAt,
    cancelledAt: a.cancelledAt,
  };
}

function toDelivery(row: OutboxRow, tdpName: string): Delivery {
  const status = deliveryStatusOf(row.state);
  return {
    tdpId: row.tdpId ?? "",
    tdpName,
    channel: row.channel,
    status,
    reason: STATUSES_WITH_REASON.has(status) ? row.failure : null,
    sentAt: row.sentAt,
    messageText: status === "share-by-hand" ? row.message.text : null,
  };
}
