// Zalo graph `GET /v2.0/me`: who holds this user access token. Same headers, same flat
// success body and the same HTTP-200 failures as graph.zalo.me (ZALO.md §4.4).
import { Router, type Request } from "express";
import type { EndpointGuards } from "../endpoint-guards.ts";
import { sendZaloFailure, sendZaloSuccess, ZALO_FAILURES } from "../zalo-envelope.ts";
import type { SandboxStore, SandboxUser } from "../store.ts";
import { isValidAppsecretProof } from "./appsecret-proof.ts";

export interface MeRouteDeps {
  store: SandboxStore;
  appSecret: string;
  guards: EndpointGuards;
}

const DEFAULT_FIELDS = ["id", "name"];

export function meRoutes({ store, appSecret, guards }: MeRouteDeps): Router {
  const router = Router();
  router.get("/v2.0/me", ...guards("graph.me"), (req, res) => {
    const accessToken = req.get("access_token");
    if (!accessToken) return sendZaloFailure(res, ZALO_FAILURES.invalidAccessToken);
    const proof = req.get("appsecret_proof");
    if (!proof || !isValidAppsecretProof(appSecret, accessToken, proof)) {
      return sendZaloFailure(res, ZALO_FAILURES.invalidAppSecretProof);
    }
    const found = store.lookupToken(accessToken);
    if (found.status !== "valid") return sendZaloFailure(res, ZALO_FAILURES.invalidAccessToken);
    sendZaloSuccess(res, profileFields(found.user, requestedFields(req), avatarUrl(req, found.user)));
  });
  return router;
}

function requestedFields(req: Request): string[] {
  const raw = typeof req.query.fields === "string" ? req.query.fields : "";
  const fields = raw.split(",").map((f) => f.trim()).filter(Boolean);
  return fields.length > 0 ? fields : DEFAULT_FIELDS;
}

/** Only the fields asked for, as Zalo does; `id` always comes back. */
function profileFields(user: SandboxUser, fields: string[], pictureUrl: string): Record<string, unknown> {
  const out: Record<string, unknown> = { id: user.id };
  if (fields.includes("name")) out.name = user.name;
  if (fields.includes("picture")) out.picture = { data: { url: pictureUrl } };
  return out;
}

function avatarUrl(req: Request, user: SandboxUser): string {
  return `${req.protocol}://${req.get("host") ?? "127.0.0.1"}/sandbox/avatars/${user.id}.svg`;
}
