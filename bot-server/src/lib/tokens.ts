// Session tokens are opaque random strings; only their SHA-256 is stored, so a copy of the
// database cannot be replayed as logins.
import { createHash, randomBytes } from "node:crypto";

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
