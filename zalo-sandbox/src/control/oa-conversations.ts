// Reading back what was said: both directions of a user's chat with the Official Account, or
// of a group, oldest first. Tests check what the bot server sent here.
import { Router } from "express";
import type { SandboxStore } from "../store.ts";
import { requireUser } from "./event-delivery.ts";
import { requireGroupId } from "./oa-events.ts";

export function oaConversationRoutes(store: SandboxStore): Router {
  const router = Router();

  router.get("/oa/users/:id/conversation", (req, res) => {
    const user = requireUser(store, req.params.id);
    res.json(store.userConversation(user.id));
  });

  /** Oldest first; [] for a group nobody has written in, or one the sandbox does not know. */
  router.get("/oa/groups/:groupId/conversation", (req, res) => {
    requireGroupId(req.params.groupId);
    res.json(store.groupConversation(req.params.groupId));
  });

  return router;
}
