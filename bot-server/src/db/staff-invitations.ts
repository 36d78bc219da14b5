// The ward office's staff administration as stored: invitations to become staff (migration
// 008: only a code's sha256 is kept), and the reads of the staff table the office's screens
// need (every member with their display name, how many admins there are).
import type { StaffRole } from "./staff.ts";
import type { Db } from "./database.ts";

export interface StoredInvitation {
  id: number;
  role: StaffRole;
  tdpIds: string[];
  createdBy: number | null;
  createdAt: string;
  expiresAt: string;
  acceptedBy: number | null;
  acceptedAt: string | null;
  revokedAt: string | null;
}

interface InvitationRow {
  id: number;
  role: StaffRole;
  tdp_ids: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_by: number | null;
  accepted_at: string | null;
  revoked_at: string | null;
}

const INVITATION_COLUMNS =
  "id, role, tdp_ids, created_by, created_at, expires_at, accepted_by, accepted_at, revoked_at";

function toInvitation(row: InvitationRow): StoredInvitation {
  return {
    id: row.id,
    role: row.role,
    tdpIds: JSON.parse(row.tdp_ids) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedBy: row.accepted_by,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

export function insertInvitation(
  db: Db,
  invitation: {
    codeHash: string;
    role: StaffRole;
    tdpIds: readonly string[];
    createdBy: number;
    createdAt: Date;
    expiresAt: Date;
  },
): number {
  const result = db
    .prepare(
      `INSERT INTO staff_invitations (code_hash, role, tdp_ids, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      invitation.codeHash,
      invitation.role,
      JSON.stringify(invitation.tdpIds),
      invitation.createdBy,
      invitation.createdAt.toISOString(),
      invitation.expiresAt.toISOString(),
    );
  return Number(result.lastInsertRowid);
}

export function findInvitation(db: Db, id: number): StoredInvitation | undefined {
  const row = db.prepare(`SELECT ${INVITATION_COLUMNS} FROM staff_invitations WHERE id = ?`).get(id) as
    | InvitationRow
    | undefined;
  return row && toInvitation(row);
}

export function findInvitationByCodeHash(db: Db, codeHash: string): StoredInvitation | undefined {
  const row = db.prepare(`SELECT ${INVITATION_COLUMNS} FROM staff_invitations WHERE code_hash = ?`).get(codeHash) as
    | InvitationRow
    | undefined;
  return row && toInvitation(row);
}

/** Neither accepted nor revoked, and not expired at `now`; oldest first. */
export function listOpenInvitations(db: Db, now: Date): StoredInvitation[] {
  const rows = db
    .prepare(
      `SELECT ${INVITATION_COLUMNS} FROM staff_invitations
       WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY id`,
    )
    .all(now.toISOString()) as InvitationRow[];
  return rows.map(toInvitation);
}

/** Marks it accepted by `userId`, if nobody has yet and it is not revoked; false otherwise. */
export function markInvitationAccepted(db: Db, id: number, userId: number, now: Date): boolean {
  return (
    db
      .prepare(
        `UPDATE staff_invitations SET accepted_by = ?, accepted_at = ?
         WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
      )
      .run(userId, now.toISOString(), id).changes === 1
  );
}

/** Revokes it unless it was accepted or revoked already; false then. */
export function markInvitationRevoked(db: Db, id: number, now: Date): boolean {
  return (
    db
      .prepare(
        "UPDATE staff_invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
      )
      .run(now.toISOString(), id).changes === 1
  );
}

// ---- The staff table, as the office's screens read it ----

export interface StaffDirectoryRow {
  userId: number;
  role: StaffRole;
  tdpIds: string[];
  displayName: string | null;
  grantedAt: string;
}

/** Every staff member with their display name: admins first, then by account id. */
export function listStaffDirectory(db: Db): StaffDirectoryRow[] {
  const rows = db
    .prepare(
      `SELECT s.user_id, s.role, s.granted_at, u.display_name,
              (SELECT json_group_array(tdp_id) FROM (SELECT tdp_id FROM staff_tdps t
                 WHERE t.user_id = s.user_id ORDER BY tdp_id)) AS tdp_ids
       FROM staff s JOIN users u ON u.id = s.user_id
       ORDER BY s.role = 'facilitator', s.user_id`,
    )
    .all() as Array<{
    user_id: number;
    role: StaffRole;
    granted_at: string;
    display_name: string | null;
    tdp_ids: string;
  }>;
  return rows.map((r) => ({
    userId: r.user_id,
    role: r.role,
    tdpIds: JSON.parse(r.tdp_ids) as string[],
    displayName: r.display_name,
    grantedAt: r.granted_at,
  }));
}

export function countAdmins(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'admin'").get() as { n: number }).n;
}

/** The display names of these accounts that have one, by id. */
export function displayNamesOf(db: Db, userIds: readonly number[]): Map<number, string> {
  if (userIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT id, display_name FROM users
       WHERE id IN (SELECT value FROM json_each(?)) AND display_name IS NOT NULL`,
    )
    .all(JSON.stringify([...new Set(userIds)])) as Array<{ id: number; display_name: string }>;
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
