// Learners' answers to "Tôi sẽ tham gia" for one meeting of a weekly class (class + date).
import type { Db } from "./database.ts";

export interface Rsvp {
  classId: string;
  /** the meeting's ward date, YYYY-MM-DD */
  date: string;
  going: boolean;
  updatedAt: string;
}

interface RsvpRow {
  class_id: string;
  date: string;
  going: 0 | 1;
  updated_at: string;
}

function toRsvp(row: RsvpRow): Rsvp {
  return { classId: row.class_id, date: row.date, going: row.going === 1, updatedAt: row.updated_at };
}

/** Records the answer; updated_at moves only when the answer changes, so a replay changes nothing. */
export function saveRsvp(db: Db, userId: number, rsvp: Rsvp): void {
  db.prepare(
    `INSERT INTO class_rsvps (user_id, class_id, date, going, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, class_id, date) DO UPDATE SET going = excluded.going, updated_at = excluded.updated_at
     WHERE class_rsvps.going IS NOT excluded.going`,
  ).run(userId, rsvp.classId, rsvp.date, Number(rsvp.going), rsvp.updatedAt);
}

/** A learner's answers for meetings of the given classes within [from, to], keyed "classId date". */
export function findRsvps(
  db: Db,
  userId: number,
  classIds: readonly string[],
  from: string,
  to: string,
): Map<string, boolean> {
  if (classIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT class_id, date, going, updated_at FROM class_rsvps
        WHERE user_id = ? AND date BETWEEN ? AND ? AND class_id IN (SELECT value FROM json_each(?))`,
    )
    .all(userId, from, to, JSON.stringify(classIds)) as RsvpRow[];
  return new Map(rows.map((r) => [rsvpKey(r.class_id, r.date), r.going === 1]));
}

export function rsvpKey(classId: string, date: string): string {
  return `${classId} ${date}`;
}

export function listRsvpsOf(db: Db, userId: number): Rsvp[] {
  const rows = db
    .prepare("SELECT class_id, date, going, updated_at FROM class_rsvps WHERE user_id = ? ORDER BY date, class_id")
    .all(userId) as RsvpRow[];
  return rows.map(toRsvp);
}

export function deleteRsvpsOf(db: Db, userId: number): number {
  return db.prepare("DELETE FROM class_rsvps WHERE user_id = ?").run(userId).changes;
}
