// The ward office's side of roles (docs/API.md "Staff, invitations and the audit log"): the
// staff list and its changes, invitations to become staff (a one-time code shown as a QR or
// shared as a link), and the audit log of privileged actions.
import { z } from "zod";
import { StaffMeSchema, StaffRoleSchema } from "./announcements.ts";

// ---- Invitation codes ----

/** Letters and digits nobody confuses when reading them aloud or off a screen: no 0/O, 1/I/L. */
export const INVITATION_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const INVITATION_CODE_LENGTH = 10;
/** how long an invitation can be accepted */
export const INVITATION_DAYS = 7;

/** A code as typed: spaces and dashes dropped, capitals. "k7qm-4xpa 2d" → "K7QM4XPA2D". */
export function normaliseInvitationCode(typed: string): string {
  return typed.replace(/[\s-]+/g, "").toUpperCase();
}

/** Whether `typed`, normalised, has the shape of a code (not whether one exists). */
export function isInvitationCode(typed: string): boolean {
  const code = normaliseInvitationCode(typed);
  return code.length === INVITATION_CODE_LENGTH && [...code].every((c) => INVITATION_CODE_ALPHABET.includes(c));
}

/** "K7QM 4XPA 2D": in groups of four, easier to read out and to copy. */
export function groupInvitationCode(code: string): string {
  return normaliseInvitationCode(code).replace(/(.{4})(?=.)/g, "$1 ");
}

export const InvitationCodeSchema = z
  .string({ error: `the invitation code: ${INVITATION_CODE_LENGTH} letters and digits` })
  .max(40, { error: "is too long for an invitation code" })
  .refine(isInvitationCode, {
    error: `is not an invitation code: ${INVITATION_CODE_LENGTH} letters and digits, without 0, O, 1, I or L`,
  })
  .transform(normaliseInvitationCode);

/** The path in the mini app that opens an invitation. */
export const ACCEPT_INVITATION_PATH = "/nhan-vai-tro";
export function acceptInvitationPath(code: string): string {
  return `${ACCEPT_INVITATION_PATH}?ma=${encodeURIComponent(code)}`;
}

// ---- Granting a role ----

/** role + TDPs (tổ dân phố): a facilitator needs at least one; an admin none (their scope is the ward). */
export const StaffGrantSchema = z
  .strictObject({
    role: StaffRoleSchema,
    tdpIds: z
      .array(z.string().min(1).max(64), { error: "a list of TDP ids from GET /api/v1/config" })
      .max(500, { error: "at most 500 tổ dân phố" }),
  })
  .superRefine((grant, ctx) => {
    const repeated = [...new Set(grant.tdpIds.filter((id, i) => grant.tdpIds.indexOf(id) !== i))];
    if (repeated.length > 0) {
      ctx.addIssue({ code: "custom", path: ["tdpIds"], message: `lists ${repeated.join(", ")} more than once` });
    }
    if (grant.role === "facilitator" && grant.tdpIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["tdpIds"], message: "a facilitator needs at least one tổ dân phố" });
    }
    if (grant.role === "admin" && grant.tdpIds.length > 0) {
      ctx.addIssue({ code: "custom", path: ["tdpIds"], message: "an admin's scope is the whole ward: send []" });
    }
  });
export type StaffGrant = z.infer<typeof StaffGrantSchema>;

export const StaffMemberSchema = z.object({
  /** the account's id in Học Số (not the Zalo id) */
  userId: z.number().int(),
  role: StaffRoleSchema,
  /** a facilitator's TDPs, sorted; [] for an admin */
  tdpIds: z.array(z.string()),
  /** the name the person gave in their profile, if any */
  displayName: z.string().nullable(),
  grantedAt: z.string(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const StaffListSchema = z.object({ items: z.array(StaffMemberSchema) });
export type StaffList = z.infer<typeof StaffListSchema>;

// ---- Invitations ----

export const OpenInvitationSchema = z.object({
  id: z.number().int(),
  role: StaffRoleSchema,
  tdpIds: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type OpenInvitation = z.infer<typeof OpenInvitationSchema>;

export const InvitationListSchema = z.object({ items: z.array(OpenInvitationSchema) });

/** What POST /api/v1/staff/invitations answers: the only time the code is seen. */
export const CreatedInvitationSchema = OpenInvitationSchema.extend({
  code: z.string(),
  /** the mini app's path that opens it: /nhan-vai-tro?ma=<code> */
  path: z.string(),
  /** the same page as a Zalo link, for a chat or a QR */
  zaloLink: z.string(),
});
export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;

export const InvitationPreviewSchema = z.object({
  role: StaffRoleSchema,
  tdps: z.array(z.object({ id: z.string(), name: z.string() })),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const InvitationPreviewQuerySchema = z.strictObject({ code: InvitationCodeSchema });
export const AcceptInvitationRequestSchema = z.strictObject({ code: InvitationCodeSchema });
export type AcceptInvitationRequest = z.input<typeof AcceptInvitationRequestSchema>;

/** What accepting answers: the new staff profile, as GET /api/v1/staff/me. */
export const AcceptedInvitationSchema = StaffMeSchema;

/**
 * Why a code cannot be used, in a 404's `error.fields[0].message` (path "code"), so the
 * mini app can say it in words.
 */
export const InvitationRefusalSchema = z.enum(["unknown", "expired", "used", "revoked"]);
export type InvitationRefusal = z.infer<typeof InvitationRefusalSchema>;

/** The refusal a 404 body names, or null for any other answer. */
export function invitationRefusalOf(
  fields: ReadonlyArray<{ path: string; message: string }>,
): InvitationRefusal | null {
  const parsed = InvitationRefusalSchema.safeParse(fields.find((f) => f.path === "code")?.message);
  return parsed.success ? parsed.data : null;
}

// ---- The audit log ----

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 100;

export const AuditQuerySchema = z.strictObject({
  /** the previous page's nextBefore: entries older than it */
  before: z.coerce.number({ error: "an entry id from nextBefore" }).int().positive().optional(),
  limit: z.coerce
    .number({ error: `a whole number, 1–${AUDIT_PAGE_MAX}` })
    .int({ error: `a whole number, 1–${AUDIT_PAGE_MAX}` })
    .min(1, { error: `a whole number, 1–${AUDIT_PAGE_MAX}` })
    .max(AUDIT_PAGE_MAX, { error: `a whole number, 1–${AUDIT_PAGE_MAX}` })
    .default(AUDIT_PAGE_DEFAULT),
});

export const AuditActorRoleSchema = z.enum(["admin", "facilitator", "operator"]);

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  /** null: the command line, or an account deleted since */
  actorId: z.number().int().nullable(),
  /** the actor's role when they acted */
  actorRole: AuditActorRoleSchema,
  /** the actor's display name, if they gave one */
  actorName: z.string().nullable(),
  /** a dotted name: "role.grant", "class.create"… (docs/API.md lists them) */
  action: z.string(),
  /** the TDP acted on, when there is exactly one */
  tdpId: z.string().nullable(),
  /** what was acted on: a class id, an announcement id, an account id… */
  subject: z.string().nullable(),
  /** ids and counts, never personal text */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** ask ?before=<this> for older entries; null when there are none */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
