// Staff as stored: an admin (the ward office) or a facilitator with their TDPs (tổ dân phố).
import type { Db } from "./database.ts";

export type StaffRole = "admin" | "facilitator";

export interface StaffRecord {
  userId: number;
  role: StaffRole;
  /** a facilitator's TDPs, sorted; empty for an admin, whose scope is the whole ward */
  tdpIds: string[];
  grantedAt: string;
  grantedBy: number | null;
}

export function findStaff(db: Db, userId: number): StaffRecord | undefined {
  const row = db.prepare("SELECT user_id, role, granted_at, granted_by FROM staff WHERE user_id = ?").get(userId) as
    | { user_id: number; role: StaffRole; granted_at: string; granted_by: number | null }
    | undefined;
  if (!row) return undefined;
  const tdps = db.prepare("SELECT tdp_id FROM staff_tdps WHERE user_id = ? ORDER BY tdp_id").all(userId) as Array<{
    tdp_id: string;
  }>;
  return {
    userId: row.user_id,
    role: row.role,
    tdpIds: tdps.map((t) => t.tdp_id),
    grantedAt: row.granted_at,
    grantedBy: row.granted_by,
  };
}

/**
 * Makes the user staff with exactly this role and these TDPs (replacing what they had), in
 * one transaction. An admin's TDP list is ignored: their scope is the ward.
 */
export function saveStaff(
  db: Db,
  grant: { userId: number; role: StaffRole; tdpIds: readonly string[]; grantedBy: number | null },
  now: Date,
): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO staff (user_id, role, granted_at, granted_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, granted_at = excluded.granted_at,
         granted_by = excluded.granted_by`,
    ).run(grant.userId, grant.role, now.toISOString(), grant.grantedBy);
    db.prepare("DELETE FROM staff_tdps WHERE user_id = ?").run(grant.userId);
    if (grant.role === "facilitator") {
      const add = db.prepare("INSERT INTO staff_tdps (user_id, tdp_id) VALUES (?, ?)");
      for (const tdpId of new Set(grant.tdpIds)) add.run(grant.userId, tdpId);
    }
  })();
}

/** Takes the staff role away, TDPs included, in one transaction. */
export function removeStaff(db: Db, userId: number): boolean {
  return db.transaction(() => {
    db.prepare("DELETE FROM staff_tdps WHERE user_id = ?").run(userId);
    return db.prepare("DELETE FROM staff WHERE user_id = ?").run(userId).changes > 0;
  })();
}
