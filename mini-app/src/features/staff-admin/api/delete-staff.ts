// DELETE /api/v1/staff/:userId: takes the staff role away; 409 for the ward's only admin.
import { z } from "zod";
import { apiRequest } from "../../../app/api-client.ts";

export async function deleteStaff(token: string, userId: number): Promise<void> {
  await apiRequest({ method: "DELETE", path: `/staff/${userId}`, token, schema: z.unknown() });
}
