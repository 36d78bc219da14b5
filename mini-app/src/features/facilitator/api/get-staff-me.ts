// GET /api/v1/staff/me: the signed-in facilitator's role, TDPs and quiet hours; 403 for a learner.
import { StaffMeSchema, type StaffMe } from "@hocso/shared/announcements";
import { apiRequest } from "../../../app/api-client.ts";

export function getStaffMe(token: string): Promise<StaffMe> {
  return apiRequest({ method: "GET", path: "/staff/me", token, schema: StaffMeSchema });
}
