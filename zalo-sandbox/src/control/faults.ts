// Control routes for injected faults (ours, not Zalo's): a test switches one on, lists what is
// active, and clears one or all. See faults/fault-registry.ts for what each kind does.
import { Router } from "express";
import { z } from "zod";
import { FAULT_ENDPOINTS, FAULT_KINDS, type FaultRegistry } from "../faults/fault-registry.ts";
import { GROUP_ID } from "../ids.ts";
import { ControlError } from "./control-error.ts";
import { parseBody } from "./event-delivery.ts";

/** Ten minutes: longer than any client timeout worth testing. */
export const MAX_FAULT_DELAY_MS = 600_000;

const FaultSchema = z.strictObject({
  endpoint: z.enum(FAULT_ENDPOINTS, { error: `must be one of ${FAULT_ENDPOINTS.join(", ")}` }),
  kind: z.enum(FAULT_KINDS, { error: `must be one of ${FAULT_KINDS.join(", ")}` }),
  times: z.int({ error: "must be a whole number, or null for until deleted" }).min(1).max(1_000_000).nullable().optional(),
  delayMs: z.int({ error: "must be a whole number of milliseconds" }).min(0).max(MAX_FAULT_DELAY_MS).optional(),
  groupId: z.string().regex(GROUP_ID, { error: "must be 1–64 letters, digits, _ or -" }).optional(),
  userId: z.string().min(1).max(64).optional(),
});

export function faultRoutes(faults: FaultRegistry): Router {
  const router = Router();

  router.post("/faults", (req, res) => {
    const fault = faults.add(parseBody(FaultSchema, req.body, "fault"));
    res.status(201).json({ id: fault.id, endpoint: fault.endpoint, kind: fault.kind, remaining: fault.remaining });
  });

  router.get("/faults", (_req, res) => {
    res.json({ faults: faults.list() });
  });

  router.delete("/faults", (_req, res) => {
    res.json({ deleted: faults.clear() });
  });

  router.delete("/faults/:id", (req, res) => {
    if (!faults.remove(req.params.id)) throw new ControlError(404, "not_found", `No active fault ${req.params.id}`);
    res.json({ deleted: 1 });
  });

  return router;
}
