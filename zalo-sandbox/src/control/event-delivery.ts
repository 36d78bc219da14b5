// The shared path of every control route that makes the sandbox send a webhook event: the
// test options, the 409 when there is nowhere to send, and the answer — JSON for a test, or
// a redirect back to the web page with a note for a person who used one of its forms.
import type { Request, Response } from "express";
import { z } from "zod";
import type { ActionContext } from "../oa/user-actions.ts";
import type { SandboxStore, SandboxUser } from "../store.ts";
import type { PageNotes } from "../web/page-notes.ts";
import type { OaIdentity, WebhookEvent } from "../webhook/events.ts";
import type { SendResult, WebhookSender } from "../webhook/webhook-sender.ts";
import { ControlError, fieldProblems } from "./control-error.ts";

export interface EventRouteDeps {
  store: SandboxStore;
  oa: OaIdentity;
  now: () => number;
  webhook: WebhookSender;
  notes: PageNotes;
}

const MAX_REDELIVER = 50;
const MAX_OFFSET_MS = 366 * 24 * 60 * 60 * 1000;

/** Test options every sending route takes beside its own fields. */
export const DeliveryOptionsShape = {
  /** the identical signed request N more times (a duplicate storm) */
  redeliver: z.int().min(0).max(MAX_REDELIVER).optional(),
  /** sign with this key instead of the OA secret key */
  signWith: z.string().min(1).max(256).optional(),
  /** back- or forward-date the event's timestamp by this much */
  timestampOffsetMs: z.int().min(-MAX_OFFSET_MS).max(MAX_OFFSET_MS).optional(),
};

export interface DeliveryOptions {
  redeliver?: number | undefined;
  signWith?: string | undefined;
  timestampOffsetMs?: number | undefined;
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new ControlError(400, "bad_request", `Invalid ${what}`, fieldProblems(parsed.error));
  return parsed.data;
}

export function requireUser(store: SandboxStore, id: string): SandboxUser {
  const user = store.findUserByAnyId(id);
  if (!user) throw new ControlError(404, "not_found", `No sandbox user ${id}`);
  return user;
}

export function requireWebhook(webhook: WebhookSender): void {
  if (webhook.url === undefined) {
    throw new ControlError(
      409,
      "conflict",
      "No webhook URL is set: start the sandbox with ZALO_SANDBOX_WEBHOOK_URL (or call setWebhookUrl)",
    );
  }
}

export function actionContext(deps: EventRouteDeps, options: DeliveryOptions): ActionContext {
  const now = deps.now();
  return { store: deps.store, oa: deps.oa, now, stampedAt: now + (options.timestampOffsetMs ?? 0) };
}

export async function deliver(
  deps: EventRouteDeps,
  event: WebhookEvent,
  options: DeliveryOptions,
): Promise<{ event: WebhookEvent } & SendResult> {
  const result = await deps.webhook.send(event, { redeliver: options.redeliver, signWith: options.signWith });
  return { event, ...result };
}

/** Where a page form post returns to, and the key of the note it leaves there. */
export interface PageReturn {
  noteKey: string;
  location: string;
}

/**
 * Runs one sending route. A JSON caller gets 201 with the event and the webhook's answer;
 * a form post from the web page gets a 303 back to the page, whatever happened, and the
 * outcome as a note there.
 */
export async function answerSend(
  req: Request,
  res: Response,
  deps: EventRouteDeps,
  back: PageReturn,
  send: () => Promise<{ event: WebhookEvent } & SendResult>,
): Promise<void> {
  const fromPage = req.is("application/x-www-form-urlencoded") === "application/x-www-form-urlencoded";
  if (!fromPage) {
    res.status(201).json(await send());
    return;
  }
  try {
    const { delivery } = await send();
    deps.notes.set(
      back.noteKey,
      delivery.status === null
        ? `Sent, but the webhook did not answer: ${delivery.error ?? "no answer"}`
        : `Delivered: the webhook answered HTTP ${delivery.status} in ${delivery.durationMs} ms`,
    );
  } catch (err) {
    if (!(err instanceof ControlError)) throw err;
    const detail = err.fields?.map((f) => `${f.path}: ${f.message}`).join("; ");
    deps.notes.set(back.noteKey, `Not sent: ${err.message}${detail ? ` (${detail})` : ""}`);
  }
  res.redirect(303, back.location);
}
