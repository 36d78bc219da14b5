// GET /api/v1/staff/invitations: the invitations nobody has accepted yet (without their codes).
import { InvitationListSchema, type OpenInvitation } from "@hocso/shared/staff-admin";
import { apiRequest } from "../../../app/api-client.ts";

export async function getInvitations(token: string): Promise<OpenInvitation[]> {
  return (await apiRequest({ method: "GET", path: "/staff/invitations", token, schema: InvitationListSchema })).items;
}
