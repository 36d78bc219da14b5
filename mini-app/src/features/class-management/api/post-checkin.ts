// POST /api/v1/classes/:classId/meetings/:date/checkin: "Mở điểm danh bằng mã QR". Only on
// the meeting's day; while open it answers the same code.
import { MeetingAttendanceSchema, type MeetingAttendance } from "@hocso/shared/attendance";
import { apiRequest } from "../../../app/api-client.ts";
import { meetingPathOf } from "./get-meeting.ts";

export function postCheckin(token: string, classId: string, date: string): Promise<MeetingAttendance> {
  return apiRequest({
    method: "POST",
    path: `${meetingPathOf(classId, date)}/checkin`,
    token,
    schema: MeetingAttendanceSchema,
  });
}
