// Zalo OAuth v4 `POST /v4/oa/access_token` with grant_type=refresh_token (ZALO.md §1.2): the
// app's secret in a `secret_key` header, a form body, and on success a new access token (25 h,
// `expires_in` the string "90000") and a new refresh token; the one sent is spent at once.
// Only the refresh grant exists here: the sandbox has no consent screen to hand out codes.
import { timingSafeEqual } from "node:crypto";
import express, { Router, type ErrorRequestHandler, type RequestHandler } from "express";
import type { EndpointGuards } from "../endpoint-guards.ts";
import type { SandboxStore } from "../store.ts";
import { OAUTH_FAILURES, sendOauthFailure } from "./oauth-failure.ts";

export interface OauthRouteDeps {
  store: SandboxStore;
  appId: string;
  appSecret: string;
  guards: EndpointGuards;
}

const REFRESH_REASONS = {
  unknown: "refresh_token is not one the sandbox issued",
  used: "refresh_token was already used; each one works once, use the one the last refresh returned",
  expired: "refresh_token is over 3 months old",
} as const;

export function oauthRoutes({ store, appId, appSecret, guards }: OauthRouteDeps): Router {
  const router = Router();
  router.post(
    "/v4/oa/access_token",
    ...guards("oauth.access_token"),
    express.urlencoded({ extended: false, limit: "16kb" }),
    refreshAccessToken(store, appId, appSecret),
  );
  router.use("/v4/oa", formErrorsAsOauthFailures);
  return router;
}

/** Checks in this order: the form, the app id, the secret key, the grant, the refresh token. */
function refreshAccessToken(store: SandboxStore, appId: string, appSecret: string): RequestHandler {
  return (req, res) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const missing = ["refresh_token", "app_id", "grant_type"].filter((k) => typeof form[k] !== "string" || form[k] === "");
    if (missing.length > 0) {
      const hint = req.is("application/x-www-form-urlencoded") ? "" : " (send them as application/x-www-form-urlencoded)";
      return sendOauthFailure(res, OAUTH_FAILURES.invalidParameter(`missing ${missing.join(", ")}${hint}`));
    }
    if (form.app_id !== appId) {
      return sendOauthFailure(res, OAUTH_FAILURES.invalidAppId(`app_id ${String(form.app_id)} is not this sandbox's app`));
    }
    if (!sameSecret(req.get("secret_key"), appSecret)) {
      return sendOauthFailure(res, OAUTH_FAILURES.invalidSecretKey("the secret_key header is missing or not the app's secret"));
    }
    if (form.grant_type !== "refresh_token") {
      return sendOauthFailure(
        res,
        OAUTH_FAILURES.invalidParameter("grant_type must be refresh_token: the sandbox issues no authorization codes"),
      );
    }
    const result = store.oaTokens.refresh(String(form.refresh_token));
    if (!result.ok) return sendOauthFailure(res, OAUTH_FAILURES.invalidRefreshToken(REFRESH_REASONS[result.reason]));
    res.status(200).set("Cache-Control", "no-store").json({
      access_token: result.accessToken,
      refresh_token: result.refreshToken,
      expires_in: String(result.expiresIn),
    });
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "", "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

const formErrorsAsOauthFailures: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === "entity.too.large") return sendOauthFailure(res, OAUTH_FAILURES.invalidParameter("body is over 16 kB"));
  if (typeof type === "string" && type.startsWith("entity.")) {
    return sendOauthFailure(res, OAUTH_FAILURES.invalidParameter("body is not a readable form"));
  }
  next(err);
};
