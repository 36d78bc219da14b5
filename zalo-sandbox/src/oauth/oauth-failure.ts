// How oauth.zaloapp.com refuses: HTTP 200 with a negative `error` and `error_name`,
// `error_reason`, `error_description` instead of the OA API's `message`. The shape is what
// integrators report seeing (phithu/rn-zalo#13 quotes {"error": -1013, "error_description":
// "Invalid Parameter", "error_name": "Invalid Parameter", "error_reason": ""};
// ChatbotXIO/ChatbotX#1019: "failures with error_name / error_reason / error_description —
// sometimes with HTTP 200"). Codes (ZALO.md §1.2, §1.7 and public client code, none
// first-party): -14014 a refresh token that is unknown, used or expired, also seen for a bad
// secret key; -14002 an app id Zalo does not know as active; -14003 an invalid parameter.
import type { Response } from "express";

export interface OauthFailure {
  error: number;
  name: string;
  reason: string;
}

export const OAUTH_FAILURES = {
  invalidParameter: (reason: string): OauthFailure => ({ error: -14003, name: "Invalid parameter", reason }),
  invalidAppId: (reason: string): OauthFailure => ({ error: -14002, name: "Invalid app_id", reason }),
  invalidSecretKey: (reason: string): OauthFailure => ({ error: -14014, name: "Invalid secret key", reason }),
  invalidRefreshToken: (reason: string): OauthFailure => ({ error: -14014, name: "Invalid refresh token", reason }),
};

export function sendOauthFailure(res: Response, failure: OauthFailure): void {
  res
    .status(200)
    .set("Cache-Control", "no-store")
    .json({
      error: failure.error,
      error_name: failure.name,
      error_reason: failure.reason,
      error_description: `${failure.name}: ${failure.reason}`,
    });
}
