// DELETE /api/v1/staff/invitations/:id: the code stops working ("Hủy lời mời").
import { z } from "zod";
import { apiRequest } from "../../../app/api-client.ts";

export async function deleteInvitation(token: string, id: number): Promise<void> {
  await apiRequest({ method: "DELETE", path: `/staff/invitations/${id}`, token, schema: z.unknown() });
}
