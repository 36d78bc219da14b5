// The OA API's `access_token` header (ZALO.md §1.3: a bare header, not Authorization). The
// sandbox accepts the one configured token; refresh and rotation come later.
import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { sendZaloFailure, ZALO_FAILURES } from "../zalo-envelope.ts";

export function requireOaAccessToken(expected: string): RequestHandler {
  const want = Buffer.from(expected, "utf8");
  return (req, res, next) => {
    const given = Buffer.from(req.get("access_token") ?? "", "utf8");
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      return sendZaloFailure(res, ZALO_FAILURES.invalidAccessToken);
    }
    next();
  };
}
