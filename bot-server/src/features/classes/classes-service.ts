// The TDP's (tổ dân phố) weekly class meetings as residents see them, and their answer to
// "Tôi sẽ tham gia". Meetings are computed from the stored weekly classes (shared
// occurrencesBetween); dates are ward dates, Asia/Ho_Chi_Minh.
import type { ClassOccurrenceView } from "@hocso/shared/api";
import { occurrencesBetween, type Occurrence, type WeeklyClass } from "@hocso/shared/classes";
import { addDays, wardDate } from "@hocso/shared/dates";
import { findRsvps, rsvpKey, saveRsvp } from "../../db/class-rsvps.ts";
import type { Db } from "../../db/database.ts";
import { residentialGroupExists } from "../../db/residential-groups.ts";
import { findWeeklyClass, listWeeklyClassesOfTdp } from "../../db/weekly-classes.ts";
import type { Clock } from "../../lib/clock.ts";
import { requireConsent } from "../../lib/consent.ts";
import { AppError } from "../../lib/errors.ts";

export interface ClassesDeps {
  db: Db;
  clock: Clock;
}

/**
 * Meetings of the TDP's classes on the next `days` ward dates, today included, that have
 * not ended yet (one in progress still shows: a resident may be on the way), by start time.
 * `going` is the learner's answer when a learner is given, else null.
 */
export function listUpcomingMeetings(
  { db, clock }: ClassesDeps,
  query: { tdpId: string; days: number },
  userId: number | undefined,
): ClassOccurrenceView[] {
  if (!residentialGroupExists(db, query.tdpId)) {
    throw AppError.field("tdpId", "no such tổ dân phố; pick one from GET /api/v1/config");
  }
  const now = clock.now();
  const from = wardDate(now);
  const to = addDays(from, query.days - 1);
  const classes = listWeeklyClassesOfTdp(db, query.tdpId);
  const meetings = classes
    .flatMap((cls) => occurrencesBetween(cls, from, to).map((occurrence) => ({ cls, occurrence })))
    .filter(({ occurrence }) => occurrence.endsAt > now)
    .sort((a, b) => a.occurrence.startsAt.getTime() - b.occurrence.startsAt.getTime() || byId(a.cls, b.cls));
  const answers =
    userId === undefined ? new Map<string, boolean>() : findRsvps(db, userId, classes.map((c) => c.id), from, to);
  return meetings.map(({ cls, occurrence }) =>
    toView(cls, occurrence, userId === undefined ? null : (answers.get(rsvpKey(cls.id, occurrence.date)) ?? null)),
  );
}

/**
 * Records the learner's answer for one meeting. Idempotent: the same answer again changes
 * nothing. Refused for a class or date that is not a meeting (404), without the "progress"
 * consent (403), and once the meeting has started (400).
 */
export function answerMeeting(
  { db, clock }: ClassesDeps,
  userId: number,
  meeting: { classId: string; date: string },
  going: boolean,
): ClassOccurrenceView {
  const cls = findWeeklyClass(db, meeting.classId);
  if (!cls) throw new AppError("not_found", `There is no weekly class "${meeting.classId}"`);
  const occurrence = occurrencesBetween(cls, meeting.date, meeting.date)[0];
  if (!occurrence) {
    throw new AppError(
      "not_found",
      `Class "${cls.id}" does not meet on ${meeting.date} (not its weekday, cancelled, or outside its dates)`,
    );
  }
  requireConsent(db, userId, "progress");
  const now = clock.now();
  if (occurrence.startsAt <= now) {
    throw AppError.field("date", "this meeting has already started; answers close when it starts");
  }
  db.transaction(() => {
    saveRsvp(db, userId, { classId: cls.id, date: occurrence.date, going, updatedAt: now.toISOString() });
  })();
  return toView(cls, occurrence, going);
}

function byId(a: WeeklyClass, b: WeeklyClass): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function toView(cls: WeeklyClass, occurrence: Occurrence, going: boolean | null): ClassOccurrenceView {
  return {
    classId: cls.id,
    tdpId: cls.tdpId,
    date: occurrence.date,
    startsAt: occurrence.startsAt.toISOString(),
    endsAt: occurrence.endsAt.toISOString(),
    place: cls.place,
    topic: cls.topic,
    bring: cls.bring,
    lessonIds: cls.lessonIds,
    going,
  };
}
