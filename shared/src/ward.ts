// The ward's configuration file (content/ward.yaml): TDP list, targets, reminder times.
import { z } from "zod";
import { WeeklyClassSchema } from "./classes.ts";

/** How a TDP's Zalo group is reached (DESIGN.md "Reaching residents"). */
export const ChannelSchema = z.enum(["oa-group", "share", "sandbox"]);
export type Channel = z.infer<typeof ChannelSchema>;

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time as HH:MM, 24-hour");

/** TDP = tổ dân phố, the residential group a resident belongs to. */
export const ResidentialGroupSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  /** adults living in the TDP: the denominator of the ward's 70% target */
  adultPopulation: z.number().int().min(0),
  channel: ChannelSchema,
  /** GMF group id when channel is oa-group */
  zaloGroupId: z.string().optional(),
});
export type ResidentialGroup = z.infer<typeof ResidentialGroupSchema>;

export const WardSchema = z.strictObject({
  name: z.string().min(1),
  province: z.string().min(1),
  /** the personal-data controller named in the privacy notice */
  controller: z.string().min(1),
  timezone: z.literal("Asia/Ho_Chi_Minh"),
  targets: z.strictObject({
    /** share of adults confirmed on the national platform, in percent */
    certifiedAdultsPercent: z.number().min(0).max(100),
  }),
  reminders: z.strictObject({
    dayBeforeAt: HhMm,
    hoursBefore: z.number().int().min(0).max(12),
  }),
  quietHours: z.strictObject({ start: HhMm, end: HhMm }),
  residentialGroups: z.array(ResidentialGroupSchema).min(1),
  /** the weekly classes the ward starts with; facilitators manage them in the app afterwards */
  weeklyClasses: z.array(WeeklyClassSchema).default([]),
});
export type Ward = z.infer<typeof WardSchema>;
