// POST /api/v1/announcements/:id/cancel: stop the groups that have not received it yet.
import { AnnouncementSchema, type Announcement } from "@hocso/shared/announcements";
import { apiRequest } from "../../../app/api-client.ts";

export function postCancelAnnouncement(token: string, id: number): Promise<Announcement> {
  return apiRequest({ method: "POST", path: `/announcements/${id}/cancel`, token, schema: AnnouncementSchema });
}
