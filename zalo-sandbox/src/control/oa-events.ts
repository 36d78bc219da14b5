// Control routes that make a pretend resident act towards the Official Account, each sending
// the webhook event Zalo would (ZALO.md §2.3). Ours, not Zalo's: see docs/API.md.
import express, { Router, type RequestHandler } from "express";
import { z } from "zod";
import { GROUP_ID } from "../ids.ts";
import { follow, submitInfo, unfollow, writeInGroup, writeToOa } from "../oa/user-actions.ts";
import type { ActionContext } from "../oa/user-actions.ts";
import type { SandboxUser } from "../store.ts";
import type { WebhookEvent } from "../webhook/events.ts";
import {
  actionContext,
  answerSend,
  deliver,
  DeliveryOptionsShape,
  parseBody,
  requireUser,
  requireWebhook,
  type DeliveryOptions,
  type EventRouteDeps,
} from "./event-delivery.ts";
import { ControlError } from "./control-error.ts";

/** What a resident types: the same 2,000-character limit as the OA's own messages. */
const text = z
  .string()
  .refine((t) => t.trim().length > 0, { error: "must not be empty" })
  .refine((t) => [...t.normalize("NFC")].length <= 2000, { error: "must be at most 2000 characters" });

const WriteSchema = z.strictObject({ text, ...DeliveryOptionsShape });
const PressSchema = z.strictObject({ payload: z.string().min(1).max(1000), ...DeliveryOptionsShape });
const OptionsOnlySchema = z.strictObject(DeliveryOptionsShape);
const SubmitInfoSchema = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  /** as Zalo gives numbers back: 84… */
  phone: z
    .string()
    .regex(/^\+?\d{8,15}$/, { error: "must be 8–15 digits" })
    .optional(),
  ...DeliveryOptionsShape,
});
const GroupWriteSchema = z.strictObject({ userId: z.string().min(1), text, ...DeliveryOptionsShape });

export function oaEventRoutes(deps: EventRouteDeps): Router {
  const router = Router();
  router.use("/oa", express.urlencoded({ extended: false, limit: "16kb" }));

  router.post("/oa/users/:id/messages", userAction(deps, WriteSchema, (ctx, user, b) => writeToOa(ctx, user, b.text)));
  router.post("/oa/users/:id/press", userAction(deps, PressSchema, (ctx, user, b) => writeToOa(ctx, user, b.payload)));
  router.post("/oa/users/:id/follow", userAction(deps, OptionsOnlySchema, (ctx, user) => follow(ctx, user)));
  router.post("/oa/users/:id/unfollow", userAction(deps, OptionsOnlySchema, (ctx, user) => unfollow(ctx, user)));
  router.post(
    "/oa/users/:id/submit-info",
    userAction(deps, SubmitInfoSchema, (ctx, user, b) => submitInfo(ctx, user, { name: b.name, phone: b.phone })),
  );
  router.post("/oa/groups/:groupId/messages", groupWrite(deps));
  return router;
}

function userAction<T extends DeliveryOptions>(
  deps: EventRouteDeps,
  schema: z.ZodType<T>,
  act: (ctx: ActionContext, user: SandboxUser, body: T) => WebhookEvent,
): RequestHandler<{ id: string }> {
  return async (req, res) => {
    const back = { noteKey: `user:${req.params.id}`, location: `/#oa-user-${encodeURIComponent(req.params.id)}` };
    await answerSend(req, res, deps, back, async () => {
      const user = requireUser(deps.store, req.params.id);
      const body = parseBody(schema, req.body, "event");
      requireWebhook(deps.webhook);
      return deliver(deps, act(actionContext(deps, body), user, body), body);
    });
  };
}

function groupWrite(deps: EventRouteDeps): RequestHandler<{ groupId: string }> {
  return async (req, res) => {
    const { groupId } = req.params;
    const back = { noteKey: `group:${groupId}`, location: `/#oa-group-${encodeURIComponent(groupId)}` };
    await answerSend(req, res, deps, back, async () => {
      requireGroupId(groupId);
      const body = parseBody(GroupWriteSchema, req.body, "group message");
      const user = requireUser(deps.store, body.userId);
      requireOaHearsGroup(deps, groupId);
      requireWebhook(deps.webhook);
      return deliver(deps, writeInGroup(actionContext(deps, body), user, groupId, body.text), body);
    });
  };
}

/** Zalo tells the OA about a group only while it is in it and the group is enabled. */
function requireOaHearsGroup(deps: EventRouteDeps, groupId: string): void {
  const group = deps.store.findGroup(groupId);
  if (group && !group.oaInGroup) {
    throw new ControlError(409, "conflict", `The OA is not in group ${groupId}, so Zalo would send it no event`);
  }
  if (group?.status === "disabled") {
    throw new ControlError(409, "conflict", `Group ${groupId} is disabled, so nobody can write in it`);
  }
}

export function requireGroupId(groupId: string): void {
  if (!GROUP_ID.test(groupId)) {
    throw new ControlError(400, "bad_request", "A group id is 1–64 letters, digits, _ or -");
  }
}
