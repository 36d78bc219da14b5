// The audit log of privileged actions (DESIGN.md "Identity, roles, privacy"; DOMAIN.md §5.1).
// Every route that changes something under a staff policy, and every read of named learners'
// data, calls `audit` in the same transaction as its change where it has one. Entries carry
// ids and counts, never names, phone numbers or message text.
import { insertAuditRow, type AuditActorRole } from "../db/audit-log.ts";
import type { Db } from "../db/database.ts";
import type { Staff } from "./policies.ts";

/** What can be audited; docs/API.md "Audit log" explains each. */
export const AUDIT_ACTIONS = [
  "role.grant",
  "role.revoke",
  "invitation.create",
  "invitation.revoke",
  "invitation.accept",
  "class.create",
  "class.update",
  "class.cancel-date",
  "class.restore-date",
  "attendance.open",
  "attendance.record",
  "attendance.remove",
  "attendance.guests",
  "announcement.send",
  "announcement.cancel",
  "announcement.shared-by-hand",
  "reminder.shared-by-hand",
  "ward-settings.update",
  "classroom.record",
  "needs-help.view",
  "report.export",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  /** the TDP acted on, or the TDPs: the entry names a TDP only when there is exactly one */
  tdpId?: string | readonly string[] | null;
  /** what was acted on: a class id, an announcement id, a quarter, an account id */
  subject?: string | number | null;
  /** further ids and counts; never personal text */
  details?: Record<string, string | number | boolean | null | readonly string[]>;
}

function soleTdp(tdp: AuditEntry["tdpId"]): string | null {
  if (tdp === undefined || tdp === null || typeof tdp === "string") return tdp ?? null;
  return tdp.length === 1 ? tdp[0]! : null;
}

/** Records that `actor` (a staff member, or "operator" for the command line) did `entry`. */
export function audit(db: Db, actor: Staff | "operator", entry: AuditEntry, now: Date): void {
  const actorRole: AuditActorRole = actor === "operator" ? "operator" : actor.role;
  insertAuditRow(db, {
    at: now.toISOString(),
    actorId: actor === "operator" ? null : actor.userId,
    actorRole,
    action: entry.action,
    tdpId: soleTdp(entry.tdpId),
    subject: entry.subject === undefined || entry.subject === null ? null : String(entry.subject),
    details: entry.details ?? {},
  });
}
