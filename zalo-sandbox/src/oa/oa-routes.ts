// Zalo's Official Account API (openapi.zalo.me `/v3.0/oa/...`) as the sandbox answers it.
// Each endpoint reads its body first without judging it (so guards can see which group or
// user a request is for), runs its guards, checks the access_token, and only then reports a
// broken body — with Zalo's envelope, not the control API's error shape.
import { Router } from "express";
import type { EndpointGuards } from "../endpoint-guards.ts";
import type { SandboxStore } from "../store.ts";
import { bodyErrorsAsZaloFailures, readJsonQuietly, reportBodyError } from "../zalo-json-body.ts";
import { readGroupConversation } from "./group-conversation.ts";
import { listGroupsOfOa } from "./group-list.ts";
import { sendCsMessage } from "./message-cs.ts";
import { sendGroupMessage } from "./message-group.ts";
import { requireOaAccessToken } from "./oa-access-token.ts";

export interface OaRouteDeps {
  store: SandboxStore;
  now: () => number;
  oa: { oaId: string; name: string };
  guards: EndpointGuards;
}

export function oaRoutes({ store, now, oa, guards }: OaRouteDeps): Router {
  const router = Router();
  const authorised = requireOaAccessToken(store.oaTokens);
  const readJson = readJsonQuietly(64);
  router.post(
    "/v3.0/oa/message/cs",
    readJson,
    ...guards("oa.message.cs"),
    authorised,
    reportBodyError,
    sendCsMessage({ store, now }),
  );
  router.post(
    "/v3.0/oa/group/message",
    readJson,
    ...guards("oa.group.message"),
    authorised,
    reportBodyError,
    sendGroupMessage({ store, now }),
  );
  router.get("/v3.0/oa/group/getgroupsofoa", ...guards("oa.group.list"), authorised, listGroupsOfOa(store));
  router.get(
    "/v3.0/oa/group/conversation",
    ...guards("oa.group.conversation"),
    authorised,
    readGroupConversation({ store, oa }),
  );
  router.use("/v3.0/oa", bodyErrorsAsZaloFailures(64));
  return router;
}
