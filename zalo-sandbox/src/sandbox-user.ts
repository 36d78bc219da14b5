// A pretend Zalo user as the sandbox keeps them, and the older shape a state file may still
// hold. Separate from store.ts so the state-file schema can use it without an import cycle.
import { z } from "zod";

export const USER_ID = /^[1-9]\d{17}$/;

export const SandboxUserSchema = z.object({
  /** Zalo user ids are 18-digit numeric strings, never numbers (ZALO.md §1.3). This is the
   * app-scoped id: graph /me answers it, and webhook events carry it as user_id_by_app. */
  id: z.string().regex(USER_ID),
  name: z.string(),
  createdAt: z.string(),
  /** the same person as the Official Account sees them: webhook sender.id, CS recipient.user_id */
  oaUserId: z.string().regex(USER_ID),
  followsOa: z.boolean(),
  /** ISO time of the last follow, message or button press; the CS 7-day window runs from it */
  lastInteractionAt: z.string().nullable(),
});
export type SandboxUser = z.infer<typeof SandboxUserSchema>;

/** Version 1 files predate the Official Account: their users get an OA id on load. */
export const StoredUserSchema = SandboxUserSchema.extend({
  oaUserId: z.string().regex(USER_ID).optional(),
  followsOa: z.boolean().default(false),
  lastInteractionAt: z.string().nullable().default(null),
});
