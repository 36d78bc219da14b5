// Zalo's answer shape: HTTP 200 with `{error, message, ...}`, where a non-zero `error` is
// the failure (ZALO.md §1.3). Codes come from Zalo's published table (ZALO.md §1.7).
import type { Response } from "express";

export interface ZaloFailure {
  error: number;
  message: string;
}

/**
 * The failures the sandbox produces. ZALO.md §1.7 lists -216 "invalid access token" and -220
 * "token expired", both remedied by a refresh: OA access tokens (25 h) answer -220 once
 * expired and -216 when unknown or revoked. User tokens on graph /me keep answering -216
 * when they expire, as docs/API.md has promised since that endpoint was written.
 */
export const ZALO_FAILURES = {
  rateLimited: { error: -32, message: "Rate limit exceeded" },
  invalidAccessToken: { error: -216, message: "Access token is invalid" },
  accessTokenExpired: { error: -220, message: "Access token has expired" },
  invalidAppSecretProof: { error: -242, message: "appsecret_proof is invalid" },
  noInteractionIn7Days: { error: -230, message: "User has not interacted with the OA in the last 7 days" },
  groupDisabled: { error: -237, message: "Group is disabled" },
  oaNotInGroup: { error: -403, message: "OA is not in this group" },
} as const satisfies Record<string, ZaloFailure>;

/** -201 "invalid param", with a message that names what was wrong. */
export function invalidParam(problem: string): ZaloFailure {
  return { error: -201, message: `Invalid parameter: ${problem}` };
}

export function sendZaloFailure(res: Response, failure: ZaloFailure): void {
  res.status(200).json({ error: failure.error, message: failure.message });
}

export function sendZaloSuccess(res: Response, fields: Record<string, unknown>): void {
  res.status(200).json({ error: 0, message: "Success", ...fields });
}
