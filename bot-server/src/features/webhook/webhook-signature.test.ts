// The signature check on its own: every allowed variant, in order, and nothing else.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSignatureHeader, verifySignature, type SignatureSettings } from "./webhook-signature.ts";

const body = Buffer.from('{"event_name":"follow","timestamp":"1795827600000"}');
const ts = "1795827600000";
const settings: SignatureSettings = {
  key: "either",
  prefix: "either",
  appId: "app-1",
  oaId: "2000000000000000001",
  appSecret: "app-secret-value",
  oaSecretKey: "oa-secret-value",
};

function mac(id: string, secret: string): string {
  return createHash("sha256").update(id).update(body).update(ts).update(secret).digest("hex");
}

describe("parseSignatureHeader", () => {
  it("takes mac=<64 hex>, in any case, and nothing else", () => {
    const hex = "A".repeat(64);
    expect(parseSignatureHeader(`mac=${hex}`)).toBe("a".repeat(64));
    expect(parseSignatureHeader(hex)).toBe("a".repeat(64));
    expect(parseSignatureHeader(undefined)).toBeNull();
    expect(parseSignatureHeader("mac=abc")).toBeNull();
    expect(parseSignatureHeader(`mac=${"g".repeat(64)}`)).toBeNull();
  });
});

describe("verifySignature", () => {
  it("names the variant that matched, trying the OA secret key before the app secret", () => {
    expect(verifySignature(settings, mac("app-1", "oa-secret-value"), body, ts)).toEqual({ key: "oa-secret", prefix: "app-id" });
    expect(verifySignature(settings, mac(settings.oaId, "oa-secret-value"), body, ts)).toEqual({ key: "oa-secret", prefix: "oa-id" });
    expect(verifySignature(settings, mac("app-1", "app-secret-value"), body, ts)).toEqual({ key: "app-secret", prefix: "app-id" });
    expect(verifySignature(settings, mac(settings.oaId, "app-secret-value"), body, ts)).toEqual({ key: "app-secret", prefix: "oa-id" });
  });

  it("accepts only the configured key and prefix when they are not 'either'", () => {
    const strict = { ...settings, key: "oa-secret", prefix: "app-id" } as const;
    expect(verifySignature(strict, mac("app-1", "oa-secret-value"), body, ts)).not.toBeNull();
    expect(verifySignature(strict, mac("app-1", "app-secret-value"), body, ts)).toBeNull();
    expect(verifySignature(strict, mac(settings.oaId, "oa-secret-value"), body, ts)).toBeNull();
  });

  it("never matches an absent OA secret key", () => {
    const noKey = { ...settings, oaSecretKey: null };
    expect(verifySignature(noKey, mac("app-1", ""), body, ts)).toBeNull();
    expect(verifySignature(noKey, mac("app-1", "app-secret-value"), body, ts)).toEqual({ key: "app-secret", prefix: "app-id" });
  });

  it("refuses another timestamp or another body", () => {
    const good = mac("app-1", "oa-secret-value");
    expect(verifySignature(settings, good, body, "1795827600001")).toBeNull();
    expect(verifySignature(settings, good, Buffer.concat([body, Buffer.from(" ")]), ts)).toBeNull();
  });
});
