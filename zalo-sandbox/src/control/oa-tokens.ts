// Control routes for the OA's OAuth tokens (ours, not Zalo's): see which access tokens exist
// (never whole), and revoke them all, as when an admin removes the app's access: every OA
// call then answers -216 until a refresh issues a new token.
import { Router } from "express";
import type { SandboxStore } from "../store.ts";

export function oaTokenRoutes(store: SandboxStore): Router {
  const router = Router();
  router.get("/oa/tokens", (_req, res) => {
    res.json(store.oaTokens.summary());
  });
  router.post("/oa/tokens/revoke", (_req, res) => {
    res.json({ revoked: store.oaTokens.revokeAll() });
  });
  return router;
}
