// The ward office's routes for roles (docs/API.md "Staff, invitations and the audit log"):
// GET /api/v1/staff, PUT and DELETE /api/v1/staff/:userId, GET and POST
// /api/v1/staff/invitations, DELETE /api/v1/staff/invitations/:id ("role:grant"); GET
// …/invitations/preview and POST …/invitations/accept (any signed-in account, guesses rate
// limited); GET /api/v1/audit ("audit:view"). GET /api/v1/staff/me is features/staff's.
import {
  AcceptInvitationRequestSchema,
  AuditQuerySchema,
  InvitationPreviewQuerySchema,
  StaffGrantSchema,
} from "@hocso/shared/staff-admin";
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import { sessionUserId } from "../../lib/authenticate.ts";
import { onlyMethods } from "../../lib/http.ts";
import { parseBody, parseInput } from "../../lib/validate.ts";
import { readAuditLog, auditReader } from "./audit-view-service.ts";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "./invitations-service.ts";
import { changeStaff, grantor, listStaff, removeStaffRole, type StaffAdminDeps } from "./staff-admin-service.ts";
import { wrongCodeLimiter } from "../../lib/wrong-code-limit.ts";

/** Wrong codes an account may try before it must wait: a code has ~50 bits, this keeps guessing hopeless. */
export const INVITATION_GUESSES = { windowMs: 15 * 60_000, limit: 10 };

const WholeNumber = /^[1-9]\d{0,14}$/;
const UserParamsSchema = z.object({
  userId: z
    .string()
    .regex(WholeNumber, { error: "an account id (a whole number) from GET /api/v1/staff" })
    .transform(Number),
});
const InvitationParamsSchema = z.object({
  id: z
    .string()
    .regex(WholeNumber, { error: "an invitation id (a whole number) from GET /api/v1/staff/invitations" })
    .transform(Number),
});

export function staffAdminRoutes(deps: StaffAdminDeps & { requireSession: RequestHandler }): Router {
  const router = Router();
  const noStore = { "Cache-Control": "private, no-store" };
  const guesses = wrongCodeLimiter(
    INVITATION_GUESSES,
    "Too many wrong invitation codes from this account; wait 15 minutes",
  );

  router
    .route("/staff")
    .get(deps.requireSession, (_req, res) => {
      res.set(noStore).json({ items: listStaff(deps, sessionUserId(res)) });
    })
    .all(onlyMethods("GET"));

  router
    .route("/staff/invitations")
    .get(deps.requireSession, (_req, res) => {
      res.set(noStore).json({ items: listInvitations(deps, sessionUserId(res)) });
    })
    .post(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      grantor(deps, userId);
      const grant = parseBody(StaffGrantSchema, req.body);
      const invitation = createInvitation(deps, userId, grant);
      const { id: invitationId, role, tdpIds } = invitation;
      req.log.info({ userId, invitationId, role, tdpIds }, "invitation created");
      res.status(201).set(noStore).json(invitation);
    })
    .all(onlyMethods("GET", "POST"));

  router
    .route("/staff/invitations/preview")
    .get(deps.requireSession, guesses, (req, res) => {
      const { code } = parseInput(InvitationPreviewQuerySchema, req.query);
      res.set(noStore).json(previewInvitation(deps, code));
    })
    .all(onlyMethods("GET"));

  router
    .route("/staff/invitations/accept")
    .post(deps.requireSession, guesses, (req, res) => {
      const userId = sessionUserId(res);
      const { code } = parseBody(AcceptInvitationRequestSchema, req.body);
      const profile = acceptInvitation(deps, userId, code);
      req.log.info({ userId, role: profile.role }, "invitation accepted");
      res.set(noStore).json(profile);
    })
    .all(onlyMethods("POST"));

  router
    .route("/staff/invitations/:id")
    .delete(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      grantor(deps, userId);
      const { id } = parseInput(InvitationParamsSchema, req.params);
      revokeInvitation(deps, userId, id);
      req.log.info({ userId, invitationId: id }, "invitation revoked");
      res.status(204).set(noStore).end();
    })
    .all(onlyMethods("DELETE"));

  // Only account ids (digits) here: other features' /staff/<word> routes must stay reachable.
  router.param("userId", (_req, _res, next, value: string) => (/^\d+$/.test(value) ? next() : next("route")));
  router
    .route("/staff/:userId")
    .put(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      grantor(deps, userId);
      const { userId: targetId } = parseInput(UserParamsSchema, req.params);
      const grant = parseBody(StaffGrantSchema, req.body);
      const member = changeStaff(deps, userId, targetId, grant);
      req.log.info({ userId, targetId, role: member.role, tdpIds: member.tdpIds }, "staff role changed");
      res.set(noStore).json(member);
    })
    .delete(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      grantor(deps, userId);
      const { userId: targetId } = parseInput(UserParamsSchema, req.params);
      removeStaffRole(deps, userId, targetId);
      req.log.info({ userId, targetId }, "staff role removed");
      res.status(204).set(noStore).end();
    })
    .all(onlyMethods("PUT", "DELETE"));

  router
    .route("/audit")
    .get(deps.requireSession, (req, res) => {
      const userId = sessionUserId(res);
      auditReader(deps, userId);
      const query = parseInput(AuditQuerySchema, req.query);
      res.set(noStore).json(readAuditLog(deps, userId, query));
    })
    .all(onlyMethods("GET"));

  return router;
}
