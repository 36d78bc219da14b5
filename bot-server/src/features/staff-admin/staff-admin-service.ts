// The ward office's list of staff and its changes (docs/API.md "Staff, invitations and the
// audit log"): who is a facilitator of which TDPs (tổ dân phố) and who is an admin, a change
// of role or TDPs, a role taken away. Policy "role:grant". The ward never loses its last
// admin: nobody would be left to grant anything in the app.
import type { StaffGrant, StaffMember } from "@hocso/shared/staff-admin";
import type { QuietHours } from "@hocso/shared/quiet-hours";
import type { Db } from "../../db/database.ts";
import { residentialGroupExists } from "../../db/residential-groups.ts";
import { findStaff, removeStaff, saveStaff, type StaffRecord } from "../../db/staff.ts";
import { countAdmins, listStaffDirectory } from "../../db/staff-invitations.ts";
import { audit } from "../../lib/audit.ts";
import type { Clock } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { authorize, type Staff } from "../../lib/policies.ts";

export interface StaffAdminDeps {
  db: Db;
  clock: Clock;
  /** the ward file's quiet hours, for the staff profile an accepted invitation answers */
  defaultQuietHours: QuietHours;
  /** the Zalo mini app's id, for invitation links (https://zalo.me/s/<id>/…) */
  miniAppId: string;
}

const POLICY = "role:grant";

/** The caller if they may grant roles; 403 for anyone else. Asked before their input is read. */
export function grantor({ db }: { db: Db }, userId: number): Staff {
  return authorize(db, userId, POLICY);
}

export function listStaff(deps: StaffAdminDeps, userId: number): StaffMember[] {
  grantor(deps, userId);
  return listStaffDirectory(deps.db);
}

/** 400 naming the TDPs the ward does not have; nothing is written. */
export function requireKnownTdps(db: Db, tdpIds: readonly string[]): void {
  const unknown = tdpIds.filter((id) => !residentialGroupExists(db, id));
  if (unknown.length > 0) {
    throw AppError.field("tdpIds", `no such tổ dân phố: ${unknown.join(", ")}; pick them from GET /api/v1/config`);
  }
}

function staffMemberOrThrow(db: Db, userId: number): StaffRecord {
  const member = findStaff(db, userId);
  if (!member) {
    throw new AppError(
      "not_found",
      `Account ${userId} has no staff role; invite the person with POST /api/v1/staff/invitations`,
    );
  }
  return member;
}

/** 409 when taking `member`'s admin role away would leave the ward without one. */
function keepOneAdmin(db: Db, member: StaffRecord): void {
  if (member.role === "admin" && countAdmins(db) <= 1) {
    throw new AppError(
      "conflict",
      `Account ${member.userId} is the ward's only admin: make someone else an admin first, ` +
        "or nobody could grant roles any more",
    );
  }
}

/**
 * Gives an existing staff member this role and these TDPs (replacing what they had). 400 for a
 * TDP the ward does not have, 404 for an account with no staff role, 409 for the last admin.
 */
export function changeStaff(deps: StaffAdminDeps, userId: number, targetId: number, grant: StaffGrant): StaffMember {
  const { db, clock } = deps;
  const caller = grantor(deps, userId);
  requireKnownTdps(db, grant.tdpIds);
  const member = staffMemberOrThrow(db, targetId);
  const tdpIds = [...grant.tdpIds].sort();
  const unchanged = member.role === grant.role && member.tdpIds.join("\n") === tdpIds.join("\n");
  if (!unchanged) {
    const now = clock.now();
    db.transaction(() => {
      if (grant.role !== "admin") keepOneAdmin(db, member);
      saveStaff(db, { userId: targetId, role: grant.role, tdpIds, grantedBy: caller.userId }, now);
      audit(
        db,
        caller,
        {
          action: "role.grant",
          tdpId: tdpIds,
          subject: targetId,
          details: { role: grant.role, tdpIds, previousRole: member.role, previousTdpIds: member.tdpIds },
        },
        now,
      );
    }).immediate();
  }
  return listStaffDirectory(db).find((m) => m.userId === targetId)!;
}

/** Takes the staff role away. 404 for an account with no staff role, 409 for the last admin. */
export function removeStaffRole(deps: StaffAdminDeps, userId: number, targetId: number): void {
  const { db, clock } = deps;
  const caller = grantor(deps, userId);
  const member = staffMemberOrThrow(db, targetId);
  const now = clock.now();
  db.transaction(() => {
    keepOneAdmin(db, member);
    removeStaff(db, targetId);
    audit(
      db,
      caller,
      {
        action: "role.revoke",
        tdpId: member.tdpIds,
        subject: targetId,
        details: { role: member.role, tdpIds: member.tdpIds },
      },
      now,
    );
  }).immediate();
}
