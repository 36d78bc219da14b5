// Ids the sandbox hands out for messages. Zalo's ids are strings, never numbers (ZALO.md §1.3).
import { randomBytes, randomInt } from "node:crypto";

/** A CS answer's data.message_id: an 18-digit numeric string. */
export function newMessageId(): string {
  return `${randomInt(100_000_000, 1_000_000_000)}${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
}

/** A webhook event's message.msg_id: hex like Zalo's ("96d3cdf3af150460909"), 80 random bits. */
export function newEventMsgId(): string {
  return randomBytes(10).toString("hex");
}

/** GMF group ids are short strings such as "f414c8f76fa586fbdfb4" (ZALO.md §3.1). */
export const GROUP_ID = /^[0-9A-Za-z_-]{1,64}$/;
