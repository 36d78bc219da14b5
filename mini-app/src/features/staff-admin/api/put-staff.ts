// PUT /api/v1/staff/:userId: a staff member's new role and TDPs; 409 for the ward's only admin.
import { StaffMemberSchema, type StaffGrant, type StaffMember } from "@hocso/shared/staff-admin";
import { apiRequest } from "../../../app/api-client.ts";

export function putStaff(token: string, userId: number, body: StaffGrant): Promise<StaffMember> {
  return apiRequest({ method: "PUT", path: `/staff/${userId}`, body, token, schema: StaffMemberSchema });
}
