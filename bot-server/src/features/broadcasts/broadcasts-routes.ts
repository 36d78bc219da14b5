// /api/v1/announcements: a facilitator's announcements to their TDP groups and the delivery
// report of each (docs/API.md "Announcements"). Every route needs a session and the
// "broadcast:send" policy; a learner gets 403 before their input is even read.
import { CreateAnnouncementRequestSchema } from "@hocso/shared/announcements";
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody, parseInput } from "../../lib/validate.ts";
import {
  broadcaster,
  cancelAnnouncement,
  createAnnouncement,
  listAnnouncements,
  markShared,
  readAnnouncement,
  type BroadcastsDeps,
} from "./broadcasts-service.ts";

const AnnouncementIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, { error: "an announcement id (a whole number) from GET /api/v1/announcements" })
  .transform(Number);

const AnnouncementParamsSchema = z.object({ id: AnnouncementIdSchema });
const DeliveryParamsSchema = z.object({ id: AnnouncementIdSchema, tdpId: z.string().min(1).max(64) });

export function broadcastsRoutes(deps: BroadcastsDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  const noStore = { "Cache-Control": "private, no-store" };

  router
    .route("/announcements")
    .get(deps.requireSession, (_req, res) => {
      const items = listAnnouncements(deps, sessionUserId(res));
      res.set(noStore).json({ items });
    })
    .post(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      broadcaster(deps, userId);
      const request = parseBody(CreateAnnouncementRequestSchema, req.body);
      const announcement = createAnnouncement(deps, userId, request);
      req.log.info(
        { userId, announcementId: announcement.id, groups: announcement.deliveries.length, urgent: request.urgent },
        "announcement created",
      );
      res.status(201).set(noStore).json(announcement);
    })
    .all(onlyMethods("GET", "POST"));

  router
    .route("/announcements/:id")
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      broadcaster(deps, userId);
      const { id } = parseInput(AnnouncementParamsSchema, req.params);
      res.set(noStore).json(readAnnouncement(deps, userId, id));
    })
    .all(onlyMethods("GET"));

  router
    .route("/announcements/:id/cancel")
    .post(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      broadcaster(deps, userId);
      const { id } = parseInput(AnnouncementParamsSchema, req.params);
      const announcement = cancelAnnouncement(deps, userId, id);
      req.log.info({ userId, announcementId: id }, "announcement cancelled");
      res.set(noStore).json(announcement);
    })
    .all(onlyMethods("POST"));

  router
    .route("/announcements/:id/deliveries/:tdpId/shared")
    .post(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      broadcaster(deps, userId);
      const { id, tdpId } = parseInput(DeliveryParamsSchema, req.params);
      const announcement = markShared(deps, userId, id, tdpId);
      req.log.info({ userId, announcementId: id, tdpId }, "announcement shared by hand");
      res.set(noStore).json(announcement);
    })
    .all(onlyMethods("POST"));

  return router;
}
