// X-ZEvent-Signature: mac = hex(sha256(appId + rawBody + timestamp + OA secret key)), a plain
// SHA-256 of the concatenation, not an HMAC (ZALO.md §2.2). rawBody is the exact bytes sent.
import { createHash } from "node:crypto";

export function webhookMac(appId: string, rawBody: Buffer, timestamp: string, key: string): string {
  return createHash("sha256").update(appId).update(rawBody).update(timestamp).update(key).digest("hex");
}

export function signatureHeader(appId: string, rawBody: Buffer, timestamp: string, key: string): string {
  return `mac=${webhookMac(appId, rawBody, timestamp, key)}`;
}
