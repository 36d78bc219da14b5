// Zalo OA `POST /v3.0/oa/message/cs`: a customer-service message to one user, answered with
// Zalo's envelope and its HTTP-200 failures (ZALO.md §1.4, §1.5, §1.7).
import type { RequestHandler } from "express";
import { newMessageId } from "../ids.ts";
import type { SandboxStore } from "../store.ts";
import { invalidParam, sendZaloFailure, sendZaloSuccess, ZALO_FAILURES } from "../zalo-envelope.ts";
import { parseCsMessageBody } from "./cs-message-body.ts";
import { isWithinCsWindow } from "./interaction-window.ts";

export interface CsMessageDeps {
  store: SandboxStore;
  /** epoch milliseconds: the sandbox clock */
  now: () => number;
}

/** Checks in Zalo's order of cost: the body, then who it is for, then their 7-day window. */
export function sendCsMessage({ store, now }: CsMessageDeps): RequestHandler {
  return (req, res) => {
    const parsed = parseCsMessageBody(req.body);
    if (!parsed.ok) return sendZaloFailure(res, invalidParam(parsed.problem));
    const { recipientId, text, buttons } = parsed.message;
    const user = store.findUserByOaId(recipientId);
    if (!user) {
      const hint = "send the OA-scoped id: sender.id of webhook events";
      return sendZaloFailure(res, invalidParam(`recipient.user_id ${recipientId} is not a user of this OA (${hint})`));
    }
    if (!isWithinCsWindow(user, now())) return sendZaloFailure(res, ZALO_FAILURES.noInteractionIn7Days);
    const messageId = newMessageId();
    store.appendToUserConversation(user.id, {
      direction: "oa→user",
      text,
      ...(buttons ? { buttons } : {}),
      at: new Date(now()).toISOString(),
      msgId: messageId,
    });
    sendZaloSuccess(res, { data: { message_id: messageId, user_id: user.oaUserId } });
  };
}
