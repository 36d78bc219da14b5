// A reply as the chat composes it, and the message it becomes: NFC-normalised (Vietnamese
// typed on different keyboards arrives composed or decomposed) and within Zalo's limits.
import { cutText } from "@hocso/shared/zalo-text";
import { OA_LIMITS, type OaButton, type OaMessage } from "../../platform/zalo-oa.ts";

export interface Reply {
  text: string;
  buttons?: readonly OaButton[];
}

/** Where a reply goes: one resident (CS message) or an OA-owned TDP group. */
export type ReplyTarget = { userId: string } | { groupId: string };

export function toOaMessage(reply: Reply): OaMessage {
  const buttons = (reply.buttons ?? []).slice(0, OA_LIMITS.buttons).map((b) => ({
    title: cutText(b.title.normalize("NFC"), OA_LIMITS.buttonTitle),
    payload: cutText(b.payload.normalize("NFC"), OA_LIMITS.buttonPayload),
  }));
  const text = cutText(reply.text.normalize("NFC").trim(), OA_LIMITS.text);
  return buttons.length > 0 ? { text, buttons } : { text };
}

/** Buttons in messages of at most five: Zalo's limit per message. */
export function chunkButtons(buttons: readonly OaButton[]): OaButton[][] {
  const chunks: OaButton[][] = [];
  for (let i = 0; i < buttons.length; i += OA_LIMITS.buttons) chunks.push(buttons.slice(i, i + OA_LIMITS.buttons));
  return chunks;
}
