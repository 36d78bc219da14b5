// The events Zalo posts to the OA webhook (ZALO.md §2.3), as far as we read them. Objects
// are loose: Zalo adds fields over time, and an event we do not understand is still stored
// once and acknowledged, so Zalo stops resending it. Ids are numeric strings, never numbers.
import { z } from "zod";

const Id = z.string().min(1).max(64);
const Party = z.looseObject({ id: Id });

export const OaEventSchema = z.looseObject({
  /** user_send_text, follow, unfollow, user_submit_info, user_send_group_text, oa_send_text, … */
  event_name: z.string().min(1).max(100),
  app_id: z.string().max(64).optional(),
  oa_id: z.string().max(64).optional(),
  /** the app-scoped id of the resident: the id graph /v2.0/me gives the mini app */
  user_id_by_app: Id.optional(),
  /** epoch milliseconds, as a string */
  timestamp: z.union([z.string().max(32), z.number()]).optional(),
  /** user → OA events: the OA-scoped user id */
  sender: Party.optional(),
  /** user → OA events: the OA; group events: the group */
  recipient: Party.optional(),
  /** follow / unfollow: the OA-scoped user id */
  follower: Party.optional(),
  message: z.looseObject({ text: z.string().max(10_000).optional(), msg_id: Id.optional() }).optional(),
});
export type OaEvent = z.infer<typeof OaEventSchema>;
