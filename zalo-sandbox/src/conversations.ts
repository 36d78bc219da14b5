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

export const ConversationEntrySchema = z.object({
  /** "oa→group": the OA's own message in a group (GMF), whose conversation has no single user */
  direction: z.enum(["user→oa", "oa→user", "oa→group"]),
  text: z.string(),
  buttons: z.array(OaButtonSchema).optional(),
  /** ISO-8601 time by the sandbox clock */
  at: z.string(),
  /** the webhook event's message.msg_id, or the message_id the CS or GMF API answered */
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
