// GET /api/v1/staff/reminders: the upcoming meetings of the facilitator's TDPs, newest first,
// with the reminders and notices sent (or to share by hand) to each TDP's group.
import { StaffRemindersSchema, type StaffReminders } from "@hocso/shared/staff-reminders";
import { apiRequest } from "../../../app/api-client.ts";

export function getStaffReminders(token: string, days: number): Promise<StaffReminders> {
  return apiRequest({ method: "GET", path: `/staff/reminders?days=${days}`, token, schema: StaffRemindersSchema });
}
