// PUT /api/v1/classes/:classId/occurrences/:date/rsvp: "Tôi sẽ tham gia" (going) or "Không đi
// được nữa". Needs a session and the progress consent; the same answer again changes nothing.
import { ClassOccurrenceViewSchema, type ClassOccurrenceView } from "@hocso/shared/api";
import { apiRequest } from "../../../app/api-client.ts";

export function putRsvp(token: string, meeting: { classId: string; date: string }, going: boolean): Promise<ClassOccurrenceView> {
  return apiRequest({
    method: "PUT",
    path: `/classes/${encodeURIComponent(meeting.classId)}/occurrences/${encodeURIComponent(meeting.date)}/rsvp`,
    body: { going },
    token,
    schema: ClassOccurrenceViewSchema,
  });
}
