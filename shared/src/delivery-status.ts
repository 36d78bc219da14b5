// How a facilitator reads the state of a message the server sends to a group: one mapping from
// the outbox's states to six statuses, used by the announcement report and by the class
// reminders page alike (docs/API.md "Announcements", "Class reminders: staff").
import { z } from "zod";

/** The outbox's states (bot-server 006-delivery.sql). */
export const OUTBOX_STATES = ["pending", "sending", "sent", "failed", "expired", "cancelled", "manual"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * A group's delivery as the facilitator reads it: waiting (pending or being sent), sent,
 * failed (Zalo refused for good; `reason` says why), expired, cancelled, or share-by-hand
 * (the OA cannot post there: the facilitator shares it and says so).
 */
export const DeliveryStatusSchema = z.enum(["sent", "waiting", "failed", "expired", "cancelled", "share-by-hand"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;
export const DELIVERY_STATUSES = DeliveryStatusSchema.options;

const STATUS_OF_STATE: Record<OutboxState, DeliveryStatus> = {
  pending: "waiting",
  sending: "waiting",
  sent: "sent",
  failed: "failed",
  expired: "expired",
  cancelled: "cancelled",
  manual: "share-by-hand",
};

export function deliveryStatusOf(state: OutboxState): DeliveryStatus {
  return STATUS_OF_STATE[state];
}

/** The statuses that come with a reason (the outbox row's `failure`). */
export const STATUSES_WITH_REASON: ReadonlySet<DeliveryStatus> = new Set(["failed", "expired", "cancelled"]);

export const DeliveryCountsSchema = z.record(DeliveryStatusSchema, z.number().int().min(0));
export type DeliveryCounts = z.infer<typeof DeliveryCountsSchema>;

export function emptyCounts(): DeliveryCounts {
  return Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as DeliveryCounts;
}

export function countDeliveries(deliveries: readonly { status: DeliveryStatus }[]): DeliveryCounts {
  const counts = emptyCounts();
  for (const d of deliveries) counts[d.status] += 1;
  return counts;
}
