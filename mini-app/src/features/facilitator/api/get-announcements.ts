// GET /api/v1/announcements: the facilitator's announcements, newest first, with counts per status.
import { AnnouncementListSchema, type AnnouncementSummary } from "@hocso/shared/announcements";
import { apiRequest } from "../../../app/api-client.ts";

export async function getAnnouncements(token: string): Promise<AnnouncementSummary[]> {
  const list = await apiRequest({ method: "GET", path: "/announcements", token, schema: AnnouncementListSchema });
  return list.items;
}
