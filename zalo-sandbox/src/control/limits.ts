// Control routes for the rate limits (ours, not Zalo's): read them, or change them for a test
// that wants to see -32 without making 4,000 calls.
import { Router } from "express";
import { z } from "zod";
import type { RateLimiter } from "../limits/rate-limiter.ts";
import { parseBody } from "./event-delivery.ts";

export const PER_MINUTE_MAX = 1_000_000;

const perMinute = z.int({ error: "must be a whole number" }).min(1).max(PER_MINUTE_MAX);
const PutLimitsSchema = z.strictObject({
  appPerMinute: perMinute.optional(),
  /** null: no per-group limit */
  groupPerMinute: perMinute.nullable().optional(),
});

export function limitRoutes(limiter: RateLimiter): Router {
  const router = Router();
  router.get("/limits", (_req, res) => {
    res.json(limiter.limits);
  });
  /** A field left out keeps its value. */
  router.put("/limits", (req, res) => {
    const body = parseBody(PutLimitsSchema, req.body, "limits");
    res.json(
      limiter.setLimits({
        ...(body.appPerMinute !== undefined ? { appPerMinute: body.appPerMinute } : {}),
        ...(body.groupPerMinute !== undefined ? { groupPerMinute: body.groupPerMinute } : {}),
      }),
    );
  });
  return router;
}
