// PUT /api/v1/classes/:classId/meetings/:date/guests: how many came without the app, a number only.
import { MeetingAttendanceSchema, type MeetingAttendance } from "@hocso/shared/attendance";
import { apiRequest } from "../../../app/api-client.ts";
import { meetingPathOf } from "./get-meeting.ts";

export function putGuests(
  token: string,
  meeting: { classId: string; date: string },
  guests: number,
): Promise<MeetingAttendance> {
  return apiRequest({
    method: "PUT",
    path: `${meetingPathOf(meeting.classId, meeting.date)}/guests`,
    body: { guests },
    token,
    schema: MeetingAttendanceSchema,
  });
}
