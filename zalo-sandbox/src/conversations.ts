// What was said between the Official Account and a user, or inside a group, in order: the
// sandbox's record of both directions, so tests and the web page can read what arrived.
import { z } from "zod";

/** Button kinds of the CS "text plus buttons" template that the sandbox accepts (ZALO.md §1.4). */
export const OA_BUTTON_TYPES = ["oa.query.show", "oa.query.hide", "oa.open.url"] as const;

export const OaButtonSchema = z.object({
  title: z.string(),
  type: z.enum(OA_BUTTON_TYPES),
  /** the text a query button sends back, or `{url}` for oa.open.url */
  payload: z.union([z.string(), z.object({ url: z.string() })]),
});
export type OaButton = z.infer<typeof OaButtonSchema>;

/** What a Mini App notification carried (ZALO.md §4.4): its template and the fields filled in. */
export const MiniAppNotificationSchema = z.object({
  templateId: z.string(),
  title: z.string().optional(),
  contentTitle: z.string().optional(),
  contentDescription: z.string().optional(),
  buttonText: z.string().optional(),
  buttonUrl: z.string().optional(),
});
export type MiniAppNotification = z.infer<typeof MiniAppNotificationSchema>;

export const ConversationEntrySchema = z.object({
  /** "oa→group": the OA's own message in a group (GMF), whose conversation has no single user;
   * "miniapp→user": a Mini App notification (openapi.mini.zalo.me), shown in the user's chat */
  direction: z.enum(["user→oa", "oa→user", "oa→group", "miniapp→user"]),
  text: z.string(),
  buttons: z.array(OaButtonSchema).optional(),
  notification: MiniAppNotificationSchema.optional(),
  /** ISO-8601 time by the sandbox clock */
  at: z.string(),
  /** the webhook event's message.msg_id, or the message_id / msgId the CS, GMF or Mini App API answered */
  msgId: z.string(),
  /** in a group: the sandbox user (app-scoped id) who wrote */
  userId: z.string().optional(),
});
export type ConversationEntry = z.infer<typeof ConversationEntrySchema>;

/** Old messages fall off so a long-running sandbox's state file stays small. */
export const CONVERSATION_LIMIT = 500;

export class Conversations {
  readonly #entries = new Map<string, ConversationEntry[]>();

  append(key: string, entry: ConversationEntry): void {
    const entries = this.#entries.get(key) ?? [];
    entries.push(entry);
    if (entries.length > CONVERSATION_LIMIT) entries.splice(0, entries.length - CONVERSATION_LIMIT);
    this.#entries.set(key, entries);
  }

  /** A copy, oldest first; empty when nothing was said. */
  get(key: string): ConversationEntry[] {
    return [...(this.#entries.get(key) ?? [])];
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }

  toJSON(): Record<string, ConversationEntry[]> {
    return Object.fromEntries(this.#entries);
  }

  load(saved: Record<string, ConversationEntry[]>): void {
    for (const [key, entries] of Object.entries(saved)) this.#entries.set(key, [...entries]);
  }
}
