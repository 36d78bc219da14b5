// GET /api/v1/announcements/:id: one announcement and the delivery of each of the facilitator's groups.
import { AnnouncementSchema, type Announcement } from "@hocso/shared/announcements";
import { apiRequest } from "../../../app/api-client.ts";

export function getAnnouncement(token: string, id: number): Promise<Announcement> {
  return apiRequest({ method: "GET", path: `/announcements/${id}`, token, schema: AnnouncementSchema });
}
