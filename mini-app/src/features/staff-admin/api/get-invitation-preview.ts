// GET /api/v1/staff/invitations/preview?code=: what the invited person will get; a 404 names
// why a code cannot be used (invitationRefusalOf).
import { InvitationPreviewSchema, type InvitationPreview } from "@hocso/shared/staff-admin";
import { apiRequest } from "../../../app/api-client.ts";

export function getInvitationPreview(token: string, code: string): Promise<InvitationPreview> {
  const path = `/staff/invitations/preview?code=${encodeURIComponent(code)}`;
  return apiRequest({ method: "GET", path, token, schema: InvitationPreviewSchema });
}
