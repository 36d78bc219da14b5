// X-ZEvent-Signature: mac = hex(sha256(<id> + rawBody + timestamp + <secret>)), plain SHA-256
// of the concatenation, not HMAC (ZALO.md §2.2). Sources disagree on two terms (§7.1): the
// secret (the OA Secret Key, or the App Secret) and the leading id (app_id, or oa_id). The
// configuration says which to accept; "either" tries each, and the caller logs the one that
// matched, so live traffic can settle the question.
import { createHash, timingSafeEqual } from "node:crypto";
import type { SignatureKeySetting, SignaturePrefixSetting } from "../../env.ts";

export type SignatureKey = "oa-secret" | "app-secret";
export type SignaturePrefix = "app-id" | "oa-id";

export interface SignatureSettings {
  key: SignatureKeySetting;
  prefix: SignaturePrefixSetting;
  appId: string;
  oaId: string;
  appSecret: string;
  /** null when no OA secret key is configured (WEBHOOK_SIGNATURE_KEY=app-secret) */
  oaSecretKey: string | null;
}

/** Which variant produced the signature. */
export interface SignatureMatch {
  key: SignatureKey;
  prefix: SignaturePrefix;
}

const MAC_HEADER = /^\s*(?:mac=)?([0-9a-fA-F]{64})\s*$/;

/** The hex digest from `mac=<hex>`, lower-cased, or null when the header is missing or malformed. */
export function parseSignatureHeader(header: string | undefined): string | null {
  const match = MAC_HEADER.exec(header ?? "");
  return match?.[1] ? match[1].toLowerCase() : null;
}

export function computeMac(leadingId: string, rawBody: Buffer, timestamp: string, secret: string): string {
  return createHash("sha256")
    .update(leadingId, "utf8")
    .update(rawBody)
    .update(timestamp, "utf8")
    .update(secret, "utf8")
    .digest("hex");
}

/** The variants to try, in order: the OA secret key before the app secret, the app id before the OA id. */
function variants(s: SignatureSettings): Array<SignatureMatch & { id: string; secret: string }> {
  const keys: Array<[SignatureKey, string | null]> = [
    ["oa-secret", s.key === "app-secret" ? null : s.oaSecretKey],
    ["app-secret", s.key === "oa-secret" ? null : s.appSecret],
  ];
  const prefixes: Array<[SignaturePrefix, string | null]> = [
    ["app-id", s.prefix === "oa-id" ? null : s.appId],
    ["oa-id", s.prefix === "app-id" ? null : s.oaId],
  ];
  return keys.flatMap(([key, secret]) =>
    secret === null ? [] : prefixes.flatMap(([prefix, id]) => (id === null ? [] : [{ key, prefix, id, secret }])),
  );
}

/**
 * The variant whose digest equals the given one, or null. Every allowed variant is computed
 * and compared in constant time, whichever matches, so timing says nothing about the secret.
 */
export function verifySignature(
  settings: SignatureSettings,
  givenHex: string,
  rawBody: Buffer,
  timestamp: string,
): SignatureMatch | null {
  const given = Buffer.from(givenHex, "hex");
  let matched: SignatureMatch | null = null;
  for (const v of variants(settings)) {
    const expected = Buffer.from(computeMac(v.id, rawBody, timestamp, v.secret), "hex");
    if (timingSafeEqual(expected, given) && matched === null) matched = { key: v.key, prefix: v.prefix };
  }
  return matched;
}
