// Login sessions, stored by the SHA-256 of their token only.
import type { Db } from "./database.ts";

export interface SessionRecord {
  tokenHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
}

export function insertSession(db: Db, session: SessionRecord): void {
  db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)").run(
    session.tokenHash,
    session.userId,
    session.createdAt,
    session.expiresAt,
  );
}

/** The session for a token hash if it has not expired at `now`. */
export function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
): { userId: number; expiresAt: string } | undefined {
  const row = db
    .prepare("SELECT user_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?")
    .get(tokenHash, now.toISOString()) as { user_id: number; expires_at: string } | undefined;
  return row && { userId: row.user_id, expiresAt: row.expires_at };
}

export function deleteExpiredSessions(db: Db, now: Date): number {
  return db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now.toISOString()).changes;
}

/** A learner's sessions, oldest first: when each started and ends (never the hash). */
export function listSessionsOf(db: Db, userId: number): Array<{ createdAt: string; expiresAt: string }> {
  return db
    .prepare("SELECT created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE user_id = ? ORDER BY created_at")
    .all(userId) as Array<{ createdAt: string; expiresAt: string }>;
}
