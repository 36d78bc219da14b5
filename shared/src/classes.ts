// A TDP's recurring weekly class and the dates it actually meets.
import { z } from "zod";
import { addDays, IsoDateSchema, isoWeekday, wardInstant } from "./dates.ts";

/** A ward-time clock reading, "19:00". */
export const HhMmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time as HH:MM, 24-hour");

export const WeeklyClassSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    /** TDP = tổ dân phố */
    tdpId: z.string().min(1),
    /** ISO weekday: 1 = Thứ Hai … 7 = Chủ Nhật */
    weekday: z.number().int().min(1).max(7),
    startTime: HhMmSchema,
    durationMinutes: z.number().int().min(15).max(300),
    place: z.string().min(1).max(200),
    topic: z.string().min(1).max(200),
    /** lessons taught, in order; the reminder links the first */
    lessonIds: z.array(z.string()).max(10),
    /** "Mang theo điện thoại đã sạc pin, thẻ căn cước" */
    bring: z.string().max(300),
    firstDate: IsoDateSchema,
    lastDate: IsoDateSchema.nullable(),
    cancelledDates: z.array(IsoDateSchema),
  })
  .refine((c) => c.lastDate === null || c.lastDate >= c.firstDate, {
    message: "lastDate is before firstDate",
    path: ["lastDate"],
  });
export type WeeklyClass = z.infer<typeof WeeklyClassSchema>;

export interface Occurrence {
  classId: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/** The dates a class meets within [from, to] (inclusive, ward dates), skipping cancelled ones. */
export function occurrencesBetween(cls: WeeklyClass, from: string, to: string): Occurrence[] {
  const start = from > cls.firstDate ? from : cls.firstDate;
  const end = cls.lastDate !== null && cls.lastDate < to ? cls.lastDate : to;
  const out: Occurrence[] = [];
  let date = addDays(start, (cls.weekday - isoWeekday(start) + 7) % 7);
  for (; date <= end; date = addDays(date, 7)) {
    if (cls.cancelledDates.includes(date)) continue;
    const startsAt = wardInstant(date, cls.startTime);
    out.push({ classId: cls.id, date, startsAt, endsAt: new Date(startsAt.getTime() + cls.durationMinutes * 60_000) });
  }
  return out;
}

// ---- Managing classes (docs/API.md "Weekly classes: staff") ----

const WEEKDAY_SLUGS = ["thu-hai", "thu-ba", "thu-tu", "thu-nam", "thu-sau", "thu-bay", "chu-nhat"];

/**
 * The id of a class created through the API, from its TDP, weekday and start time:
 * "giai-phong-thu-bay-1900". Two classes of one TDP at the same weekly slot would be the same
 * class, so the id doubles as that uniqueness rule. It never changes afterwards, even when an
 * edit moves the class to another slot.
 */
export function classIdFor(tdpId: string, weekday: number, startTime: string): string {
  return `${tdpId}-${WEEKDAY_SLUGS[weekday - 1]}-${startTime.replace(":", "")}`;
}

/** A facilitator's text: NFC (keyboards differ), trimmed, one line. */
function lineOfText(max: number) {
  return z
    .string()
    .normalize("NFC")
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, `at most ${max} characters`));
}

/** The fields a class is defined by, as staff send them (everything but its id and TDP). */
const classFields = {
  /** ISO weekday: 1 = Thứ Hai … 7 = Chủ Nhật */
  weekday: z.number().int().min(1).max(7),
  startTime: HhMmSchema,
  durationMinutes: z.number().int().min(15).max(300),
  place: lineOfText(200).pipe(z.string().min(1, "required")),
  topic: lineOfText(200).pipe(z.string().min(1, "required")),
  /** lesson ids in teaching order; the reminder links the first */
  lessonIds: z.array(z.string().min(1).max(64)).max(10),
  /** may be empty */
  bring: lineOfText(300),
  firstDate: IsoDateSchema,
  /** null: no end planned */
  lastDate: IsoDateSchema.nullable(),
};

/** The longest TDP id a class can be created for: its generated id stays within 64 characters. */
export const MAX_CLASS_TDP_ID_LENGTH = 40;

export const CreateClassRequestSchema = z
  .strictObject({
    /** TDP = tổ dân phố */
    tdpId: z.string().min(1).max(MAX_CLASS_TDP_ID_LENGTH),
    ...classFields,
  })
  .refine((c) => c.lastDate === null || c.lastDate >= c.firstDate, {
    message: "lastDate is before firstDate",
    path: ["lastDate"],
  });
export type CreateClassRequest = z.infer<typeof CreateClassRequestSchema>;

/** Any of the class's fields but its id and TDP; at least one. */
export const PatchClassRequestSchema = z
  .strictObject(classFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: "send at least one field to change" });
export type PatchClassRequest = z.infer<typeof PatchClassRequestSchema>;

/** GET /api/v1/staff/classes */
export const StaffClassListSchema = z.object({ items: z.array(WeeklyClassSchema) });

/** PUT /api/v1/classes/:classId/cancellations/:date */
export const ClassCancellationResultSchema = z.object({
  class: WeeklyClassSchema,
  /** reminders of that date that had not gone yet and now will not */
  remindersCancelled: z.number().int().min(0),
  /** notices queued for the groups and residents who had already been reminded of that date */
  noticesQueued: z.number().int().min(0),
});
export type ClassCancellationResult = z.infer<typeof ClassCancellationResultSchema>;

/** DELETE /api/v1/classes/:classId/cancellations/:date */
export const ClassRestoreResultSchema = z.object({ class: WeeklyClassSchema });

/** Whether the class meets on `date` by its weekday and dates, cancelled or not. */
export function isMeetingDate(cls: Pick<WeeklyClass, "weekday" | "firstDate" | "lastDate">, date: string): boolean {
  return (
    isoWeekday(date) === cls.weekday && date >= cls.firstDate && (cls.lastDate === null || date <= cls.lastDate)
  );
}
