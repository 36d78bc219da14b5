// POST /api/v1/sync: a batch of learning events from the outbox. The server stores each event
// id once, so sending a batch again after a lost answer counts nothing twice.
import { SyncResponseSchema, type SyncEvent, type SyncResponse } from "@hocso/shared/api";
import { apiRequest } from "../api-client.ts";

export function postSync(token: string, events: SyncEvent[]): Promise<SyncResponse> {
  return apiRequest({ method: "POST", path: "/sync", body: { events }, token, schema: SyncResponseSchema });
}
