// Announcements as stored (006-delivery.sql): the SQL of the broadcasts feature in one place.
// The outbox rows that carry an announcement are written and read through db/outbox.ts,
// including the facilitator's "Tôi đã chia sẻ".
import type { Db } from "./database.ts";
import type { OutboxState } from "./outbox.ts";

export interface StoredAnnouncement {
  id: number;
  authorId: number | null;
  text: string;
  urgent: boolean;
  sendAt: string;
  cancelledAt: string | null;
  createdAt: string;
}

interface Row {
  id: number;
  author_id: number | null;
  text: string;
  urgent: number;
  send_at: string;
  cancelled_at: string | null;
  created_at: string;
}

const COLUMNS = "a.id, a.author_id, a.text, a.urgent, a.send_at, a.cancelled_at, a.created_at";

function toAnnouncement(r: Row): StoredAnnouncement {
  return {
    id: r.id,
    authorId: r.author_id,
    text: r.text,
    urgent: r.urgent === 1,
    sendAt: r.send_at,
    cancelledAt: r.cancelled_at,
    createdAt: r.created_at,
  };
}

export function insertAnnouncement(
  db: Db,
  a: { authorId: number; text: string; urgent: boolean; sendAt: Date; createdAt: Date },
): number {
  const row = db
    .prepare(
      `INSERT INTO announcements (author_id, text, urgent, send_at, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(a.authorId, a.text, a.urgent ? 1 : 0, a.sendAt.toISOString(), a.createdAt.toISOString()) as { id: number };
  return row.id;
}

export function findAnnouncement(db: Db, id: number): StoredAnnouncement | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM announcements a WHERE a.id = ?`).get(id) as Row | undefined;
  return row ? toAnnouncement(row) : undefined;
}

/** Records the cancellation once; a second call keeps the first time. */
export function markAnnouncementCancelled(db: Db, id: number, at: Date): void {
  db.prepare("UPDATE announcements SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL").run(at.toISOString(), id);
}

/**
 * Announcements with at least one group among `tdpIds`, newest first, at most `limit`.
 */
export function listAnnouncementsReaching(db: Db, tdpIds: readonly string[], limit: number): StoredAnnouncement[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM announcements a
       WHERE EXISTS (SELECT 1 FROM outbox o
                     WHERE o.announcement_id = a.id AND o.tdp_id IN (SELECT value FROM json_each(?)))
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT ?`,
    )
    .all(JSON.stringify(tdpIds), limit) as Row[];
  return rows.map(toAnnouncement);
}

/**
 * "Tôi đã chia sẻ" is no longer the broadcasts' own: class reminders shared by hand use it
 * too, so it lives with the outbox. Kept importable from here for the broadcasts feature.
 */

/** How many of each announcement's rows among `tdpIds` are in each outbox state. */
export function countStatesOf(
  db: Db,
  announcementIds: readonly number[],
  tdpIds: readonly string[],
): Array<{ announcementId: number; state: OutboxState; n: number }> {
  if (announcementIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT announcement_id, state, count(*) AS n FROM outbox
       WHERE announcement_id IN (SELECT value FROM json_each(?)) AND tdp_id IN (SELECT value FROM json_each(?))
       GROUP BY announcement_id, state`,
    )
    .all(JSON.stringify(announcementIds), JSON.stringify(tdpIds)) as Array<{
    announcement_id: number;
    state: OutboxState;
    n: number;
  }>;
  return rows.map((r) => ({ announcementId: r.announcement_id, state: r.state, n: r.n }));
}
