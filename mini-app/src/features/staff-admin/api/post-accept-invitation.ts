// POST /api/v1/staff/invitations/accept: the signed-in account takes the role; the answer is
// their new staff profile, as GET /api/v1/staff/me gives it.
import type { StaffMe } from "@hocso/shared/announcements";
import { AcceptedInvitationSchema } from "@hocso/shared/staff-admin";
import { apiRequest } from "../../../app/api-client.ts";

export function postAcceptInvitation(token: string, code: string): Promise<StaffMe> {
  const body = { code };
  return apiRequest({ method: "POST", path: "/staff/invitations/accept", body, token, schema: AcceptedInvitationSchema });
}
