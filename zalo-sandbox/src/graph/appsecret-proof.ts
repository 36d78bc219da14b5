// appsecret_proof = hex(HMAC-SHA256(key = app secret, message = access token)), the value
// Zalo's official PHP SDK sends with every graph call (ZALO.md §4.4).
import { createHmac, timingSafeEqual } from "node:crypto";

export function appsecretProof(appSecret: string, accessToken: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex");
}

/** Compared in constant time so a caller cannot learn the proof byte by byte. */
export function isValidAppsecretProof(appSecret: string, accessToken: string, given: string): boolean {
  const expected = Buffer.from(appsecretProof(appSecret, accessToken), "utf8");
  const actual = Buffer.from(given.toLowerCase(), "utf8");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
