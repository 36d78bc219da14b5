// Classroom mode (chế độ lớp học, docs/API.md "Classroom mode"): a facilitator shows a lesson
// on a projector at the weekly class, asks its quiz questions to the room and records how many
// answered right. Counts only: no resident is named, nothing is stored about anyone.
import { z } from "zod";
import { addDays, IsoDateSchema } from "./dates.ts";

/** The most people one count may say were present: a TDP's class, not a stadium. */
export const CLASSROOM_MAX_PRESENT = 500;
/** How far back a class's counts may still be written, in days before today (ward dates). */
export const CLASSROOM_DAYS_BACK = 31;

const id = z.string().min(1).max(64);
const count = (min: number) => {
  const error = `a whole number, ${min}–${CLASSROOM_MAX_PRESENT}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(CLASSROOM_MAX_PRESENT, { error });
};

/** PUT /api/v1/classroom/answers: one question asked to the room on one day; again replaces it. */
export const ClassroomAnswerRequestSchema = z
  .strictObject({
    /** TDP = tổ dân phố whose class this is */
    tdpId: id,
    /** the class's ward date: today, or up to CLASSROOM_DAYS_BACK days before */
    date: IsoDateSchema,
    /** the weekly class, when the facilitator started from one; of the same TDP */
    classId: id.optional(),
    lessonId: id,
    /** a question of that lesson's quiz */
    questionId: id,
    /** people in the room when the question was asked */
    present: count(1),
    /** of them, how many answered right (hands raised for the right option) */
    answeredRight: count(0),
  })
  .refine((a) => a.answeredRight <= a.present, {
    message: "cannot be more than the people present",
    path: ["answeredRight"],
  });
export type ClassroomAnswerRequest = z.infer<typeof ClassroomAnswerRequestSchema>;

export const ClassroomAnswerSchema = z.object({
  tdpId: z.string(),
  date: IsoDateSchema,
  classId: z.string().nullable(),
  lessonId: z.string(),
  questionId: z.string(),
  present: z.number().int(),
  answeredRight: z.number().int(),
  /** when it was last recorded (ISO instant) */
  recordedAt: z.string(),
});
export type ClassroomAnswer = z.infer<typeof ClassroomAnswerSchema>;

/** GET /api/v1/classroom/answers?tdpId=&date= */
export const ClassroomAnswersQuerySchema = z.strictObject({ tdpId: id, date: IsoDateSchema });
export type ClassroomAnswersQuery = z.infer<typeof ClassroomAnswersQuerySchema>;

export const ClassroomAnswerListSchema = z.object({
  tdpId: z.string(),
  date: IsoDateSchema,
  /** that day's questions, the one recorded longest ago first */
  items: z.array(ClassroomAnswerSchema),
});
export type ClassroomAnswerList = z.infer<typeof ClassroomAnswerListSchema>;

/**
 * Why counts cannot be written for `date` when the ward's date is `today`, or undefined: a
 * class is recorded on its day or soon after, never ahead of it.
 */
export function classroomDateProblem(date: string, today: string): string | undefined {
  if (date > today) return `is in the future (today is ${today} in the ward)`;
  const earliest = addDays(today, -CLASSROOM_DAYS_BACK);
  if (date < earliest) return `is more than ${CLASSROOM_DAYS_BACK} days ago (the earliest is ${earliest})`;
  return undefined;
}
