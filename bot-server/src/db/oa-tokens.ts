// The OA's OAuth pair (table oa_tokens, one row): what the token manager keeps across
// restarts. The refresh token is single-use and rotates, so the row is replaced whole, in one
// statement, before a new access token is used (ZALO.md §1.2).
import type { Db } from "./database.ts";

export interface StoredOaTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO instant the access token stops working */
  accessExpiresAt: string;
  /** sha256 (hex) of the configured refresh token this chain started from */
  seedHash: string;
  /** ISO instant of the last refresh, or of the seeding */
  refreshedAt: string;
}

interface Row {
  access_token: string;
  refresh_token: string;
  access_expires_at: string;
  seed_hash: string;
  refreshed_at: string;
}

export function findOaTokens(db: Db): StoredOaTokens | undefined {
  const row = db
    .prepare("SELECT access_token, refresh_token, access_expires_at, seed_hash, refreshed_at FROM oa_tokens WHERE id = 1")
    .get() as Row | undefined;
  return (
    row && {
      accessToken: row.access_token,
      refreshToken: row.refresh_token,
      accessExpiresAt: row.access_expires_at,
      seedHash: row.seed_hash,
      refreshedAt: row.refreshed_at,
    }
  );
}

/** Replaces the pair. One statement is one transaction: the new pair is stored whole or not at all. */
export function saveOaTokens(db: Db, tokens: StoredOaTokens): void {
  db.prepare(
    `INSERT INTO oa_tokens (id, access_token, refresh_token, access_expires_at, seed_hash, refreshed_at)
     VALUES (1, @accessToken, @refreshToken, @accessExpiresAt, @seedHash, @refreshedAt)
     ON CONFLICT (id) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
       access_expires_at = excluded.access_expires_at, seed_hash = excluded.seed_hash,
       refreshed_at = excluded.refreshed_at`,
  ).run(tokens);
}
