// Attendance at class meetings as stored (migration 008): one `attendance` row per resident
// present, and one `meeting_records` row per meeting where anything was recorded (its
// guests, its check-in code while open, and when it was first recorded: then it counts as
// held). Names are read only for learners of the class's TDP who agreed to share progress.
import type { AttendanceMethod } from "@hocso/shared/attendance";
import type { Db } from "./database.ts";

export interface MeetingRecord {
  classId: string;
  date: string;
  guests: number;
  checkinCode: string | null;
  checkinExpiresAt: string | null;
  heldAt: string;
  updatedAt: string;
}

interface MeetingRecordRow {
  class_id: string;
  date: string;
  guests: number;
  checkin_code: string | null;
  checkin_expires_at: string | null;
  held_at: string;
  updated_at: string;
}

function toRecord(row: MeetingRecordRow): MeetingRecord {
  return {
    classId: row.class_id,
    date: row.date,
    guests: row.guests,
    checkinCode: row.checkin_code,
    checkinExpiresAt: row.checkin_expires_at,
    heldAt: row.held_at,
    updatedAt: row.updated_at,
  };
}

const RECORD_COLUMNS = "class_id, date, guests, checkin_code, checkin_expires_at, held_at, updated_at";

/** Learners whose progress their TDP's facilitators may see (consent 'share-progress'). */
const SHARES_PROGRESS = `EXISTS (SELECT 1 FROM consents c
  WHERE c.user_id = u.id AND c.purpose = 'share-progress' AND c.granted = 1)`;

export function findMeetingRecord(db: Db, classId: string, date: string): MeetingRecord | undefined {
  const row = db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM meeting_records WHERE class_id = ? AND date = ?`)
    .get(classId, date) as MeetingRecordRow | undefined;
  return row && toRecord(row);
}

/** The meeting record, created now if there is none: the meeting counts as held from now. */
export function ensureMeetingRecord(db: Db, classId: string, date: string, now: Date): MeetingRecord {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO meeting_records (class_id, date, guests, held_at, updated_at) VALUES (?, ?, 0, ?, ?)
     ON CONFLICT (class_id, date) DO NOTHING`,
  ).run(classId, date, at, at);
  return findMeetingRecord(db, classId, date)!;
}

/** Frees the codes of check-ins that have expired, so that they can be given out again. */
export function closeExpiredCheckins(db: Db, now: Date): number {
  return db
    .prepare(
      `UPDATE meeting_records SET checkin_code = NULL, checkin_expires_at = NULL
       WHERE checkin_code IS NOT NULL AND checkin_expires_at <= ?`,
    )
    .run(now.toISOString()).changes;
}

/** Whether `code` belongs to some meeting's check-in now (open, or expired and not yet freed). */
export function checkinCodeTaken(db: Db, code: string): boolean {
  return db.prepare("SELECT 1 FROM meeting_records WHERE checkin_code = ?").get(code) !== undefined;
}

/** Gives the meeting (whose record exists) this check-in code until `expiresAt`. */
export function setCheckinCode(
  db: Db,
  classId: string,
  date: string,
  checkin: { code: string; expiresAt: Date },
  now: Date,
): void {
  db.prepare(
    `UPDATE meeting_records SET checkin_code = ?, checkin_expires_at = ?, updated_at = ?
     WHERE class_id = ? AND date = ?`,
  ).run(checkin.code, checkin.expiresAt.toISOString(), now.toISOString(), classId, date);
}

/** The meeting whose check-in `code` opens, while it is open. */
export function findOpenCheckin(db: Db, code: string, now: Date): { classId: string; date: string } | undefined {
  const row = db
    .prepare("SELECT class_id, date FROM meeting_records WHERE checkin_code = ? AND checkin_expires_at > ?")
    .get(code, now.toISOString()) as { class_id: string; date: string } | undefined;
  return row && { classId: row.class_id, date: row.date };
}

/** Sets how many came without the app (the meeting's record exists). */
export function setGuests(db: Db, classId: string, date: string, guests: number, now: Date): void {
  db.prepare("UPDATE meeting_records SET guests = ?, updated_at = ? WHERE class_id = ? AND date = ?").run(
    guests,
    now.toISOString(),
    classId,
    date,
  );
}

/** Marks the resident present; false if they already were (the first method stays). */
export function recordAttendance(
  db: Db,
  entry: { classId: string; date: string; userId: number; method: AttendanceMethod },
  now: Date,
): boolean {
  return (
    db
      .prepare(
        `INSERT INTO attendance (class_id, date, user_id, method, recorded_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (class_id, date, user_id) DO NOTHING`,
      )
      .run(entry.classId, entry.date, entry.userId, entry.method, now.toISOString()).changes > 0
  );
}

export function removeAttendance(db: Db, classId: string, date: string, userId: number): boolean {
  return (
    db.prepare("DELETE FROM attendance WHERE class_id = ? AND date = ? AND user_id = ?").run(classId, date, userId)
      .changes > 0
  );
}

export interface Attendee {
  userId: number;
  displayName: string | null;
  method: AttendanceMethod;
}

/**
 * Who is present at the meeting: by name those of `tdpId` who share their progress (in
 * order of check-in), the rest as a count.
 */
export function listAttendees(
  db: Db,
  classId: string,
  date: string,
  tdpId: string,
): { named: Attendee[]; others: number } {
  const rows = db
    .prepare(
      `SELECT u.id AS user_id, u.display_name, a.method, (u.tdp_id IS ? AND ${SHARES_PROGRESS}) AS named
       FROM attendance a JOIN users u ON u.id = a.user_id
       WHERE a.class_id = ? AND a.date = ? ORDER BY a.recorded_at, u.id`,
    )
    .all(tdpId, classId, date) as Array<{
    user_id: number;
    display_name: string | null;
    method: AttendanceMethod;
    named: 0 | 1;
  }>;
  const named = rows
    .filter((r) => r.named === 1)
    .map((r) => ({ userId: r.user_id, displayName: r.display_name, method: r.method }));
  return { named, others: rows.length - named.length };
}

export interface RosterEntry {
  userId: number;
  displayName: string | null;
  present: boolean;
}

/** The TDP's learners who share their progress, by name (unnamed last), with whether present. */
export function listRoster(db: Db, tdpId: string, classId: string, date: string): RosterEntry[] {
  const rows = db
    .prepare(
      `SELECT u.id AS user_id, u.display_name,
         EXISTS (SELECT 1 FROM attendance a WHERE a.class_id = ? AND a.date = ? AND a.user_id = u.id) AS present
       FROM users u WHERE u.tdp_id = ? AND ${SHARES_PROGRESS}
       ORDER BY u.display_name IS NULL, u.display_name COLLATE NOCASE, u.id`,
    )
    .all(classId, date, tdpId) as Array<{ user_id: number; display_name: string | null; present: 0 | 1 }>;
  return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, present: r.present === 1 }));
}

/** Whether the account exists, is a learner of `tdpId`, and shares its progress. */
export function learnerStanding(
  db: Db,
  userId: number,
  tdpId: string,
): { exists: boolean; inTdp: boolean; sharesProgress: boolean } {
  const row = db
    .prepare(`SELECT u.tdp_id IS ? AS in_tdp, ${SHARES_PROGRESS} AS shares FROM users u WHERE u.id = ?`)
    .get(tdpId, userId) as { in_tdp: 0 | 1; shares: 0 | 1 } | undefined;
  if (!row) return { exists: false, inTdp: false, sharesProgress: false };
  return { exists: true, inTdp: row.in_tdp === 1, sharesProgress: row.shares === 1 };
}

/**
 * A learner's own attendance, oldest first: for "Dữ liệu của tôi" (GET /api/v1/me/export).
 * Deleting the account deletes these rows (ON DELETE CASCADE).
 */
export function listAttendanceOf(
  db: Db,
  userId: number,
): Array<{ classId: string; date: string; method: AttendanceMethod; recordedAt: string }> {
  const rows = db
    .prepare("SELECT class_id, date, method, recorded_at FROM attendance WHERE user_id = ? ORDER BY date, class_id")
    .all(userId) as Array<{ class_id: string; date: string; method: AttendanceMethod; recorded_at: string }>;
  return rows.map((r) => ({ classId: r.class_id, date: r.date, method: r.method, recordedAt: r.recorded_at }));
}

/** Deletes a learner's attendance (their progress consent withdrawn); how many rows went. */
export function deleteAttendanceOf(db: Db, userId: number): number {
  return db.prepare("DELETE FROM attendance WHERE user_id = ?").run(userId).changes;
}
