// Learners as stored. The internal integer id is what every other table and every log uses.
import type { AgeBand, Audience } from "@hocso/shared/learner";
import type { Db } from "./database.ts";

export interface User {
  id: number;
  zaloId: string;
  displayName: string | null;
  tdpId: string | null;
  audience: Audience | null;
  ageBand: AgeBand | null;
  guardianConfirmed: boolean;
  /** the learner's own "I am certified" date (YYYY-MM-DD), or null */
  certifiedOn: string | null;
  /** their OA-scoped id once a signed OA event linked it (sender.id of their messages to the OA), or null */
  oaScopedId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The profile fields a learner may set; undefined leaves a field as it is. */
export interface ProfileChanges {
  displayName?: string | null;
  tdpId?: string;
  audience?: Audience;
  ageBand?: AgeBand;
  guardianConfirmed?: boolean;
  certifiedOn?: string | null;
}

interface UserRow {
  id: number;
  zalo_id: string;
  display_name: string | null;
  tdp_id: string | null;
  audience: Audience | null;
  age_band: AgeBand | null;
  guardian_confirmed: 0 | 1;
  certified_on: string | null;
  oa_user_id: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  "id, zalo_id, display_name, tdp_id, audience, age_band, guardian_confirmed, certified_on, oa_user_id, created_at, updated_at";

function toUser(row: UserRow): User {
  return {
    id: row.id,
    zaloId: row.zalo_id,
    displayName: row.display_name,
    tdpId: row.tdp_id,
    audience: row.audience,
    ageBand: row.age_band,
    guardianConfirmed: row.guardian_confirmed === 1,
    certifiedOn: row.certified_on,
    oaScopedId: row.oa_user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findUserById(db: Db, id: number): User | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  return row && toUser(row);
}

export function findUserByZaloId(db: Db, zaloId: string): User | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM users WHERE zalo_id = ?`).get(zaloId) as UserRow | undefined;
  return row && toUser(row);
}

/** Creates the learner for a Zalo id, or returns the existing one; `created` says which. */
export function findOrCreateUser(db: Db, zaloId: string, now: Date): { user: User; created: boolean } {
  const at = now.toISOString();
  const inserted = db
    .prepare(
      `INSERT INTO users (zalo_id, created_at, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (zalo_id) DO NOTHING RETURNING ${COLUMNS}`,
    )
    .get(zaloId, at, at) as UserRow | undefined;
  if (inserted) return { user: toUser(inserted), created: true };
  const existing = findUserByZaloId(db, zaloId);
  if (!existing) throw new Error(`user for a Zalo id vanished between insert and select`);
  return { user: existing, created: false };
}

const PROFILE_COLUMNS: Record<keyof ProfileChanges, string> = {
  displayName: "display_name",
  tdpId: "tdp_id",
  audience: "audience",
  ageBand: "age_band",
  guardianConfirmed: "guardian_confirmed",
  certifiedOn: "certified_on",
};

/** Writes the given fields; updated_at moves only when a value actually changes. */
export function updateProfile(db: Db, userId: number, changes: ProfileChanges, now: Date): void {
  const entries = (Object.keys(PROFILE_COLUMNS) as Array<keyof ProfileChanges>)
    .filter((key) => changes[key] !== undefined)
    .map((key) => {
      const value = changes[key];
      return [PROFILE_COLUMNS[key], typeof value === "boolean" ? Number(value) : value] as const;
    });
  if (entries.length === 0) return;
  const sets = entries.map(([column]) => `${column} = ?`).join(", ");
  const differs = entries.map(([column]) => `${column} IS NOT ?`).join(" OR ");
  const values = entries.map(([, value]) => value ?? null);
  db.prepare(`UPDATE users SET ${sets}, updated_at = ? WHERE id = ? AND (${differs})`).run(
    ...values,
    now.toISOString(),
    userId,
    ...values,
  );
}

/**
 * Deletes the learner. Every table holding a user_id references users ON DELETE CASCADE,
 * so their consents, sessions, progress, learning events and RSVPs go in the same statement.
 */
export function deleteUser(db: Db, userId: number): boolean {
  return db.prepare("DELETE FROM users WHERE id = ?").run(userId).changes === 1;
}

/** The learner whose OA-scoped id this is (linked by a follow or a message), if any. */
export function findUserByOaUserId(db: Db, oaUserId: string): User | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM users WHERE oa_user_id = ?`).get(oaUserId) as UserRow | undefined;
  return row && toUser(row);
}

/**
 * Links an OA-scoped id to the learner: any other learner holding it loses it first (one
 * Zalo person, one account). False when it was already this learner's.
 */
export function linkOaUser(db: Db, userId: number, oaUserId: string, now: Date): boolean {
  return db.transaction(() => {
    db.prepare("UPDATE users SET oa_user_id = NULL, updated_at = ? WHERE oa_user_id = ? AND id <> ?").run(
      now.toISOString(),
      oaUserId,
      userId,
    );
    const { changes } = db
      .prepare("UPDATE users SET oa_user_id = ?, updated_at = ? WHERE id = ? AND oa_user_id IS NOT ?")
      .run(oaUserId, now.toISOString(), userId, oaUserId);
    return changes === 1;
  })();
}

/** Removes the link of an OA-scoped id (the resident unfollowed the OA); true if there was one. */
export function unlinkOaUser(db: Db, oaUserId: string, now: Date): boolean {
  const unlink = db.prepare("UPDATE users SET oa_user_id = NULL, updated_at = ? WHERE oa_user_id = ?");
  return unlink.run(now.toISOString(), oaUserId).changes === 1;
}
