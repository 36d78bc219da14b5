// What the webhook keeps of an event: its dedupe key, its payload without what we must not
// store, and the ids its log lines carry (never message text, names or phone numbers).
import { createHash } from "node:crypto";
import type { OaEvent } from "../../platform/zalo-oa-events.ts";

/**
 * `msg:<msg_id>` when Zalo gives the message id (its retries carry the same one), else
 * `sha256:<hex>` of the event name, the sender's (or follower's) id and the timestamp.
 */
export function eventKey(event: OaEvent, timestamp: string): string {
  const msgId = event.message?.msg_id;
  if (msgId) return `msg:${msgId}`;
  const who = event.sender?.id ?? event.follower?.id ?? "";
  const hash = createHash("sha256").update(`${event.event_name}\n${who}\n${timestamp}`, "utf8").digest("hex");
  return `sha256:${hash}`;
}

/**
 * The event as stored in the inbox. user_submit_info's `info` (name, phone, address …) is
 * never stored: the resident gave it for no purpose we have asked consent for.
 */
export function storablePayload(event: OaEvent): string {
  const { info: _info, ...rest } = event as OaEvent & { info?: unknown };
  return JSON.stringify(rest);
}

/** The payload kept after handling: the message text is not needed any more. */
export function handledPayload(event: OaEvent): string {
  const { info: _info, ...rest } = event as OaEvent & { info?: unknown };
  if (!rest.message) return JSON.stringify(rest);
  const { text: _text, ...message } = rest.message;
  return JSON.stringify({ ...rest, message });
}

/**
 * Ids for log lines; for user_submit_info also the names of the fields the resident filled
 * in (never their values), the only trace we keep of them.
 */
export function eventIds(event: OaEvent): Record<string, string | string[] | undefined> {
  const info = (event as { info?: unknown }).info;
  return {
    senderId: event.sender?.id,
    followerId: event.follower?.id,
    recipientId: event.recipient?.id,
    userIdByApp: event.user_id_by_app,
    ...(typeof info === "object" && info !== null ? { infoFields: Object.keys(info).sort() } : {}),
  };
}
