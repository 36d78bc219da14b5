// PUT (present) or DELETE (not present) /api/v1/classes/:classId/meetings/:date/attendance/:userId:
// a name ticked or unticked in the TDP's list.
import { MeetingAttendanceSchema, type MeetingAttendance } from "@hocso/shared/attendance";
import { apiRequest } from "../../../app/api-client.ts";
import { meetingPathOf } from "./get-meeting.ts";

export function putAttendance(
  token: string,
  meeting: { classId: string; date: string },
  userId: number,
  present: boolean,
): Promise<MeetingAttendance> {
  return apiRequest({
    method: present ? "PUT" : "DELETE",
    path: `${meetingPathOf(meeting.classId, meeting.date)}/attendance/${userId}`,
    token,
    schema: MeetingAttendanceSchema,
  });
}
