// POST /api/v1/announcements/:id/deliveries/:tdpId/shared: "Tôi đã chia sẻ" for a group the
// facilitator shared into by hand. Saying it twice changes nothing.
import { AnnouncementSchema, type Announcement } from "@hocso/shared/announcements";
import { apiRequest } from "../../../app/api-client.ts";

export function postShared(token: string, id: number, tdpId: string): Promise<Announcement> {
  return apiRequest({
    method: "POST",
    path: `/announcements/${id}/deliveries/${encodeURIComponent(tdpId)}/shared`,
    token,
    schema: AnnouncementSchema,
  });
}
