// POST /api/v1/announcements: store the announcement and one message per group; the server
// answers with the delivery list (every group waiting or to share by hand).
import { AnnouncementSchema, type Announcement, type CreateAnnouncementRequest } from "@hocso/shared/announcements";
import { apiRequest } from "../../../app/api-client.ts";

export function postAnnouncement(token: string, body: CreateAnnouncementRequest): Promise<Announcement> {
  return apiRequest({ method: "POST", path: "/announcements", body, token, schema: AnnouncementSchema });
}
