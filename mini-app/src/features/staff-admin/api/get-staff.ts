// GET /api/v1/staff: every staff member with their role, TDPs and display name ("role:grant").
import { StaffListSchema, type StaffMember } from "@hocso/shared/staff-admin";
import { apiRequest } from "../../../app/api-client.ts";

export async function getStaff(token: string): Promise<StaffMember[]> {
  return (await apiRequest({ method: "GET", path: "/staff", token, schema: StaffListSchema })).items;
}
