// A TDP's recurring weekly class and the dates it actually meets.
import { z } from "zod";
import { addDays, IsoDateSchema, isoWeekday, wardInstant } from "./dates.ts";

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time as HH:MM, 24-hour");

export const WeeklyClassSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    /** TDP = tổ dân phố */
    tdpId: z.string().min(1),
    /** ISO weekday: 1 = Thứ Hai … 7 = Chủ Nhật */
    weekday: z.number().int().min(1).max(7),
    startTime: HhMm,
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
