// Zalo's Official Account API (openapi.zalo.me `/v3.0/oa/...`) as the sandbox answers it.
// Each endpoint runs its guards, then the access_token check, then its own JSON parsing, so a
// broken body still gets Zalo's envelope rather than the control API's error shape.
import express, { Router, type ErrorRequestHandler } from "express";
import type { EndpointGuards } from "../endpoint-guards.ts";
import type { SandboxStore } from "../store.ts";
import { invalidParam, sendZaloFailure } from "../zalo-envelope.ts";
import { sendCsMessage } from "./message-cs.ts";
import { sendGroupMessage } from "./message-group.ts";
import { requireOaAccessToken } from "./oa-access-token.ts";

export interface OaRouteDeps {
  store: SandboxStore;
  now: () => number;
  oaAccessToken: string;
  guards: EndpointGuards;
}

export function oaRoutes({ store, now, oaAccessToken, guards }: OaRouteDeps): Router {
  const router = Router();
  const authorised = requireOaAccessToken(oaAccessToken);
  const json = express.json({ limit: "64kb" });
  router.post("/v3.0/oa/message/cs", ...guards("oa.message.cs"), authorised, json, sendCsMessage({ store, now }));
  router.post(
    "/v3.0/oa/group/message",
    ...guards("oa.group.message"),
    authorised,
    json,
    sendGroupMessage({ store, now }),
  );
  router.use("/v3.0/oa", bodyErrorsAsZaloFailures);
  return router;
}

/** A body that is not JSON, or too big, is an invalid parameter to Zalo (-201), on HTTP 200. */
const bodyErrorsAsZaloFailures: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === "entity.parse.failed") return sendZaloFailure(res, invalidParam("body is not valid JSON"));
  if (type === "entity.too.large") return sendZaloFailure(res, invalidParam("body is over 64 kB"));
  next(err);
};
