// Zalo Mini App `POST /notification/template` (openapi.mini.zalo.me, ZALO.md §4.4): a
// template notification to one user who opened the Mini App. Request as documented at
// stc-zmp.zadn.vn/zmp-docs/v2.1.4/open-apis/notifications/send (headers X-Api-Key "Bearer
// <key>", X-User-Id, X-MiniApp-Id; body {templateId, templateData}). Its answer is not in any
// source found: the sandbox answers Zalo's usual envelope {error:0, message, data:{msgId}}
// (shape unconfirmed), and refuses with -216 for a wrong key and -201 for a bad parameter or a
// user it does not know (codes unconfirmed). Not enforced: the documented 7-day window,
// 1,000 a day, one per user per day, 06:00–22:00, and the template's field lengths.
import { timingSafeEqual } from "node:crypto";
import { Router, type RequestHandler } from "express";
import { z } from "zod";
import type { EndpointGuards } from "../endpoint-guards.ts";
import type { MiniAppNotification } from "../conversations.ts";
import { newMessageId } from "../ids.ts";
import type { SandboxStore } from "../store.ts";
import { invalidParam, sendZaloFailure, sendZaloSuccess } from "../zalo-envelope.ts";
import { bodyErrorsAsZaloFailures, readJsonQuietly, reportBodyError } from "../zalo-json-body.ts";

export interface NotificationDeps {
  store: SandboxStore;
  now: () => number;
  apiKey: string;
  guards: EndpointGuards;
}

const INVALID_API_KEY = { error: -216, message: "X-Api-Key is invalid: send Bearer <the Mini App's API key>" };

const text = z.string({ error: "must be a string" }).optional();
const NotificationBodySchema = z.object(
  {
    templateId: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
    templateData: z.object(
      { title: text, contentTitle: text, contentDescription: text, buttonText: text, buttonUrl: text },
      { error: "must be an object" },
    ),
  },
  { error: "body must be a JSON object" },
);

export function miniAppRoutes({ store, now, apiKey, guards }: NotificationDeps): Router {
  const router = Router();
  router.post(
    "/notification/template",
    readJsonQuietly(16),
    ...guards("miniapp.notification"),
    checkApiKey(apiKey),
    reportBodyError,
    sendNotification(store, now),
  );
  router.use("/notification", bodyErrorsAsZaloFailures(16));
  return router;
}

function checkApiKey(apiKey: string): RequestHandler {
  return (req, res, next) => {
    if (!sameKey(req.get("X-Api-Key"), `Bearer ${apiKey}`)) return sendZaloFailure(res, INVALID_API_KEY);
    next();
  };
}

/** After the key and the body's JSON: the Mini App, the user, then the body's fields. */
function sendNotification(store: SandboxStore, now: () => number): RequestHandler {
  return (req, res) => {
    if (!req.get("X-MiniApp-Id")) return sendZaloFailure(res, invalidParam("the X-MiniApp-Id header is missing"));
    const userId = req.get("X-User-Id") ?? "";
    const user = store.findUser(userId);
    if (!user) {
      const hint = "send the app-scoped id that getUserInfo() and graph /me give";
      return sendZaloFailure(res, invalidParam(`X-User-Id ${userId || "(missing)"} is not a user of this Mini App (${hint})`));
    }
    const parsed = NotificationBodySchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.map(String).join(".") ?? "";
      return sendZaloFailure(res, invalidParam(path ? `${path} ${issue?.message}` : (issue?.message ?? "body is invalid")));
    }
    const notification: MiniAppNotification = { templateId: parsed.data.templateId, ...definedOnly(parsed.data.templateData) };
    const msgId = newMessageId();
    store.appendToUserConversation(user.id, {
      direction: "miniapp→user",
      text: summary(notification),
      notification,
      at: new Date(now()).toISOString(),
      msgId,
    });
    sendZaloSuccess(res, { data: { msgId } });
  };
}

/** What the user reads: the title lines, or the template id when it carried no text. */
function summary(n: MiniAppNotification): string {
  const lines = [n.title, n.contentTitle, n.contentDescription].filter((l): l is string => Boolean(l?.trim()));
  return lines.length > 0 ? lines.join("\n") : `(template ${n.templateId})`;
}

function definedOnly<T extends Record<string, string | undefined>>(data: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}

function sameKey(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? "", "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
