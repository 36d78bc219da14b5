// A facilitator's announcement to their TDP (tổ dân phố) groups: the one function that turns
// what they wrote into the message a group receives, and the HTTP contract of
// /api/v1/announcements and /api/v1/staff/me (docs/API.md). The server sends what
// renderAnnouncement returns and the mini app previews it with the same call, so the preview
// is exactly what residents read.
import { z } from "zod";
import { DeliveryCountsSchema, DeliveryStatusSchema } from "./delivery-status.ts";
import { groupText, zaloLength } from "./zalo-text.ts";

/**
 * How long the facilitator's text may be, in characters as Zalo counts them (after NFC and
 * mention escaping): the header line and a blank line fit in the rest of Zalo's 2,000.
 */
export const ANNOUNCEMENT_TEXT_LIMIT = 1800;

/** A group name longer than this is cut in the header, so the header never crowds out the text. */
const HEADER_NAME_LIMIT = 120;

/** The facilitator's text as residents read it: NFC, mention-safe, trimmed (zalo-text.ts). */
export function announcementBody(text: string): string {
  return groupText(text);
}

/** The length that counts against ANNOUNCEMENT_TEXT_LIMIT. */
export function announcementLength(text: string): number {
  return zaloLength(announcementBody(text));
}

export type AnnouncementTextProblem = "blank" | "too-long";

/** Why this text cannot be sent, or null when it can. */
export function announcementTextProblem(text: string): AnnouncementTextProblem | null {
  const length = announcementLength(text);
  if (length === 0) return "blank";
  if (length > ANNOUNCEMENT_TEXT_LIMIT) return "too-long";
  return null;
}

function shortName(name: string): string {
  const chars = [...name.normalize("NFC").replace(/\s+/g, " ").trim()];
  return chars.length <= HEADER_NAME_LIMIT ? chars.join("") : `${chars.slice(0, HEADER_NAME_LIMIT - 1).join("")}…`;
}

/** "📢 Thông báo — Tổ dân phố Giải Phóng"; urgent ones say "khẩn" so residents read them first. */
export function announcementHeader(groupName: string, urgent: boolean): string {
  return `📢 ${urgent ? "Thông báo khẩn" : "Thông báo"} — ${shortName(groupName)}`;
}

export interface AnnouncementToRender {
  /** what the facilitator wrote */
  text: string;
  /** the TDP whose group receives it (its name as residents know it), or the ward's name */
  groupName: string;
  urgent: boolean;
}

/**
 * The message one group receives: the header line, a blank line, then the text. NFC, with no
 * accidental `[@…]` mention, and at most Zalo's 2,000 characters for any text that passes
 * announcementTextProblem.
 */
export function renderAnnouncement({ text, groupName, urgent }: AnnouncementToRender): string {
  return groupText(`${announcementHeader(groupName, urgent)}\n\n${announcementBody(text)}`);
}

// ---- How a group is reached ----

/** How the outbox reaches a group (DESIGN.md "Reaching residents"). */
export const DeliveryChannelSchema = z.enum(["oa-group", "oa-user", "miniapp-notify", "share", "sandbox"]);
export type DeliveryChannel = z.infer<typeof DeliveryChannelSchema>;

/**
 * How an announcement reaches a TDP's group: the OA posts into an OA-owned group ('oa-group',
 * or 'sandbox' locally) when the group's id is known; anything else is an ordinary group a
 * facilitator shares into by hand ('share').
 */
export function announcementChannelOf(tdp: {
  channel: "oa-group" | "share" | "sandbox";
  zaloGroupId: string | null;
}): "oa-group" | "sandbox" | "share" {
  if (tdp.channel === "share" || !tdp.zaloGroupId) return "share";
  return tdp.channel;
}

// ---- POST /api/v1/announcements ----

const AnnouncementTextSchema = z.string().superRefine((text, ctx) => {
  const problem = announcementTextProblem(text);
  if (problem === "blank") ctx.addIssue({ code: "custom", message: "is empty: write the announcement first" });
  if (problem === "too-long") {
    ctx.addIssue({
      code: "custom",
      message: `is ${announcementLength(text)} characters; at most ${ANNOUNCEMENT_TEXT_LIMIT} (counted after NFC)`,
    });
  }
});

const TdpIdsSchema = z
  .array(z.string().min(1).max(64), { error: "a list of TDP ids from GET /api/v1/staff/me" })
  .min(1, { error: "pick at least one group" })
  .max(500, { error: "at most 500 groups" })
  .superRefine((ids, ctx) => {
    const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    if (repeated.length > 0) ctx.addIssue({ code: "custom", message: `lists ${repeated.join(", ")} more than once` });
  });

export const CreateAnnouncementRequestSchema = z.strictObject({
  text: AnnouncementTextSchema,
  /** TDP = tổ dân phố: each must be within the facilitator's scope */
  tdpIds: TdpIdsSchema,
  /** when to send (an ISO-8601 instant); null or absent: now */
  sendAt: z.iso
    .datetime({ offset: true, error: "an ISO-8601 date and time, e.g. 2026-11-28T12:00:00.000Z, or null for now" })
    .nullable()
    .default(null),
  /** not held by quiet hours (a storm, a cancelled class) */
  urgent: z.boolean().default(false),
});
/** what a client sends (sendAt and urgent may be left out) */
export type CreateAnnouncementRequest = z.input<typeof CreateAnnouncementRequestSchema>;
/** the request as the server reads it, defaults filled in */
export type NewAnnouncement = z.output<typeof CreateAnnouncementRequestSchema>;

/** Scheduling window the server enforces, by its clock. */
export const SEND_AT_GRACE_MS = 60_000;
export const SEND_AT_MAX_DAYS = 60;

// ---- The delivery report ----

// The statuses and their counts live in delivery-status.ts (class reminders use them too); they
// are exported here as well, where the announcement report's readers already import them.
export {
  countDeliveries,
  DELIVERY_STATUSES,
  DeliveryCountsSchema,
  DeliveryStatusSchema,
  emptyCounts,
  type DeliveryCounts,
  type DeliveryStatus,
} from "./delivery-status.ts";

export const DeliverySchema = z.object({
  tdpId: z.string(),
  tdpName: z.string(),
  channel: DeliveryChannelSchema,
  status: DeliveryStatusSchema,
  /** why it failed, expired or was cancelled, in Vietnamese; null otherwise */
  reason: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** the exact message to share, for share-by-hand; null otherwise */
  messageText: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

const AnnouncementFields = {
  id: z.number().int(),
  /** as the facilitator wrote it (NFC) */
  text: z.string(),
  urgent: z.boolean(),
  sendAt: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
};

export const AnnouncementSchema = z.object({ ...AnnouncementFields, deliveries: z.array(DeliverySchema) });
export type Announcement = z.infer<typeof AnnouncementSchema>;

export const AnnouncementSummarySchema = z.object({
  ...AnnouncementFields,
  /** the caller's groups by status */
  counts: DeliveryCountsSchema,
  total: z.number().int(),
});
export type AnnouncementSummary = z.infer<typeof AnnouncementSummarySchema>;

export const AnnouncementListSchema = z.object({ items: z.array(AnnouncementSummarySchema) });

// ---- GET /api/v1/staff/me ----

export const StaffRoleSchema = z.enum(["admin", "facilitator"]);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const StaffMeSchema = z.object({
  role: StaffRoleSchema,
  /** the TDPs this person may act on, in the ward file's order; channel as announcements use it */
  tdps: z.array(z.object({ id: z.string(), name: z.string(), channel: z.enum(["oa-group", "sandbox", "share"]) })),
  /** the named policies they hold (bot-server lib/policies.ts) */
  policies: z.array(z.string()),
  /** the ward's quiet hours, ward time: non-urgent messages wait until they end */
  quietHours: z.object({ start: HhMm, end: HhMm }),
});
export type StaffMe = z.infer<typeof StaffMeSchema>;
