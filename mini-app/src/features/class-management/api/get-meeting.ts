// GET /api/v1/classes/:classId/meetings/:date: who is present at one meeting, its open
// check-in, and the TDP's learners to tick.
import { MeetingAttendanceSchema, type MeetingAttendance } from "@hocso/shared/attendance";
import { apiRequest } from "../../../app/api-client.ts";

export function meetingPathOf(classId: string, date: string): string {
  return `/classes/${encodeURIComponent(classId)}/meetings/${date}`;
}

export function getMeeting(token: string, classId: string, date: string): Promise<MeetingAttendance> {
  return apiRequest({ method: "GET", path: meetingPathOf(classId, date), token, schema: MeetingAttendanceSchema });
}
