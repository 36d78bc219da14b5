// Weekly classes of the TDPs (tổ dân phố) as stored, with their cancelled dates.
import type { WeeklyClass } from "@hocso/shared/classes";
import type { Db } from "./database.ts";

interface ClassRow {
  id: string;
  tdp_id: string;
  weekday: number;
  start_time: string;
  duration_minutes: number;
  place: string;
  topic: string;
  lesson_ids: string;
  bring: string;
  first_date: string;
  last_date: string | null;
}

const COLUMNS =
  "id, tdp_id, weekday, start_time, duration_minutes, place, topic, lesson_ids, bring, first_date, last_date";

function cancelledDates(db: Db, classId: string): string[] {
  const rows = db
    .prepare("SELECT date FROM weekly_class_cancellations WHERE class_id = ? ORDER BY date")
    .all(classId) as Array<{ date: string }>;
  return rows.map((r) => r.date);
}

function toWeeklyClass(db: Db, row: ClassRow): WeeklyClass {
  return {
    id: row.id,
    tdpId: row.tdp_id,
    weekday: row.weekday,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    place: row.place,
    topic: row.topic,
    lessonIds: JSON.parse(row.lesson_ids) as string[],
    bring: row.bring,
    firstDate: row.first_date,
    lastDate: row.last_date,
    cancelledDates: cancelledDates(db, row.id),
  };
}

/**
 * Inserts each class whose id is not stored yet, with its cancelled dates; a stored class
 * is never overwritten, because facilitators edit classes after the first start. Returns
 * the ids inserted.
 */
export function insertMissingWeeklyClasses(db: Db, classes: readonly WeeklyClass[], now: Date): string[] {
  const insert = db.prepare(
    `INSERT INTO weekly_classes
       (id, tdp_id, weekday, start_time, duration_minutes, place, topic, lesson_ids, bring, first_date, last_date,
        created_at, updated_at)
     VALUES (@id, @tdpId, @weekday, @startTime, @durationMinutes, @place, @topic, @lessonIds, @bring, @firstDate,
             @lastDate, @at, @at)
     ON CONFLICT (id) DO NOTHING`,
  );
  const cancel = db.prepare("INSERT OR IGNORE INTO weekly_class_cancellations (class_id, date) VALUES (?, ?)");
  return db.transaction(() => {
    const inserted: string[] = [];
    for (const c of classes) {
      const { changes } = insert.run({
        id: c.id,
        tdpId: c.tdpId,
        weekday: c.weekday,
        startTime: c.startTime,
        durationMinutes: c.durationMinutes,
        place: c.place,
        topic: c.topic,
        lessonIds: JSON.stringify(c.lessonIds),
        bring: c.bring,
        firstDate: c.firstDate,
        lastDate: c.lastDate,
        at: now.toISOString(),
      });
      if (changes === 0) continue;
      for (const date of c.cancelledDates) cancel.run(c.id, date);
      inserted.push(c.id);
    }
    return inserted;
  })();
}

export function findWeeklyClass(db: Db, id: string): WeeklyClass | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM weekly_classes WHERE id = ?`).get(id) as ClassRow | undefined;
  return row && toWeeklyClass(db, row);
}

export function listWeeklyClassesOfTdp(db: Db, tdpId: string): WeeklyClass[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM weekly_classes WHERE tdp_id = ? ORDER BY id`).all(tdpId) as ClassRow[];
  return rows.map((row) => toWeeklyClass(db, row));
}

/** Every class, by id: what the reminder planner walks each tick. */
export function listAllWeeklyClasses(db: Db): WeeklyClass[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM weekly_classes ORDER BY id`).all() as ClassRow[];
  return rows.map((row) => toWeeklyClass(db, row));
}

/** The classes of these TDPs, by TDP in the given order, then by id. */
export function listWeeklyClassesOfTdps(db: Db, tdpIds: readonly string[]): WeeklyClass[] {
  return tdpIds.flatMap((tdpId) => listWeeklyClassesOfTdp(db, tdpId));
}

export function weeklyClassExists(db: Db, id: string): boolean {
  return db.prepare("SELECT 1 FROM weekly_classes WHERE id = ?").get(id) !== undefined;
}

/** A new class with no cancelled dates. The caller checks that the id is free. */
export function createWeeklyClass(db: Db, cls: Omit<WeeklyClass, "cancelledDates">, now: Date): void {
  db.prepare(
    `INSERT INTO weekly_classes
       (id, tdp_id, weekday, start_time, duration_minutes, place, topic, lesson_ids, bring, first_date, last_date,
        created_at, updated_at)
     VALUES (@id, @tdpId, @weekday, @startTime, @durationMinutes, @place, @topic, @lessonIds, @bring, @firstDate,
             @lastDate, @at, @at)`,
  ).run({ ...classParams(cls, now), tdpId: cls.tdpId });
}

/** Writes every field of the class but its id and TDP; its cancelled dates are left as they are. */
export function updateWeeklyClass(db: Db, cls: Omit<WeeklyClass, "cancelledDates">, now: Date): void {
  db.prepare(
    `UPDATE weekly_classes SET weekday = @weekday, start_time = @startTime, duration_minutes = @durationMinutes,
       place = @place, topic = @topic, lesson_ids = @lessonIds, bring = @bring, first_date = @firstDate,
       last_date = @lastDate, updated_at = @at
     WHERE id = @id`,
  ).run(classParams(cls, now));
}

function classParams(cls: Omit<WeeklyClass, "cancelledDates">, now: Date) {
  return {
    id: cls.id,
    weekday: cls.weekday,
    startTime: cls.startTime,
    durationMinutes: cls.durationMinutes,
    place: cls.place,
    topic: cls.topic,
    lessonIds: JSON.stringify(cls.lessonIds),
    bring: cls.bring,
    firstDate: cls.firstDate,
    lastDate: cls.lastDate,
    at: now.toISOString(),
  };
}

/** Marks a date as not meeting; false when it was already. */
export function addCancelledDate(db: Db, classId: string, date: string): boolean {
  return (
    db.prepare("INSERT OR IGNORE INTO weekly_class_cancellations (class_id, date) VALUES (?, ?)").run(classId, date)
      .changes === 1
  );
}

/** Lets a cancelled date meet again; false when it was not cancelled. */
export function removeCancelledDate(db: Db, classId: string, date: string): boolean {
  const remove = db.prepare("DELETE FROM weekly_class_cancellations WHERE class_id = ? AND date = ?");
  return remove.run(classId, date).changes === 1;
}
