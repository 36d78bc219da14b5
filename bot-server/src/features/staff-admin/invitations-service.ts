// Invitations to become staff (docs/API.md "Staff, invitations and the audit log"). An admin
// knows nobody's Zalo id, so they pick a role and TDPs (tổ dân phố) and get a one-time code to
// show as a QR or share as a link; the invited person opens it in the mini app, sees what they
// will get, and accepts. Only the code's sha256 is stored; it is good for INVITATION_DAYS.
import { miniAppLink } from "@hocso/shared/mini-app-links";
import { randomInt } from "node:crypto";
import type { StaffMe } from "@hocso/shared/announcements";
import {
  acceptInvitationPath,
  INVITATION_CODE_ALPHABET,
  INVITATION_CODE_LENGTH,
  INVITATION_DAYS,
  type CreatedInvitation,
  type InvitationPreview,
  type InvitationRefusal,
  type OpenInvitation,
  type StaffGrant,
} from "@hocso/shared/staff-admin";
import { listResidentialGroups } from "../../db/residential-groups.ts";
import { saveStaff } from "../../db/staff.ts";
import {
  findInvitation,
  findInvitationByCodeHash,
  insertInvitation,
  listOpenInvitations,
  markInvitationAccepted,
  markInvitationRevoked,
  type StoredInvitation,
} from "../../db/staff-invitations.ts";
import { audit } from "../../lib/audit.ts";
import { addDays } from "../../lib/clock.ts";
import { AppError } from "../../lib/errors.ts";
import { loadStaff } from "../../lib/policies.ts";
import { hashToken } from "../../lib/tokens.ts";
import { staffProfile } from "../staff/staff-service.ts";
import { grantor, requireKnownTdps, type StaffAdminDeps } from "./staff-admin-service.ts";

/** ~50 bits from an alphabet without look-alikes; guessing is also rate limited per account. */
export function newInvitationCode(): string {
  const letters = INVITATION_CODE_ALPHABET;
  return Array.from({ length: INVITATION_CODE_LENGTH }, () => letters[randomInt(letters.length)]).join("");
}

function openView(i: StoredInvitation): OpenInvitation {
  return { id: i.id, role: i.role, tdpIds: i.tdpIds, createdAt: i.createdAt, expiresAt: i.expiresAt };
}

export function createInvitation(deps: StaffAdminDeps, userId: number, grant: StaffGrant): CreatedInvitation {
  const { db, clock, miniAppId } = deps;
  const caller = grantor(deps, userId);
  requireKnownTdps(db, grant.tdpIds);
  const tdpIds = [...grant.tdpIds].sort();
  const now = clock.now();
  const code = newInvitationCode();
  const id = db.transaction(() => {
    const invitationId = insertInvitation(db, {
      codeHash: hashToken(code),
      role: grant.role,
      tdpIds,
      createdBy: caller.userId,
      createdAt: now,
      expiresAt: addDays(now, INVITATION_DAYS),
    });
    const entry = { tdpId: tdpIds, subject: invitationId, details: { role: grant.role, tdpIds } };
    audit(db, caller, { action: "invitation.create", ...entry }, now);
    return invitationId;
  })();
  const path = acceptInvitationPath(code);
  return {
    ...openView(findInvitation(db, id)!),
    code,
    path,
    zaloLink: miniAppLink(miniAppId, path),
  };
}

/** Invitations nobody has accepted yet, that are not revoked nor expired; oldest first. */
export function listInvitations(deps: StaffAdminDeps, userId: number): OpenInvitation[] {
  grantor(deps, userId);
  return listOpenInvitations(deps.db, deps.clock.now()).map(openView);
}

/** Revokes an invitation not accepted yet. Revoking it again changes nothing. */
export function revokeInvitation(deps: StaffAdminDeps, userId: number, id: number): void {
  const { db, clock } = deps;
  const caller = grantor(deps, userId);
  const invitation = findInvitation(db, id);
  if (!invitation) {
    throw new AppError("not_found", `There is no invitation ${id}; list them with GET /api/v1/staff/invitations`);
  }
  if (invitation.acceptedAt !== null) {
    throw new AppError(
      "conflict",
      `Invitation ${id} was accepted already; take the role away with ` +
        `DELETE /api/v1/staff/${invitation.acceptedBy ?? "<userId>"}`,
    );
  }
  const now = clock.now();
  db.transaction(() => {
    if (!markInvitationRevoked(db, id, now)) return;
    const entry = { tdpId: invitation.tdpIds, subject: id, details: { role: invitation.role } };
    audit(db, caller, { action: "invitation.revoke", ...entry }, now);
  })();
}

const REFUSALS: Record<InvitationRefusal, string> = {
  unknown: "No invitation has this code; check it letter by letter, or ask the ward office for a new one",
  expired: "This invitation has expired; ask the ward office for a new one",
  used: "This invitation has been used already; each code works once",
  revoked: "This invitation was cancelled by the ward office",
};

/** 404 whose field "code" names why (unknown, expired, used, revoked), for the mini app to say it. */
function refused(why: InvitationRefusal): AppError {
  return new AppError("not_found", REFUSALS[why], [{ path: "code", message: why }]);
}

/** The invitation behind a code if it can still be accepted at `now`; else the 404 saying why. */
function usableInvitation(deps: StaffAdminDeps, code: string, now: Date): StoredInvitation {
  const invitation = findInvitationByCodeHash(deps.db, hashToken(code));
  if (!invitation) throw refused("unknown");
  if (invitation.acceptedAt !== null) throw refused("used");
  if (invitation.revokedAt !== null) throw refused("revoked");
  if (Date.parse(invitation.expiresAt) <= now.getTime()) throw refused("expired");
  return invitation;
}

/** What the invited person will get, for them to read before accepting. Any signed-in account. */
export function previewInvitation(deps: StaffAdminDeps, code: string): InvitationPreview {
  const invitation = usableInvitation(deps, code, deps.clock.now());
  const names = new Map(listResidentialGroups(deps.db).map((g) => [g.id, g.name]));
  return {
    role: invitation.role,
    tdps: invitation.tdpIds.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Makes the caller staff as the invitation says, granted by the admin who invited them, and
 * answers their new staff profile. A facilitator invited to more TDPs keeps the ones they had.
 * 409 for an admin (their scope is the ward already); the invitation stays open then.
 */
export function acceptInvitation(deps: StaffAdminDeps, userId: number, code: string): StaffMe {
  const { db, clock } = deps;
  const now = clock.now();
  const invitation = usableInvitation(deps, code, now);
  const current = loadStaff(db, userId);
  if (current?.role === "admin") {
    throw new AppError(
      "conflict",
      "You are an admin already, which covers the whole ward; " +
        "the invitation stays open for the person it was meant for",
    );
  }
  const known = new Set(listResidentialGroups(db).map((g) => g.id));
  const invited = invitation.tdpIds.filter((id) => known.has(id));
  const kept = current?.tdpIds ?? [];
  const tdpIds = invitation.role === "admin" ? [] : [...new Set([...kept, ...invited])].sort();
  if (invitation.role === "facilitator" && invited.length === 0) {
    throw new AppError("conflict", "The tổ dân phố of this invitation are no longer in the ward; ask for a new one");
  }
  db.transaction(() => {
    if (!markInvitationAccepted(db, invitation.id, userId, now)) throw refused("used");
    saveStaff(db, { userId, role: invitation.role, tdpIds, grantedBy: invitation.createdBy }, now);
    audit(
      db,
      loadStaff(db, userId)!,
      {
        action: "invitation.accept",
        tdpId: invited,
        subject: invitation.id,
        details: { role: invitation.role, tdpIds: invited, invitedBy: invitation.createdBy },
      },
      now,
    );
  }).immediate();
  return staffProfile(deps, userId);
}
