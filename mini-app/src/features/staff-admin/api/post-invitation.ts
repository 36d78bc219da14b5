// POST /api/v1/staff/invitations: a one-time code for a role and TDPs, with its link; the only
// answer that carries the code.
import { CreatedInvitationSchema, type CreatedInvitation, type StaffGrant } from "@hocso/shared/staff-admin";
import { apiRequest } from "../../../app/api-client.ts";

export function postInvitation(token: string, body: StaffGrant): Promise<CreatedInvitation> {
  return apiRequest({ method: "POST", path: "/staff/invitations", body, token, schema: CreatedInvitationSchema });
}
