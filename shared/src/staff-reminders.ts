// The facilitator's view of their TDPs' (tổ dân phố) class reminders (docs/API.md "Class
// reminders: staff"): GET /api/v1/staff/reminders and POST /api/v1/staff/reminders/:id/shared.
// Only group messages are listed; what residents get personally is counted, never shown.
import { z } from "zod";
import { HhMmSchema } from "./classes.ts";
import { IsoDateSchema } from "./dates.ts";
import { DeliveryCountsSchema, DeliveryStatusSchema } from "./delivery-status.ts";

/** How many days ahead the page looks by default, and at most. */
export const STAFF_REMINDER_DAYS_DEFAULT = 14;
export const STAFF_REMINDER_DAYS_MAX = 30;

export const StaffRemindersQuerySchema = z.strictObject({
  /** omitted: every TDP the caller manages */
  tdpId: z.string().min(1).max(64).optional(),
  /** meetings from today to today + days (ward dates) */
  days: z.coerce
    .number({ error: `a whole number of days, 1–${STAFF_REMINDER_DAYS_MAX}` })
    .int({ error: `a whole number of days, 1–${STAFF_REMINDER_DAYS_MAX}` })
    .min(1, { error: `a whole number of days, 1–${STAFF_REMINDER_DAYS_MAX}` })
    .max(STAFF_REMINDER_DAYS_MAX, { error: `a whole number of days, 1–${STAFF_REMINDER_DAYS_MAX}` })
    .default(STAFF_REMINDER_DAYS_DEFAULT),
});

/** What a group message about a meeting is: a reminder, or a notice that it is cancelled or changed. */
export const GroupMessageKindSchema = z.enum(["reminder", "cancellation", "change"]);
export type GroupMessageKind = z.infer<typeof GroupMessageKindSchema>;

/** How the group is reached: the OA posts itself ('oa-group', 'sandbox' locally) or a facilitator shares ('share'). */
export const GroupChannelSchema = z.enum(["oa-group", "sandbox", "share"]);
export type GroupChannel = z.infer<typeof GroupChannelSchema>;

export const StaffReminderSchema = z.object({
  /** the outbox row's id: POST /api/v1/staff/reminders/:id/shared */
  id: z.number().int(),
  tdpId: z.string(),
  tdpName: z.string(),
  classId: z.string(),
  /** the meeting's ward date */
  date: IsoDateSchema,
  kind: GroupMessageKindSchema,
  /** a reminder's: the evening before, or hours before on the day; null for a notice */
  offset: z.enum(["day-before", "same-day"]).nullable(),
  channel: GroupChannelSchema,
  status: DeliveryStatusSchema,
  /** why it failed, expired or was cancelled, in Vietnamese; null otherwise */
  reason: z.string().nullable(),
  /** when it was planned to go */
  dueAt: z.string(),
  /** while waiting: the earliest it may go now (quiet hours, a retry); null otherwise */
  nextAttemptAt: z.string().nullable(),
  /** when it went, or when the facilitator said they shared it */
  sentAt: z.string().nullable(),
  /** the exact message to share, for share-by-hand; null otherwise */
  messageText: z.string().nullable(),
});
export type StaffReminder = z.infer<typeof StaffReminderSchema>;

/**
 * A meeting in the window: `meets` as planned, `cancelled` (that date is off), or `moved`
 * (messages went about a date the class no longer meets on: its weekday or dates changed).
 */
export const MeetingStateSchema = z.enum(["meets", "cancelled", "moved"]);

export const StaffMeetingSchema = z.object({
  classId: z.string(),
  tdpId: z.string(),
  tdpName: z.string(),
  date: IsoDateSchema,
  /** the class's times and place as they are now (ward time) */
  startTime: HhMmSchema,
  endTime: HhMmSchema,
  place: z.string(),
  topic: z.string(),
  state: MeetingStateSchema,
  /** the next reminder the planner will write for the group, when none is due yet; else null */
  nextReminderAt: z.string().nullable(),
  /** messages to residents who asked for reminders themselves, by status: numbers only */
  personal: DeliveryCountsSchema,
});
export type StaffMeeting = z.infer<typeof StaffMeetingSchema>;

export const StaffRemindersSchema = z.object({
  /** the window, ward dates, from today */
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** newest meeting first */
  meetings: z.array(StaffMeetingSchema),
  /** the group messages of those meetings, in the meetings' order, each meeting's oldest first */
  items: z.array(StaffReminderSchema),
});
export type StaffReminders = z.infer<typeof StaffRemindersSchema>;
