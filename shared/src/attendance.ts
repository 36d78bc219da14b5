// Attendance at a weekly class's meeting (docs/API.md "Attendance"): the facilitator's view
// of one meeting, opening check-in with a QR and its six-digit code, ticking names, counting
// people without the app; and a resident's own check-in with that code. Names are shown only
// of learners of the class's TDP (tổ dân phố) who agreed to share their progress with its
// facilitators; anyone else present is a count.
import { z } from "zod";
import { IsoDateSchema } from "./dates.ts";
import { miniAppLink } from "./mini-app-links.ts";

/** How many digits a check-in code has: short enough to read aloud and type. */
export const CHECKIN_CODE_LENGTH = 6;
/** Check-in stays open until this long after the meeting ends (latecomers, a slow phone). */
export const CHECKIN_GRACE_MINUTES = 120;
/** At most this many people present without the app at one meeting. */
export const MAX_GUESTS = 500;

export const CheckInCodeSchema = z.string().regex(/^\d{6}$/, `the ${CHECKIN_CODE_LENGTH} digits of the check-in code`);

/** The digits of what a resident typed or a QR carried ("482 913" → "482913"). */
export function checkInDigits(typed: string): string {
  return typed.replace(/\D/g, "");
}

/** The mini app's page a check-in QR opens: /diem-danh?ma=<code>. */
export function checkInPath(code: string): string {
  return `/diem-danh?ma=${code}`;
}

/** The link the QR encodes: opens the mini app in Zalo at the check-in page. */
export function checkInZaloLink(miniAppId: string, code: string): string {
  return miniAppLink(miniAppId, checkInPath(code));
}

/** "482 913": how the code is shown and read aloud. */
export function spacedCode(code: string): string {
  return code.length === CHECKIN_CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

export const AttendanceMethodSchema = z.enum(["qr", "tick"]);
export type AttendanceMethod = z.infer<typeof AttendanceMethodSchema>;

export const OpenCheckinSchema = z.object({
  code: CheckInCodeSchema,
  /** when the code stops working: the meeting's end + 2 hours */
  expiresAt: z.iso.datetime(),
  /** the mini app's route the QR opens */
  path: z.string(),
  /** what the QR encodes: https://zalo.me/s/<miniAppId>/diem-danh?ma=<code> */
  zaloLink: z.string(),
});
export type OpenCheckin = z.infer<typeof OpenCheckinSchema>;

/** GET /api/v1/classes/:classId/meetings/:date, and the answer of every change to it. */
export const MeetingAttendanceSchema = z.object({
  classId: z.string(),
  /** TDP = tổ dân phố */
  tdpId: z.string(),
  date: IsoDateSchema,
  /** "Thứ Bảy, 05/12/2026" */
  dateLabel: z.string(),
  cancelled: z.boolean(),
  /** attendance was recorded (check-in opened, a name ticked, people counted) */
  held: z.boolean(),
  /** the open check-in, or null (never opened, or expired) */
  checkin: OpenCheckinSchema.nullable(),
  /** present learners of the TDP who share their progress, by name */
  attendees: z.array(
    z.object({ userId: z.number().int(), displayName: z.string().nullable(), method: AttendanceMethodSchema }),
  ),
  /** present learners who checked in but do not share their progress with this TDP: a count */
  otherAttendees: z.number().int().min(0),
  /** people present without the app: a count */
  guests: z.number().int().min(0),
  /** the TDP's learners who share their progress: the list to tick */
  roster: z.array(z.object({ userId: z.number().int(), displayName: z.string().nullable(), present: z.boolean() })),
  /** attendees + otherAttendees + guests */
  presentTotal: z.number().int().min(0),
});
export type MeetingAttendance = z.infer<typeof MeetingAttendanceSchema>;

/** PUT /api/v1/classes/:classId/meetings/:date/guests */
export const GuestsRequestSchema = z.strictObject({
  guests: z
    .number({ error: `a whole number, 0–${MAX_GUESTS}` })
    .int({ error: `a whole number, 0–${MAX_GUESTS}` })
    .min(0, { error: `a whole number, 0–${MAX_GUESTS}` })
    .max(MAX_GUESTS, { error: `a whole number, 0–${MAX_GUESTS}` }),
});
export type GuestsRequest = z.infer<typeof GuestsRequestSchema>;

/** POST /api/v1/attendance/check-in */
export const CheckInRequestSchema = z.strictObject({ code: CheckInCodeSchema });
export type CheckInRequest = z.infer<typeof CheckInRequestSchema>;

export const CheckInResultSchema = z.object({
  classId: z.string(),
  tdpName: z.string(),
  topic: z.string(),
  date: IsoDateSchema,
  /** "Thứ Bảy, 05/12/2026" */
  dateLabel: z.string(),
  /** the resident was already marked present (checked in before, or ticked) */
  already: z.boolean(),
});
export type CheckInResult = z.infer<typeof CheckInResultSchema>;
