// A reply as the chat composes it, and the message it becomes: NFC-normalised (Vietnamese
// typed on different keyboards arrives composed or decomposed) and within Zalo's limits.
import { OA_LIMITS, type OaButton, type OaMessage } from "../../platform/zalo-oa.ts";

export interface Reply {
  text: string;
  buttons?: readonly OaButton[];
}

/** Where a reply goes: one resident (CS message) or an OA-owned TDP group. */
export type ReplyTarget = { userId: string } | { groupId: string };

export function toOaMessage(reply: Reply): OaMessage {
  const buttons = (reply.buttons ?? []).slice(0, OA_LIMITS.buttons).map((b) => ({
    title: cut(b.title.normalize("NFC"), OA_LIMITS.buttonTitle),
    payload: cut(b.payload.normalize("NFC"), OA_LIMITS.buttonPayload),
  }));
  const text = cut(reply.text.normalize("NFC").trim(), OA_LIMITS.text);
  return buttons.length > 0 ? { text, buttons } : { text };
}

/** At most `max` characters, ending in "…" when cut. */
function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** Buttons in messages of at most five: Zalo's limit per message. */
export function chunkButtons(buttons: readonly OaButton[]): OaButton[][] {
  const chunks: OaButton[][] = [];
  for (let i = 0; i < buttons.length; i += OA_LIMITS.buttons) chunks.push(buttons.slice(i, i + OA_LIMITS.buttons));
  return chunks;
}
