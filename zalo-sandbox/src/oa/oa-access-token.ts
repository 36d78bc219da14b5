// The OA API's `access_token` header (ZALO.md §1.3: a bare header, not Authorization),
// checked against the OA's OAuth tokens: unknown or revoked answers -216, expired -220.
import type { RequestHandler } from "express";
import { sendZaloFailure, ZALO_FAILURES } from "../zalo-envelope.ts";
import type { OaTokens } from "./oa-tokens.ts";

export function requireOaAccessToken(tokens: OaTokens): RequestHandler {
  return (req, res, next) => {
    const check = tokens.check(req.get("access_token") ?? "");
    if (check === "expired") return sendZaloFailure(res, ZALO_FAILURES.accessTokenExpired);
    if (check !== "valid") return sendZaloFailure(res, ZALO_FAILURES.invalidAccessToken);
    next();
  };
}
