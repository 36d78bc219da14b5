// POST /api/v1/staff/reminders/:id/shared: "Tôi đã chia sẻ" for a class reminder or notice the
// facilitator shared into an ordinary group by hand. Saying it twice changes nothing.
import { StaffReminderSchema, type StaffReminder } from "@hocso/shared/staff-reminders";
import { apiRequest } from "../../../app/api-client.ts";

export function postReminderShared(token: string, id: number): Promise<StaffReminder> {
  return apiRequest({ method: "POST", path: `/staff/reminders/${id}/shared`, token, schema: StaffReminderSchema });
}
