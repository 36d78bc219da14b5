// Who may do what, in one place (DESIGN.md "Identity, roles, privacy"): routes ask for a
// named policy and the TDPs (tổ dân phố) they touch; nothing else tests roles.
import type { Db } from "../db/database.ts";
import { findStaff, type StaffRecord } from "../db/staff.ts";
import { AppError } from "./errors.ts";

export const POLICIES = [
  /** create and edit weekly classes, cancel a class date */
  "class:manage",
  /** write announcements to groups and read their delivery reports */
  "broadcast:send",
  /** read progress reports */
  "report:view",
  /** download the quarterly report */
  "report:export",
  /** make someone a facilitator or an admin */
  "role:grant",
  /** change the ward's reminder times and quiet hours */
  "ward:configure",
  /** read the audit log of privileged actions */
  "audit:view",
] as const;
export type Policy = (typeof POLICIES)[number];

/** Policies whose scope is a set of TDPs: a facilitator holds them for their own TDPs. */
const FACILITATOR_POLICIES: ReadonlySet<Policy> = new Set(["class:manage", "broadcast:send", "report:view"]);

export interface Staff extends StaffRecord {
  /** every policy this person holds, for any TDP */
  policies: Policy[];
}

/** The signed-in user's staff record with their policies, or undefined for a learner. */
export function loadStaff(db: Db, userId: number): Staff | undefined {
  const record = findStaff(db, userId);
  if (!record) return undefined;
  const policies = record.role === "admin" ? [...POLICIES] : POLICIES.filter((p) => FACILITATOR_POLICIES.has(p));
  return { ...record, policies };
}

/** Whether `staff` holds `policy` for every TDP in `tdpIds` (none given: for some TDP). */
export function allows(staff: Staff | undefined, policy: Policy, tdpIds: readonly string[] = []): boolean {
  if (!staff || !staff.policies.includes(policy)) return false;
  if (staff.role === "admin") return true;
  return tdpIds.every((id) => staff.tdpIds.includes(id));
}

/**
 * The staff member if they hold `policy` for all of `tdpIds`; otherwise 403 naming the
 * policy and the TDPs outside their scope. A learner (no staff row) gets 403 too.
 */
export function authorize(db: Db, userId: number, policy: Policy, tdpIds: readonly string[] = []): Staff {
  const staff = loadStaff(db, userId);
  if (!staff || !staff.policies.includes(policy)) {
    throw new AppError("forbidden", `This needs the "${policy}" permission, which your account does not have`);
  }
  const outside = staff.role === "admin" ? [] : tdpIds.filter((id) => !staff.tdpIds.includes(id));
  if (outside.length > 0) {
    throw new AppError(
      "forbidden",
      `"${policy}" is not yours for these tổ dân phố: ${[...new Set(outside)].join(", ")}`,
    );
  }
  return staff;
}

/** The TDPs `staff` may act on with `policy`: all of `allTdpIds` for an admin. */
export function scopeOf(staff: Staff, policy: Policy, allTdpIds: readonly string[]): string[] {
  if (!staff.policies.includes(policy)) return [];
  return staff.role === "admin" ? [...allTdpIds] : staff.tdpIds.filter((id) => allTdpIds.includes(id));
}
