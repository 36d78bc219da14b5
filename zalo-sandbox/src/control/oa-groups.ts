// Control routes for the OA's groups (ours, not Zalo's): register or change a GMF group —
// whether the OA is in it, whether it is enabled — and list them, as GMF will answer for them.
import { Router } from "express";
import { z } from "zod";
import { GROUP_STATUSES } from "../groups.ts";
import type { SandboxStore } from "../store.ts";
import { parseBody } from "./event-delivery.ts";
import { requireGroupId } from "./oa-events.ts";

const PutGroupSchema = z.strictObject({
  name: z.string({ error: "must be a string" }).trim().min(1, { error: "must not be empty" }).max(100),
  oaInGroup: z.boolean({ error: "must be true or false" }).default(true),
  status: z.enum(GROUP_STATUSES, { error: 'must be "enabled" or "disabled"' }).default("enabled"),
});

export function oaGroupRoutes(store: SandboxStore): Router {
  const router = Router();

  router.get("/oa/groups", (_req, res) => {
    const groups = store.listGroups().map((g) => ({
      groupId: g.groupId,
      name: g.name,
      status: g.status,
      oaInGroup: g.oaInGroup,
      messageCount: store.groupConversation(g.groupId).length,
    }));
    res.json({ groups });
  });

  /** PUT replaces: a field left out takes its default again (OA in the group, enabled). */
  router.put("/oa/groups/:groupId", (req, res) => {
    requireGroupId(req.params.groupId);
    const body = parseBody(PutGroupSchema, req.body, "group");
    const { group, created } = store.putGroup(req.params.groupId, body);
    res.status(created ? 201 : 200).json(group);
  });

  return router;
}
