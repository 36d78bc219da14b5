// Attendance at a weekly class's meetings (docs/API.md "Attendance"). A facilitator opens
// check-in on the meeting's day — a six-digit code, shown as a QR, open until two hours after
// the meeting ends — and residents check in with it; or the facilitator ticks the names of the
// TDP's (tổ dân phố) learners who share their progress, and counts who came without the app.
// The first thing recorded makes the meeting count as held. Names are shown only of those
// learners; everyone else present is a number. Every staff change is audited in the same
// transaction, by ids and counts only.
import {
  CHECKIN_CODE_LENGTH,
  CHECKIN_GRACE_MINUTES,
  checkInPath,
  checkInZaloLink,
  type CheckInResult,
  type MeetingAttendance,
  type OpenCheckin,
} from "@hocso/shared/attendance";
import { isMeetingDate, occurrencesBetween, type Occurrence, type WeeklyClass } from "@hocso/shared/classes";
import { formatWardDate, wardDate } from "@hocso/shared/dates";
import { randomInt } from "node:crypto";
import {
  checkinCodeTaken,
  closeExpiredCheckins,
  ensureMeetingRecord,
  findMeetingRecord,
  findOpenCheckin,
  learnerStanding,
  listAttendees,
  listRoster,
  recordAttendance,
  removeAttendance,
  setCheckinCode,
  setGuests,
} from "../../db/attendance.ts";
import type { Db } from "../../db/database.ts";
import { listResidentialGroups } from "../../db/residential-groups.ts";
import { findWeeklyClass } from "../../db/weekly-classes.ts";
import { audit } from "../../lib/audit.ts";
import type { Clock } from "../../lib/clock.ts";
import { requireConsent } from "../../lib/consent.ts";
import { AppError } from "../../lib/errors.ts";
import { authorize, type Staff } from "../../lib/policies.ts";

export interface AttendanceDeps {
  db: Db;
  clock: Clock;
  /** the mini app's id in https://zalo.me/s/<id>/ links: the QR opens the check-in page */
  miniAppId: string;
}

/** 403 unless the user holds "class:manage" for some TDP: asked before their input is read. */
export function attendanceManager(deps: AttendanceDeps, userId: number): void {
  authorize(deps.db, userId, "class:manage");
}

interface Meeting {
  cls: WeeklyClass;
  staff: Staff;
  occurrence: Occurrence;
  cancelled: boolean;
}

/** The meeting, if the user may manage its class: 404 unknown class or date, 403 outside their TDPs. */
function managedMeeting(deps: AttendanceDeps, userId: number, classId: string, date: string): Meeting {
  const cls = findWeeklyClass(deps.db, classId);
  if (!cls) throw new AppError("not_found", `There is no weekly class "${classId}"`);
  const staff = authorize(deps.db, userId, "class:manage", [cls.tdpId]);
  if (!isMeetingDate(cls, date)) {
    throw new AppError(
      "not_found",
      `Class "${cls.id}" does not meet on ${date} (not its weekday, or outside its first and last date)`,
    );
  }
  const occurrence = occurrencesBetween({ ...cls, cancelledDates: [] }, date, date)[0]!;
  return { cls, staff, occurrence, cancelled: cls.cancelledDates.includes(date) };
}

const subjectOf = (m: Meeting) => `${m.cls.id}:${m.occurrence.date}`;

function checkinClosesAt(occurrence: Occurrence): Date {
  return new Date(occurrence.endsAt.getTime() + CHECKIN_GRACE_MINUTES * 60_000);
}

/** 409 for a cancelled meeting: nobody can have attended it. */
function refuseCancelled(m: Meeting): void {
  if (m.cancelled) {
    throw new AppError(
      "conflict",
      `The meeting of ${m.occurrence.date} is cancelled; restore it ` +
        `(DELETE /api/v1/classes/${m.cls.id}/cancellations/${m.occurrence.date}) before taking attendance`,
    );
  }
}

/** 409 for a meeting on a later day: attendance is taken on the day or after. */
function refuseFuture(m: Meeting, today: string): void {
  if (m.occurrence.date > today) {
    throw new AppError(
      "conflict",
      `The meeting of ${m.occurrence.date} has not happened yet (today is ${today}); ` +
        "attendance is taken on the day or after",
    );
  }
}

function view(deps: AttendanceDeps, m: Meeting, now: Date): MeetingAttendance {
  const { db } = deps;
  const { cls, occurrence } = m;
  const record = findMeetingRecord(db, cls.id, occurrence.date);
  const open =
    record?.checkinCode && record.checkinExpiresAt && Date.parse(record.checkinExpiresAt) > now.getTime()
      ? checkinOf(deps, record.checkinCode, record.checkinExpiresAt)
      : null;
  const { named, others } = listAttendees(db, cls.id, occurrence.date, cls.tdpId);
  const guests = record?.guests ?? 0;
  return {
    classId: cls.id,
    tdpId: cls.tdpId,
    date: occurrence.date,
    dateLabel: formatWardDate(occurrence.date),
    cancelled: m.cancelled,
    held: record !== undefined,
    checkin: open,
    attendees: named,
    otherAttendees: others,
    guests,
    roster: listRoster(db, cls.tdpId, cls.id, occurrence.date),
    presentTotal: named.length + others + guests,
  };
}

function checkinOf(deps: AttendanceDeps, code: string, expiresAt: string): OpenCheckin {
  return { code, expiresAt, path: checkInPath(code), zaloLink: checkInZaloLink(deps.miniAppId, code) };
}

export function getMeeting(deps: AttendanceDeps, userId: number, classId: string, date: string): MeetingAttendance {
  return view(deps, managedMeeting(deps, userId, classId, date), deps.clock.now());
}

/** A code no meeting holds now; expired codes were freed just before. */
function freshCode(db: Db): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = String(randomInt(0, 10 ** CHECKIN_CODE_LENGTH)).padStart(CHECKIN_CODE_LENGTH, "0");
    if (!checkinCodeTaken(db, code)) return code;
  }
  // A million codes and a ward's few meetings a day: reaching this means something is wrong.
  throw new Error("no free check-in code after 50 tries");
}

/**
 * Opens check-in for the meeting: only on its own ward date, until two hours after it ends,
 * and not for a cancelled date. While open, opening again answers the same code.
 */
export function openCheckin(deps: AttendanceDeps, userId: number, classId: string, date: string): MeetingAttendance {
  const { db, clock } = deps;
  const m = managedMeeting(deps, userId, classId, date);
  const now = clock.now();
  refuseCancelled(m);
  const today = wardDate(now);
  if (date !== today) {
    throw new AppError(
      "conflict",
      `Check-in opens only on the meeting's own day (${date}); today is ${today} in the ward`,
    );
  }
  const closesAt = checkinClosesAt(m.occurrence);
  if (closesAt <= now) {
    throw new AppError(
      "conflict",
      `Check-in for the meeting of ${date} closed at ${closesAt.toISOString()}, two hours after it ended`,
    );
  }
  db.transaction(() => {
    closeExpiredCheckins(db, now);
    const record = findMeetingRecord(db, classId, date);
    if (record?.checkinCode) return; // still open: the same code
    ensureMeetingRecord(db, classId, date, now);
    setCheckinCode(db, classId, date, { code: freshCode(db), expiresAt: closesAt }, now);
    audit(db, m.staff, { action: "attendance.open", tdpId: m.cls.tdpId, subject: subjectOf(m) }, now);
  }).immediate();
  return view(deps, m, now);
}

/**
 * Ticks (present) or unticks a learner of the class's TDP who shares their progress. Not for
 * a later day or a cancelled one. Repeating it changes nothing and audits nothing more.
 */
export function markAttendance(
  deps: AttendanceDeps,
  userId: number,
  target: { classId: string; date: string; learnerId: number },
  present: boolean,
): { meeting: MeetingAttendance; changed: boolean } {
  const { db, clock } = deps;
  const m = managedMeeting(deps, userId, target.classId, target.date);
  const now = clock.now();
  refuseCancelled(m);
  refuseFuture(m, wardDate(now));
  const standing = learnerStanding(db, target.learnerId, m.cls.tdpId);
  if (!standing.inTdp) {
    throw new AppError("not_found", `Account ${target.learnerId} is not a learner of tổ dân phố "${m.cls.tdpId}"`);
  }
  if (!standing.sharesProgress) {
    throw new AppError(
      "conflict",
      `Learner ${target.learnerId} has not agreed to share their progress with the TDP's facilitators, ` +
        "so they cannot be ticked by name; they can check in with the meeting's code",
    );
  }
  const changed = db
    .transaction(() => {
      const entry = { classId: target.classId, date: target.date, userId: target.learnerId };
      if (present) ensureMeetingRecord(db, target.classId, target.date, now);
      const done = present
        ? recordAttendance(db, { ...entry, method: "tick" }, now)
        : removeAttendance(db, entry.classId, entry.date, entry.userId);
      if (done) {
        audit(
          db,
          m.staff,
          {
            action: present ? "attendance.record" : "attendance.remove",
            tdpId: m.cls.tdpId,
            subject: subjectOf(m),
            details: { userId: target.learnerId },
          },
          now,
        );
      }
      return done;
    })
    .immediate();
  return { meeting: view(deps, m, now), changed };
}

/** How many came without the app. Not for a later day or a cancelled one. */
export function setMeetingGuests(
  deps: AttendanceDeps,
  userId: number,
  target: { classId: string; date: string },
  guests: number,
): MeetingAttendance {
  const { db, clock } = deps;
  const m = managedMeeting(deps, userId, target.classId, target.date);
  const now = clock.now();
  refuseCancelled(m);
  refuseFuture(m, wardDate(now));
  db.transaction(() => {
    const before = findMeetingRecord(db, target.classId, target.date);
    // The same count again, or none where nothing was recorded: nothing changes.
    if ((before?.guests ?? 0) === guests) return;
    ensureMeetingRecord(db, target.classId, target.date, now);
    setGuests(db, target.classId, target.date, guests, now);
    audit(
      db,
      m.staff,
      { action: "attendance.guests", tdpId: m.cls.tdpId, subject: subjectOf(m), details: { guests } },
      now,
    );
  }).immediate();
  return view(deps, m, now);
}

/**
 * A resident checks in with the code the facilitator shows. Needs their progress consent
 * (attendance is kept under their account). Idempotent: `already` says they were present.
 */
export function checkIn(deps: AttendanceDeps, userId: number, code: string): CheckInResult {
  const { db, clock } = deps;
  requireConsent(db, userId, "progress");
  const now = clock.now();
  const meeting = findOpenCheckin(db, code, now);
  const cls = meeting && findWeeklyClass(db, meeting.classId);
  if (!meeting || !cls) {
    throw new AppError(
      "not_found",
      "No meeting has this check-in code open: it is mistyped, or check-in for that meeting has closed",
    );
  }
  if (cls.cancelledDates.includes(meeting.date)) {
    throw new AppError("conflict", `The meeting of ${meeting.date} was cancelled; there is nothing to check in to`);
  }
  const inserted = db.transaction(() =>
    recordAttendance(db, { classId: cls.id, date: meeting.date, userId, method: "qr" }, now),
  )();
  const tdpName = listResidentialGroups(db).find((g) => g.id === cls.tdpId)?.name ?? cls.tdpId;
  return {
    classId: cls.id,
    tdpName,
    topic: cls.topic,
    date: meeting.date,
    dateLabel: formatWardDate(meeting.date),
    already: !inserted,
  };
}
