// Zalo's answer shape: HTTP 200 with `{error, message, ...}`, where a non-zero `error` is
// the failure (ZALO.md §1.3). Codes come from Zalo's published table (ZALO.md §1.7).
import type { Response } from "express";

export interface ZaloFailure {
  error: number;
  message: string;
}

/**
 * The failures the sandbox produces so far. A missing, unknown or expired user token all
 * answer -216: Zalo documents -216 as "invalid access token" and keeps -220 for an
 * expired refresh token, which belongs to the OAuth flow, not to graph calls.
 */
export const ZALO_FAILURES = {
  invalidAccessToken: { error: -216, message: "Access token is invalid" },
  invalidAppSecretProof: { error: -242, message: "appsecret_proof is invalid" },
  noInteractionIn7Days: { error: -230, message: "User has not interacted with the OA in the last 7 days" },
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
